package uk.rcc.sufficiency.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import uk.rcc.support.IntegrationTest;
import uk.rcc.support.TestRegistry;
import uk.rcc.support.Users;

/**
 * The board's review workflow over a stored forecast run. The run's outputs here are a small forecast.csv in the
 * shared format, so the workflow and report are tested apart from the model (which has its own tests).
 */
@IntegrationTest
class BoardReviewTest {
    @Autowired
    MockMvc mvc;

    @Autowired
    TestRegistry registry;

    long runId;

    @BeforeEach
    void aFinishedForecastRun() {
        registry.reset();
        registry.jdbc().execute("DELETE FROM forecast_run WHERE review_status <> 'PUBLISHED'");
        runId = registry.jdbc()
                .queryForObject(
                        "INSERT INTO forecast_run (name, status, trigger, created_by, "
                                + "parameters, summary) VALUES ('Test forecast', 'FINISHED', 'USER', 'commissioner', "
                                + "'{\"horizonMonths\":2,\"asOf\":null,\"seed\":1,\"runs\":100,\"confidence\":0.8,"
                                + "\"entryRateChange\":null}', 'two months') RETURNING id",
                        Long.class);
        StringBuilder csv = new StringBuilder("month,authority,category,p025,p10,p25,p50,p75,p90,p975\n");
        for (String month : new String[] {"2026-04", "2026-05"}) {
            for (String authority : new String[] {"ALL", "E06000057"}) {
                for (String category : new String[] {"ALL", "FOSTER"}) {
                    csv.append(month)
                            .append(',')
                            .append(authority)
                            .append(',')
                            .append(category)
                            .append(",90,95,98,100,102,105,110\n");
                }
            }
        }
        registry.jdbc()
                .update(
                        "INSERT INTO forecast_output (run_id, name, content) VALUES (?, 'forecast.csv', ?)",
                        runId,
                        csv.toString());
    }

    @Test
    void aBoardMemberCommentsAndACommissionerApprovesAndPublishes() throws Exception {
        mvc.perform(post(url("/comments"))
                        .with(Users.board())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"Foster forecast looks low for Northumberland\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post(url("/review")).with(Users.commissioner()).with(csrf()))
                .andExpect(status().isOk());
        mvc.perform(post(url("/approve")).with(Users.commissioner()).with(csrf()))
                .andExpect(jsonPath("$.reviewStatus").value("APPROVED"));
        mvc.perform(post(url("/publish")).with(Users.commissioner()).with(csrf()))
                .andExpect(jsonPath("$.reviewStatus").value("PUBLISHED"))
                .andExpect(jsonPath("$.publishedBy").value("commissioner"));

        mvc.perform(get("/api/sufficiency/published").with(Users.board()))
                .andExpect(jsonPath("$[?(@.id == " + runId + ")].name").value("Test forecast"));
        mvc.perform(get(url("/comments")).with(Users.board()))
                .andExpect(jsonPath("$[0].text").value("Foster forecast looks low for Northumberland"));
    }

    @Test
    void aBoardMemberCannotApprove() throws Exception {
        mvc.perform(post(url("/review")).with(Users.commissioner()).with(csrf()));
        mvc.perform(post(url("/approve")).with(Users.board()).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void aRunCannotBePublishedBeforeItIsApproved() throws Exception {
        mvc.perform(post(url("/publish")).with(Users.commissioner()).with(csrf()))
                .andExpect(status().isConflict());
    }

    @Test
    void aPublishedRunCannotBeChangedEvenInTheDatabase() throws Exception {
        mvc.perform(post(url("/review")).with(Users.commissioner()).with(csrf()));
        mvc.perform(post(url("/approve")).with(Users.commissioner()).with(csrf()));
        mvc.perform(post(url("/publish")).with(Users.commissioner()).with(csrf()));

        assertThat(catchThrowable(() -> registry.jdbc()
                        .update("UPDATE forecast_output SET content = 'changed' WHERE run_id = ?", runId)))
                .isNotNull();
        assertThat(catchThrowable(() -> registry.jdbc().update("DELETE FROM forecast_run WHERE id = ?", runId)))
                .isNotNull();
    }

    @Test
    void theReportIsAWebPageAndAPdfWithTheForecastFigures() throws Exception {
        String html = mvc.perform(get("/sufficiency/runs/" + runId + "/report").with(Users.board()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        byte[] pdf = mvc.perform(get(url("/report.pdf")).with(Users.board()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        assertThat(html)
                .contains("Sufficiency report: Test forecast")
                .contains("<svg")
                .contains("median 100");
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("Sufficiency report: Test forecast")
                    .contains("median 100")
                    .contains("Council E06000057");
        }
    }

    @Test
    void anOfficerSeesNoForecastRuns() throws Exception {
        mvc.perform(get("/api/sufficiency/runs").with(Users.officerOf(TestRegistry.CUMBERLAND)))
                .andExpect(status().isForbidden());
    }

    private String url(String suffix) {
        return "/api/sufficiency/runs/" + runId + suffix;
    }
}
