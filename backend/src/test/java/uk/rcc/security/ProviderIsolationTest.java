package uk.rcc.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import uk.rcc.imports.DatasetImporter;
import uk.rcc.support.IntegrationTest;
import uk.rcc.support.SharedData;
import uk.rcc.support.TestRegistry;
import uk.rcc.support.Users;

/**
 * A provider sees no child record and no child id anywhere: every GET path the API documents is walked as a
 * provider (path variables filled with a real child, one of the provider's homes and a run with proposals for every
 * child, and an offer already answered), and no response holds any child's id. Child endpoints answer 403. Writes
 * to another provider's home answer 404 like a home that does not exist, and write nothing.
 */
@IntegrationTest
class ProviderIsolationTest {
    @Autowired
    MockMvc mvc;

    @Autowired
    TestRegistry registry;

    @Autowired
    DatasetImporter importer;

    long runId;
    List<String> children;

    @BeforeEach
    void sampleWithProvidersARunAndAnOffer() throws Exception {
        registry.reset();
        importer.importDirectory(SharedData.sample());
        registry.createAccounts();
        registry.createProviders();
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
        children = registry.jdbc().queryForList("SELECT child_id FROM child ORDER BY child_id", String.class);
        String referrals = mvc.perform(get("/api/provider/referrals").with(Users.provider()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Map<String, Object> first = JsonPath.read(referrals, "$[0]");
        mvc.perform(post("/api/provider/referrals/" + first.get("reference") + "/answer")
                .with(Users.provider())
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"answer\":\"OFFER\",\"homeId\":\"" + ((List<?>) first.get("yourHomes")).get(0) + "\"}"));
    }

    @Test
    void aProviderReceivesNoChildIdFromAnyGetEndpoint() throws Exception {
        String child = children.get(0);
        String home = registry.homesOf(TestRegistry.PROVIDER_ORG).get(0);
        List<String> leaks = new ArrayList<>();
        List<String> paths = getPaths();
        assertThat(paths).contains("/api/provider/referrals", "/api/provider/homes", "/api/children/{childId}");
        for (String template : paths) {
            String path = template.replace("{childId}", child)
                    .replace("{homeId}", home)
                    .replace("{id}", String.valueOf(runId))
                    .replace("{name}", "forecast.csv");
            MockHttpServletResponse response =
                    mvc.perform(get(path).with(Users.provider())).andReturn().getResponse();
            String body = response.getContentAsString();
            children.stream()
                    .filter(id -> !path.contains(id))
                    .filter(id -> body.contains("\"" + id + "\""))
                    .findFirst()
                    .ifPresent(id -> leaks.add(path + " (" + response.getStatus() + ") reveals " + id));
            assertThat(response.getStatus()).as(path).isLessThan(500);
            if (template.contains("{childId}")) {
                assertThat(response.getStatus()).as(path).isEqualTo(403);
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void writesToAnotherProvidersHomeAnswer404LikeAHomeThatDoesNotExist() throws Exception {
        String others = registry.homesOf(TestRegistry.OTHER_PROVIDER_ORG).get(0);
        long since = registry.lastAuditId();
        int version =
                registry.jdbc().queryForObject("SELECT version FROM home WHERE home_id = ?", Integer.class, others);
        for (String home : List.of(others, "NO-SUCH-HOME")) {
            assertThat(mvc.perform(patch("/api/provider/homes/" + home)
                                    .with(Users.provider())
                                    .with(csrf())
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content("{\"availability\":\"SUSPENDED\"}"))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(home)
                    .isEqualTo(404);
            assertThat(mvc.perform(post("/api/provider/homes/" + home + "/confirmation")
                                    .with(Users.provider())
                                    .with(csrf()))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(home)
                    .isEqualTo(404);
        }
        assertThat(registry.jdbc().queryForObject("SELECT version FROM home WHERE home_id = ?", Integer.class, others))
                .isEqualTo(version);
        assertThat(registry.jdbc()
                        .queryForObject("SELECT count(*) FROM audit_event WHERE id > ?", Integer.class, since))
                .isZero();
    }

    /** The walk finds child ids where a user may see them, so an empty result above means something. */
    @Test
    void theWalkFindsChildIdsForACommissioner() throws Exception {
        String body = mvc.perform(get("/api/children").with(Users.commissioner()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(children).anyMatch(id -> body.contains("\"" + id + "\""));
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
}
