package uk.rcc.system;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.ObjectMapper;
import uk.rcc.imports.DatasetImporter;
import uk.rcc.matching.runs.MatchingRunService;
import uk.rcc.support.SharedData;
import uk.rcc.support.TestRegistry;
import uk.rcc.support.Users;

/**
 * Any body sent to the main state-changing endpoints (accept, reject, matching run, weights, forecast run, board
 * comment, data set import, SSDA903 upload) is answered below 500, and bad input with a 400 problem detail that
 * carries no stack trace. The registry is the sample data set, so valid bodies reach the database. Runs its
 * committed seed corpus in every build; set JAZZER_FUZZ=1 to fuzz for longer (see docs/security.md).
 *
 * <p>The application starts inside the first input rather than through the Spring test extension, so that Jazzer's
 * agent is in place before any application class loads (the fuzz-regression execution in the POM limits what it
 * instruments).
 */
class RequestBodiesFuzzTest {
    /** Each endpoint, by who may call it; {child} and {forecast} are filled in from the registry. */
    enum Target {
        ACCEPT(HttpMethod.POST, "/api/children/{child}/placement"),
        REJECT(HttpMethod.POST, "/api/children/{child}/decisions"),
        START_MATCHING_RUN(HttpMethod.POST, "/api/matching/runs"),
        WEIGHTS(HttpMethod.PUT, "/api/matching/weights"),
        START_FORECAST(HttpMethod.POST, "/api/sufficiency/runs"),
        FORECAST_COMMENT(HttpMethod.POST, "/api/sufficiency/runs/{forecast}/comments"),
        IMPORT_CHILDREN_CSV(HttpMethod.POST, "/api/imports"),
        UPLOAD_SSDA903_EPISODES(HttpMethod.POST, "/api/sufficiency/returns");

        final HttpMethod method;
        final String path;

        Target(HttpMethod method, String path) {
            this.method = method;
            this.path = path;
        }
    }

    private static final FuzzedApplication application = new FuzzedApplication();
    private static MockMvc mvc;
    private static TestRegistry registry;
    private static DatasetImporter importer;
    private static MatchingRunService matchingRuns;
    private static ObjectMapper json;

    @FuzzTest(maxDuration = "60s")
    void anyBodyIsAnsweredBelow500AndBadInputWithA400ProblemDetail(FuzzedDataProvider data) throws Exception {
        Target target = data.pickValue(Target.values());
        byte[] body = data.consumeRemainingAsBytes();
        startApplicationOnce();
        sampleRegistry();

        MockHttpServletResponse response =
                mvc.perform(requestFor(target, body).with(csrf())).andReturn().getResponse();

        stopAnyMatchingRun(target, response);
        application.assertAnsweredSafely(target, response);
    }

    @AfterAll
    static void closeApplication() {
        application.close();
    }

    private static synchronized void startApplicationOnce() {
        mvc = application.mvc();
        registry = application.bean(TestRegistry.class);
        importer = application.bean(DatasetImporter.class);
        matchingRuns = application.bean(MatchingRunService.class);
        json = application.bean(ObjectMapper.class);
    }

    private AbstractMockHttpServletRequestBuilder<?> requestFor(Target target, byte[] body) throws IOException {
        String path = target.path.replace("{child}", awaitingChild()).replace("{forecast}", forecastRun());
        RequestPostProcessor who = target == Target.FORECAST_COMMENT ? Users.board() : Users.commissioner();
        return switch (target) {
            case IMPORT_CHILDREN_CSV -> sampleWithChildren(body).with(who);
            case UPLOAD_SSDA903_EPISODES -> returnWithEpisodes(body).with(who);
            default ->
                request(target.method, path)
                        .with(who)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body);
        };
    }

    private MockMultipartHttpServletRequestBuilder sampleWithChildren(byte[] children) throws IOException {
        MockMultipartHttpServletRequestBuilder upload = multipart("/api/imports");
        for (String name :
                List.of("dataset.csv", "authorities.csv", "homes.csv", "avoid_zones.csv", "key_places.csv")) {
            upload.file(new MockMultipartFile(
                    "files",
                    name,
                    "text/csv",
                    Files.readAllBytes(SharedData.sample().resolve(name))));
        }
        return upload.file(new MockMultipartFile("files", "children.csv", "text/csv", children));
    }

    private static MockMultipartHttpServletRequestBuilder returnWithEpisodes(byte[] episodes) {
        byte[] header = "CHILD,SEX,DOB\n1,1,01/02/2012\n".getBytes(StandardCharsets.UTF_8);
        return multipart("/api/sufficiency/returns")
                .file(new MockMultipartFile("files", "header.csv", "text/csv", header))
                .file(new MockMultipartFile("files", "episodes.csv", "text/csv", episodes))
                .param("authority", "E06000057");
    }

    private void sampleRegistry() {
        registry.reset();
        importer.importDirectory(SharedData.sample());
        registry.jdbc()
                .update(
                        "INSERT INTO forecast_run (name, status, trigger, created_by, parameters) "
                                + "VALUES ('fuzz', 'FINISHED', 'USER', 'commissioner', ?)",
                        """
                {"horizonMonths":12,"asOf":null,"seed":903,"runs":100,"confidence":0.8,"entryRateChange":null}""");
    }

    private String awaitingChild() {
        return registry.jdbc()
                .queryForObject("SELECT min(child_id) FROM child WHERE current_home_id IS NULL", String.class);
    }

    private String forecastRun() {
        return String.valueOf(registry.jdbc().queryForObject("SELECT max(id) FROM forecast_run", Long.class));
    }

    /** A run started by a valid body is stopped at once, so the solver does not outlive this input. */
    private void stopAnyMatchingRun(Target target, MockHttpServletResponse response) throws Exception {
        if (target != Target.START_MATCHING_RUN || response.getStatus() != 202) {
            return;
        }
        long id = json.readTree(response.getContentAsString()).path("runId").asLong();
        while (matchingRuns.find(id).map(run -> run.active()).orElse(false)) {
            matchingRuns.stop(id);
            Thread.sleep(50);
        }
    }
}
