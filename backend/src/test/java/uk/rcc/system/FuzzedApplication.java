package uk.rcc.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.webmvc.test.autoconfigure.SpringBootMockMvcBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.DefaultMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import uk.rcc.RccApplication;

/**
 * The application under an HTTP fuzz test, and the one check every fuzzed answer must pass. It starts inside the
 * first input rather than through the Spring test extension, so that Jazzer's agent is in place before any
 * application class loads (the fuzz-regression execution in the POM limits what it instruments); the inputs of a
 * test class share it, and the class closes it at the end.
 */
final class FuzzedApplication {
    private ConfigurableApplicationContext app;
    private MockMvc mvc;

    synchronized MockMvc mvc() {
        if (app == null) {
            app = new SpringApplicationBuilder(RccApplication.class)
                    .profiles("test")
                    .properties("server.port=0", "spring.main.banner-mode=off")
                    .run();
            DefaultMockMvcBuilder builder = MockMvcBuilders.webAppContextSetup((WebApplicationContext) app);
            new SpringBootMockMvcBuilderCustomizer((WebApplicationContext) app).customize(builder);
            mvc = builder.build();
        }
        return mvc;
    }

    /** One of the running application's beans; call {@link #mvc()} first. */
    <T> T bean(Class<T> type) {
        return app.getBean(type);
    }

    synchronized void close() {
        if (app != null) {
            app.close();
            app = null;
        }
    }

    /**
     * Answered below 500, without a stack trace or class names, and bad input (400) as a problem detail that says
     * what is wrong.
     */
    void assertAnsweredSafely(Object target, MockHttpServletResponse response)
            throws java.io.UnsupportedEncodingException {
        String text = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as("%s answered %s", target, text).isLessThan(500);
        assertThat(text)
                .as("no stack trace, no class names")
                .doesNotContain("\tat ")
                .doesNotContainPattern("\\b(java|javax|jakarta|org|tools|uk)\\.[a-z]+\\.[\\w.$]*[A-Z]")
                .doesNotContainPattern("\\w+Exception\\b");
        if (response.getStatus() == 400) {
            assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            JsonNode problem = bean(ObjectMapper.class).readTree(text);
            assertThat(problem.path("status").asInt()).isEqualTo(400);
            assertThat(problem.path("detail").asString("")).isNotBlank();
        }
    }
}
