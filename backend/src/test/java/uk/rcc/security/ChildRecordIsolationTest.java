package uk.rcc.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import uk.rcc.imports.DatasetImporter;
import uk.rcc.support.IntegrationTest;
import uk.rcc.support.SharedData;
import uk.rcc.support.TestRegistry;
import uk.rcc.support.Users;

/**
 * Walks every GET endpoint the API documents — path variables filled with a real child, home and run — and
 * checks that a board member never receives any child's id, and an officer never one of another council's
 * children. A run with proposals for children of both councils exists, so a leak has something to leak.
 * Another council's child asked for by id answers 404 to an officer; child endpoints answer 403 to a board member.
 */
@IntegrationTest
class ChildRecordIsolationTest {
    private static final String OWN = TestRegistry.CUMBERLAND;
    private static final String OTHER = TestRegistry.NORTHUMBERLAND;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestRegistry registry;

    @Autowired
    DatasetImporter importer;

    long runId;
    final RequestPostProcessor board = Users.board();

    @BeforeEach
    void sampleRegistryWithARun() {
        registry.reset();
        importer.importDirectory(SharedData.sample());
        registry.createAccounts();
        runId = registry.jdbc()
                .queryForObject(
                        "INSERT INTO matching_run (status, trigger, started_by, "
                                + "solver_config, seconds_limit, weights) VALUES ('FINISHED', 'USER', 'commissioner', 'x.xml', 60, "
                                + "'{}') RETURNING id",
                        Long.class);
        registry.jdbc()
                .update(
                        "INSERT INTO proposal (run_id, child_id, authority_code, home_id, explanation) "
                                + "SELECT ?, child_id, authority_code, NULL, 'no home found' FROM child",
                        runId);
    }

    @Test
    void theSampleHasChildrenOfBothCouncils() {
        assertThat(childIds(OWN)).isNotEmpty();
        assertThat(childIds(OTHER)).isNotEmpty();
    }

    @Test
    void aBoardMemberReceivesNoChildIdFromAnyGetEndpoint() throws Exception {
        Set<String> allChildren = new TreeSet<>(childIds(OWN));
        allChildren.addAll(childIds(OTHER));
        assertThat(revealed(board, allChildren, childIds(OWN).get(0))).isEmpty();
    }

    @Test
    void anOfficerReceivesNoChildIdOfAnotherCouncilFromAnyGetEndpoint() throws Exception {
        assertThat(revealed(
                        Users.officerOf(OWN),
                        new TreeSet<>(childIds(OTHER)),
                        childIds(OTHER).get(0)))
                .isEmpty();
    }

    @Test
    void anOfficerCannotDecideForOrExportAnotherCouncilsChildren() throws Exception {
        String childOfOther = awaitingChildOf(OTHER);
        for (String decision : List.of("placement", "decisions")) {
            assertThat(mvc.perform(post("/api/children/" + childOfOther + "/" + decision)
                                    .with(Users.officerOf(OWN))
                                    .with(csrf())
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content("{\"homeId\":\"H00001\",\"decision\":\"REJECT\",\"reason\":\"far\"}"))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(decision)
                    .isEqualTo(404);
        }
        for (String export : List.of("/api/exports/dataset.zip", "/api/audit/export.csv")) {
            assertThat(mvc.perform(get(export).with(Users.officerOf(OWN)))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(export)
                    .isEqualTo(403);
        }
        assertThat(registry.jdbc()
                        .queryForObject(
                                "SELECT count(*) FROM decision WHERE child_id = ?", Integer.class, childOfOther))
                .isZero();
    }

    @Test
    void aSiblingInAnotherCouncilsCareIsNotNamedToTheOfficer() throws Exception {
        String own = awaitingChildOf(OWN);
        String other = awaitingChildOf(OTHER);
        registry.jdbc().update("UPDATE child SET sibling_group = 'CROSS' WHERE child_id IN (?, ?)", own, other);

        String forOfficer = mvc.perform(get("/api/children/" + own).with(Users.officerOf(OWN)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String forCommissioner = mvc.perform(get("/api/children/" + own).with(Users.commissioner()))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(forOfficer).doesNotContain(other);
        assertThat(forCommissioner).contains(other);
    }

    /** A child moved to another council after the run is that council's child now, whatever the run recorded. */
    @Test
    void runProposalsFollowTheChildsCouncilToday() throws Exception {
        String moved = awaitingChildOf(OTHER);
        registry.jdbc()
                .update("UPDATE proposal SET authority_code = ? WHERE run_id = ? AND child_id = ?", OWN, runId, moved);

        String forOfficer = mvc.perform(
                        get("/api/matching/runs/" + runId + "/proposals").with(Users.officerOf(OWN)))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(forOfficer).contains(awaitingChildOf(OWN)).doesNotContain(moved);
    }

    /** The walk does find child ids where the user may see them, so an empty result above means something. */
    @Test
    void theWalkFindsChildIdsForACommissionerWhoMaySeeThem() throws Exception {
        assertThat(revealed(
                        Users.commissioner(),
                        new TreeSet<>(childIds(OTHER)),
                        childIds(OWN).get(0)))
                .anyMatch(leak -> leak.startsWith("/api/children "))
                .anyMatch(leak -> leak.startsWith("/api/matching/runs/" + runId + "/proposals "));
    }

    /** Each GET path whose answer holds a forbidden child id (other than one the request itself named). */
    private List<String> revealed(RequestPostProcessor user, Set<String> forbidden, String childInPath)
            throws Exception {
        List<String> leaks = new ArrayList<>();
        List<String> paths = getPaths();
        assertThat(paths).as("the API documents its child endpoints").contains("/api/children/{childId}");
        for (String template : paths) {
            String path = template.replace("{childId}", childInPath)
                    .replace("{homeId}", "H00001")
                    .replace("{id}", String.valueOf(runId))
                    .replace("{name}", "forecast.csv");
            MockHttpServletResponse response =
                    mvc.perform(get(path).with(user)).andReturn().getResponse();
            String body = response.getContentAsString();
            forbidden.stream()
                    .filter(id -> !path.contains(id))
                    .filter(body::contains)
                    .findFirst()
                    .ifPresent(id -> leaks.add(path + " (" + response.getStatus() + ") reveals " + id));
            assertThat(response.getStatus()).as(path).isLessThan(500);
            if (template.contains("{childId}") && forbidden.contains(childInPath)) {
                assertThat(response.getStatus()).as(path).isEqualTo(user == board ? 403 : 404);
            }
        }
        return leaks;
    }

    private List<String> getPaths() throws Exception {
        String docs = mvc.perform(get("/v3/api-docs").with(Users.commissioner()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Map<String, Map<String, Object>> paths = JsonPath.read(docs, "$.paths");
        return paths.entrySet().stream()
                .filter(path -> path.getValue().containsKey("get"))
                .map(Map.Entry::getKey)
                .filter(path -> !path.startsWith("/v3/"))
                .sorted()
                .toList();
    }

    private String awaitingChildOf(String council) {
        return registry.jdbc()
                .queryForObject(
                        "SELECT min(child_id) FROM child WHERE authority_code = ? " + "AND current_home_id IS NULL",
                        String.class,
                        council);
    }

    private List<String> childIds(String council) {
        return registry.jdbc()
                .queryForList(
                        "SELECT child_id FROM child WHERE authority_code = ? ORDER BY child_id", String.class, council);
    }
}
