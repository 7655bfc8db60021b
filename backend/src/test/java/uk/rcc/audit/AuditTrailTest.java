package uk.rcc.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import uk.rcc.exchange.ExchangeFiles;
import uk.rcc.imports.DatasetImporter;
import uk.rcc.matching.runs.MatchingRun;
import uk.rcc.matching.runs.MatchingRunService;
import uk.rcc.sufficiency.Ssda903Generator;
import uk.rcc.support.IntegrationTest;
import uk.rcc.support.SharedData;
import uk.rcc.support.TestRegistry;
import uk.rcc.support.Users;

/**
 * Each audited action done once over HTTP leaves exactly one new audit row, naming who did it and what; and the
 * audit table cannot be changed or emptied through the application's own database connection.
 */
@IntegrationTest
class AuditTrailTest {
    private static final String COUNCIL = TestRegistry.NORTHUMBERLAND;
    private static final String OFFICER = "officer." + COUNCIL;
    private static final String FORECAST_COUNCIL = "E06000057";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestRegistry registry;

    @Autowired
    DatasetImporter importer;

    @Autowired
    AuditLog audit;

    @Autowired
    MatchingRunService matchingRuns;

    long lastIdBefore;

    @BeforeEach
    void sampleRegistry() {
        registry.reset();
        importer.importDirectory(SharedData.sample());
        registry.createAccounts();
        lastIdBefore = lastAuditId();
    }

    record Row(String actor, String action) {}

    @Test
    void viewingAChildIsAuditedOnce() throws Exception {
        mvc.perform(get("/api/children/" + awaitingChild(0)).with(Users.officerOf(COUNCIL)))
                .andExpect(status().isOk());
        assertOneNewRow(OFFICER, "VIEW_CHILD");
    }

    @Test
    void listingChildrenIsAuditedOnce() throws Exception {
        mvc.perform(get("/api/children").with(Users.commissioner())).andExpect(status().isOk());
        assertOneNewRow("commissioner", "LIST_CHILDREN");
    }

    @Test
    void viewingAShortlistIsAuditedOnce() throws Exception {
        mvc.perform(get("/api/children/" + awaitingChild(0) + "/shortlist").with(Users.officerOf(COUNCIL)))
                .andExpect(status().isOk());
        assertOneNewRow(OFFICER, "VIEW_SHORTLIST");
    }

    @Test
    void acceptingAHomeIsAuditedOnce() throws Exception {
        String[] pair = childWithAShortlistedHome(0);
        String child = pair[0];
        String home = pair[1];
        lastIdBefore = lastAuditId();
        decide(child, "placement", "{\"homeId\":\"" + home + "\"}").andExpect(status().isCreated());
        assertOneNewRow(OFFICER, "DECIDE_ACCEPT");
    }

    @Test
    void overridingARunsProposalIsAuditedOnce() throws Exception {
        String[] pair = childWithAShortlistedHome(1);
        String child = pair[0];
        String home = pair[1];
        long run = finishedRun();
        lastIdBefore = lastAuditId();
        decide(child, "placement", "{\"homeId\":\"" + home + "\",\"runId\":" + run + ",\"reason\":\"near school\"}")
                .andExpect(status().isCreated());
        assertOneNewRow(OFFICER, "DECIDE_OVERRIDE");
    }

    @Test
    void rejectingAHomeIsAuditedOnce() throws Exception {
        decide(awaitingChild(0), "decisions", "{\"decision\":\"REJECT\",\"reason\":\"too far\"}")
                .andExpect(status().isNoContent());
        assertOneNewRow(OFFICER, "DECIDE_REJECT");
    }

    @Test
    void viewingARunsProposalsIsAuditedOnce() throws Exception {
        long run = finishedRun();
        mvc.perform(get("/api/matching/runs/" + run + "/proposals").with(Users.commissioner()))
                .andExpect(status().isOk());
        assertOneNewRow("commissioner", "VIEW_PROPOSALS");
    }

    @Test
    void importingADataSetIsAuditedOnce() throws Exception {
        var upload = multipart("/api/imports");
        for (String name : ExchangeFiles.ALL) {
            upload.file(new MockMultipartFile(
                    "files",
                    name,
                    "text/csv",
                    Files.readAllBytes(SharedData.sample().resolve(name))));
        }
        mvc.perform(upload.with(Users.commissioner()).with(csrf())).andExpect(status().isOk());
        assertOneNewRow("commissioner", "IMPORT");
    }

    @Test
    void exportingTheDataSetIsAuditedOnce() throws Exception {
        mvc.perform(get("/api/exports/dataset.zip").with(Users.commissioner())).andExpect(status().isOk());
        assertOneNewRow("commissioner", "EXPORT");
    }

    /** Counted once the run has finished, so that nothing its background work writes goes unseen. */
    @Test
    void startingAMatchingRunIsAuditedOnce() throws Exception {
        String started = mvc.perform(post("/api/matching/runs")
                        .with(Users.commissioner())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"seconds\":1}"))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long run = ((Number) JsonPath.read(started, "$.runId")).longValue();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (matchingRuns.find(run).map(MatchingRun::active).orElse(false)) {
            assertThat(System.nanoTime()).as("run %s finished", run).isLessThan(deadline);
            Thread.sleep(100);
        }
        assertOneNewRow("commissioner", "START_MATCHING_RUN");
        assertThat(registry.jdbc()
                        .queryForObject("SELECT subject FROM audit_event WHERE id > ?", String.class, lastIdBefore))
                .isEqualTo("run " + run);
    }

    @Test
    void stoppingAMatchingRunIsAuditedOnce() throws Exception {
        long run = finishedRun();
        mvc.perform(post("/api/matching/runs/" + run + "/stop")
                        .with(Users.commissioner())
                        .with(csrf()))
                .andExpect(status().isOk());
        assertOneNewRow("commissioner", "STOP_MATCHING_RUN");
    }

    @Test
    void savingMatchingWeightsIsAuditedOnce() throws Exception {
        String current = mvc.perform(get("/api/matching/weights").with(Users.commissioner()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Map<String, Object> weights = JsonPath.read(current, "$.weights");
        String first = weights.keySet().iterator().next();
        lastIdBefore = lastAuditId();
        mvc.perform(put("/api/matching/weights")
                        .with(Users.commissioner())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"" + first + "\":2.5}"))
                .andExpect(status().isOk());
        assertOneNewRow("commissioner", "CHANGE_WEIGHTS");
    }

    /** One small forecast run serves every forecast action, in the order the board's workflow allows them. */
    @Test
    void eachStepOfAForecastRunsLifeIsAuditedOnce() throws Exception {
        uploadReturns(FORECAST_COUNCIL);
        assertOneNewRow("commissioner", "IMPORT_SSDA903");

        long run = startForecast();
        assertOneNewRow("commissioner", "START_FORECAST");

        step(
                post(forecast(run, "/comments"))
                        .with(Users.board())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"Looks plausible\"}"),
                "board",
                "COMMENT_FORECAST");
        step(
                post(forecast(run, "/scenarios"))
                        .with(Users.board())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Recruit 10\",\"fosterRecruitment\":10}"),
                "board",
                "ADD_SCENARIO");
        awaitFinished(forecast(run, "/scenarios"), "$[0].status");
        assertOneNewRow("board", "ADD_SCENARIO");

        for (String download : List.of("/report.pdf", "/report.xlsx", "/comparison.csv", "/outputs/forecast.csv")) {
            step(get(forecast(run, download)).with(Users.board()), "board", "EXPORT_REPORT");
        }
        step(get("/sufficiency/runs/" + run + "/report").with(Users.board()), "board", "EXPORT_REPORT");

        step(post(forecast(run, "/review")).with(Users.commissioner()).with(csrf()), "commissioner", "SUBMIT_FORECAST");
        step(
                post(forecast(run, "/approve")).with(Users.commissioner()).with(csrf()),
                "commissioner",
                "APPROVE_FORECAST");
        step(
                post(forecast(run, "/publish")).with(Users.commissioner()).with(csrf()),
                "commissioner",
                "PUBLISH_FORECAST");
    }

    @Test
    void aSuccessfulLoginIsAuditedOnce() throws Exception {
        mvc.perform(formLogin().user("admin").password(TestRegistry.PASSWORD)).andExpect(status().is3xxRedirection());
        assertOneNewRow("admin", "LOGIN");
    }

    @Test
    void aFailedLoginIsAuditedOnce() throws Exception {
        mvc.perform(formLogin().user("admin").password("wrong"));
        assertOneNewRow("admin", "LOGIN_FAILED");
    }

    @Test
    void searchingAndExportingTheAuditLogAreAuditedOnceEach() throws Exception {
        mvc.perform(get("/api/audit").with(Users.admin())).andExpect(status().isOk());
        assertOneNewRow("admin", "SEARCH_AUDIT");
        lastIdBefore = lastAuditId();
        mvc.perform(get("/api/audit/export.csv").with(Users.admin())).andExpect(status().isOk());
        assertOneNewRow("admin", "EXPORT_AUDIT");
    }

    @Test
    void auditRowsCannotBeChangedOrDeletedThroughTheApplicationsConnection() {
        audit.record("someone", "TEST_ACTION", "subject", null);
        long id = lastAuditId();

        assertThatThrownBy(() -> registry.jdbc().update("UPDATE audit_event SET actor = 'nobody' WHERE id = ?", id))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> registry.jdbc().update("DELETE FROM audit_event WHERE id = ?", id))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> registry.jdbc().execute("TRUNCATE audit_event"))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThat(registry.jdbc().queryForObject("SELECT actor FROM audit_event WHERE id = ?", String.class, id))
                .isEqualTo("someone");
    }

    /** Performs a successful request and checks it wrote exactly one audit row; the next step counts from there. */
    private void step(org.springframework.test.web.servlet.RequestBuilder request, String actor, String action)
            throws Exception {
        lastIdBefore = lastAuditId();
        mvc.perform(request).andExpect(status().is2xxSuccessful());
        assertOneNewRow(actor, action);
    }

    private void uploadReturns(String council) throws Exception {
        Path folder = Files.createTempDirectory("audit-returns");
        Ssda903Generator.write(
                new Ssda903Generator.Spec(List.of(council), 4, 0.02, LocalDate.of(2018, 4, 1), 6, 3), folder);
        var upload = multipart("/api/sufficiency/returns").param("authority", council);
        for (String name : List.of("header.csv", "episodes.csv")) {
            upload.file(new MockMultipartFile(
                    "files",
                    name,
                    "text/csv",
                    Files.readAllBytes(folder.resolve(council).resolve(name))));
        }
        lastIdBefore = lastAuditId();
        mvc.perform(upload.with(Users.commissioner()).with(csrf())).andExpect(status().isCreated());
    }

    /** Starts a small forecast and waits for it, so that any row its background work wrote is counted too. */
    private long startForecast() throws Exception {
        lastIdBefore = lastAuditId();
        String started = mvc.perform(post("/api/sufficiency/runs")
                        .with(Users.commissioner())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Audited\",\"horizonMonths\":12,\"runs\":100,\"seed\":3}"))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long run = ((Number) JsonPath.read(started, "$.runId")).longValue();
        awaitFinished(forecast(run, ""), "$.status");
        return run;
    }

    private void awaitFinished(String path, String statusPath) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            String body = mvc.perform(get(path).with(Users.board()))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            String status = JsonPath.read(body, statusPath);
            if (!status.equals("RUNNING")) {
                assertThat(status).as(body).isEqualTo("FINISHED");
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " did not finish");
    }

    private static String forecast(long run, String suffix) {
        return "/api/sufficiency/runs/" + run + suffix;
    }

    private void assertOneNewRow(String actor, String action) {
        List<Row> rows = registry.jdbc()
                .query(
                        "SELECT actor, action FROM audit_event WHERE id > ? ORDER BY id",
                        (rs, i) -> new Row(rs.getString(1), rs.getString(2)),
                        lastIdBefore);
        assertThat(rows).containsExactly(new Row(actor, action));
    }

    private long lastAuditId() {
        return registry.jdbc().queryForObject("SELECT coalesce(max(id), 0) FROM audit_event", Long.class);
    }

    private long finishedRun() {
        return registry.jdbc()
                .queryForObject(
                        "INSERT INTO matching_run (status, trigger, started_by, solver_config, "
                                + "seconds_limit, weights) VALUES ('FINISHED', 'USER', 'commissioner', 'x.xml', 60, '{}') "
                                + "RETURNING id",
                        Long.class);
    }

    private String awaitingChild(int index) {
        return registry.jdbc()
                .queryForList(
                        "SELECT child_id FROM child WHERE authority_code = ? AND "
                                + "current_home_id IS NULL ORDER BY child_id",
                        String.class,
                        COUNCIL)
                .get(index);
    }

    /** The n-th awaiting child of the council whose shortlist has a home, and that home. */
    private String[] childWithAShortlistedHome(int n) throws Exception {
        int found = 0;
        for (String child : registry.jdbc()
                .queryForList(
                        "SELECT child_id FROM child WHERE authority_code = ? AND "
                                + "current_home_id IS NULL ORDER BY child_id",
                        String.class,
                        COUNCIL)) {
            String body = mvc.perform(
                            get("/api/children/" + child + "/shortlist").with(Users.officerOf(COUNCIL)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            List<String> homes = JsonPath.read(body, "$.candidates[*].homeId");
            if (!homes.isEmpty() && found++ == n) {
                return new String[] {child, homes.get(0)};
            }
        }
        throw new AssertionError("the sample has too few awaiting children with a shortlisted home");
    }

    private ResultActions decide(String child, String endpoint, String body) throws Exception {
        return mvc.perform(post("/api/children/" + child + "/" + endpoint)
                .with(Users.officerOf(COUNCIL))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }
}
