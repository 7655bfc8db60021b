package uk.rcc.sufficiency.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import uk.rcc.sufficiency.Ssda903Generator;
import uk.rcc.support.IntegrationTest;
import uk.rcc.support.TestRegistry;
import uk.rcc.support.Users;

/** Four councils' SSDA903 returns uploaded, forecast, reviewed and published, all over HTTP. */
@IntegrationTest
class ForecastRunIntegrationTest {
    private static final List<String> COUNCILS = List.of("E06000057", "E06000047", "E06000063", "E06000064");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestRegistry registry;

    @TempDir
    Path temp;

    @BeforeEach
    void emptyReturns() {
        registry.reset();
    }

    @Test
    void fourCouncilsReturnsImportAndAForecastRunIsReviewedPublishedAndDownloaded() throws Exception {
        Ssda903Generator.write(new Ssda903Generator.Spec(COUNCILS, 4, 0.02, LocalDate.of(2016, 4, 1), 8, 3), temp);
        for (String council : COUNCILS) {
            mvc.perform(upload(council, temp.resolve(council)))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.children").isNumber());
        }

        String started = mvc.perform(post("/api/sufficiency/runs")
                        .with(Users.commissioner())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Baseline 2024\",\"horizonMonths\":24,\"runs\":200,\"seed\":11}"))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long runId = ((Number) JsonPath.read(started, "$.runId")).longValue();
        waitUntilFinished(runId);

        mvc.perform(get("/api/sufficiency/runs/" + runId).with(Users.board()))
                .andExpect(jsonPath("$.outputs")
                        .value(org.hamcrest.Matchers.containsInAnyOrder(
                                "backtest.csv",
                                "costs.csv",
                                "data_range.csv",
                                "forecast.csv",
                                "forecast_by_age.csv",
                                "model_choice.csv",
                                "places_needed.csv",
                                "places_needed_by_age.csv",
                                "scenarios.csv",
                                "unmet_demand.csv",
                                "history.csv",
                                "backtest_forecasts.csv")));
        String forecast = mvc.perform(get("/api/sufficiency/runs/" + runId + "/outputs/forecast.csv")
                        .with(Users.board()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(forecast.lines().count()).isEqualTo(1 + 24L * (COUNCILS.size() + 1) * 8);
        mvc.perform(post("/api/sufficiency/runs/" + runId + "/review")
                .with(Users.commissioner())
                .with(csrf()));
        mvc.perform(post("/api/sufficiency/runs/" + runId + "/approve")
                .with(Users.commissioner())
                .with(csrf()));
        mvc.perform(post("/api/sufficiency/runs/" + runId + "/publish")
                        .with(Users.commissioner())
                        .with(csrf()))
                .andExpect(jsonPath("$.reviewStatus").value("PUBLISHED"));
        byte[] pdf = mvc.perform(
                        get("/api/sufficiency/runs/" + runId + "/report.pdf").with(Users.board()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        Files.write(Path.of("target", "sufficiency-report-example.pdf"), pdf);
    }

    @Test
    void anInvalidReturnIsRejectedWithItsErrorsAndNothingIsStored() throws Exception {
        Path council = Files.createDirectories(temp.resolve("bad"));
        Files.writeString(council.resolve("header.csv"), "CHILD,SEX,DOB\n1,1,01/02/2012\n");
        Files.writeString(
                council.resolve("episodes.csv"), "CHILD,DECOM,RNE,LS,PLACE,DEC,REC\n" + "1,31/02/2020,S,C2,U4,,\n");

        mvc.perform(upload("E06000057", council))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0]")
                        .value("E06000057/episodes.csv:2: DECOM: '31/02/2020' is not a real date"));

        assertThat(registry.count("ssda903_file")).isZero();
    }

    private org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder upload(
            String council, Path folder) throws Exception {
        var request = multipart("/api/sufficiency/returns").param("authority", council);
        for (String name : List.of("header.csv", "episodes.csv")) {
            request.file(new MockMultipartFile("files", name, "text/csv", Files.readAllBytes(folder.resolve(name))));
        }
        request.with(Users.commissioner()).with(csrf());
        return request;
    }

    private void waitUntilFinished(long runId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            String body = mvc.perform(get("/api/sufficiency/runs/" + runId).with(Users.board()))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            String status = JsonPath.read(body, "$.status");
            if (!status.equals("RUNNING")) {
                assertThat(status).as(body).isEqualTo("FINISHED");
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("forecast run " + runId + " did not finish");
    }
}
