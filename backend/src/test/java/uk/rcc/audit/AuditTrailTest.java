package uk.rcc.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import uk.rcc.exchange.ExchangeFiles;
import uk.rcc.imports.DatasetImporter;
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

    @Autowired
    MockMvc mvc;
    @Autowired
    TestRegistry registry;
    @Autowired
    DatasetImporter importer;
    @Autowired
    AuditLog audit;

    long lastIdBefore;

    @BeforeEach
    void sampleRegistry() {
        registry.reset();
        importer.importDirectory(SharedData.sample());
        registry.createAccounts();
        lastIdBefore = lastAuditId();
    }

    record Row(String actor, String action) {
    }

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
            upload.file(new MockMultipartFile("files", name, "text/csv",
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

    @Test
    void aSuccessfulLoginIsAuditedOnce() throws Exception {
        mvc.perform(formLogin().user("admin").password(TestRegistry.PASSWORD))
                .andExpect(status().is3xxRedirection());
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
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> registry.jdbc().update("DELETE FROM audit_event WHERE id = ?", id))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> registry.jdbc().execute("TRUNCATE audit_event"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThat(registry.jdbc().queryForObject("SELECT actor FROM audit_event WHERE id = ?", String.class, id))
                .isEqualTo("someone");
    }

    private void assertOneNewRow(String actor, String action) {
        List<Row> rows = registry.jdbc().query("SELECT actor, action FROM audit_event WHERE id > ? ORDER BY id",
                (rs, i) -> new Row(rs.getString(1), rs.getString(2)), lastIdBefore);
        assertThat(rows).containsExactly(new Row(actor, action));
    }

    private long lastAuditId() {
        return registry.jdbc().queryForObject("SELECT coalesce(max(id), 0) FROM audit_event", Long.class);
    }

    private long finishedRun() {
        return registry.jdbc().queryForObject("INSERT INTO matching_run (status, trigger, started_by, solver_config, "
                + "seconds_limit, weights) VALUES ('FINISHED', 'USER', 'commissioner', 'x.xml', 60, '{}') "
                + "RETURNING id", Long.class);
    }

    private String awaitingChild(int index) {
        return registry.jdbc().queryForList("SELECT child_id FROM child WHERE authority_code = ? AND "
                + "current_home_id IS NULL ORDER BY child_id", String.class, COUNCIL).get(index);
    }

    /** The n-th awaiting child of the council whose shortlist has a home, and that home. */
    private String[] childWithAShortlistedHome(int n) throws Exception {
        int found = 0;
        for (String child : registry.jdbc().queryForList("SELECT child_id FROM child WHERE authority_code = ? AND "
                + "current_home_id IS NULL ORDER BY child_id", String.class, COUNCIL)) {
            String body = mvc.perform(get("/api/children/" + child + "/shortlist").with(Users.officerOf(COUNCIL)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            List<String> homes = JsonPath.read(body, "$.candidates[*].homeId");
            if (!homes.isEmpty() && found++ == n) {
                return new String[] { child, homes.get(0) };
            }
        }
        throw new AssertionError("the sample has too few awaiting children with a shortlisted home");
    }

    private ResultActions decide(String child, String endpoint, String body) throws Exception {
        return mvc.perform(post("/api/children/" + child + "/" + endpoint).with(Users.officerOf(COUNCIL))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
