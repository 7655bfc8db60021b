package uk.rcc.matching.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import uk.rcc.imports.DatasetImporter;
import uk.rcc.support.IntegrationTest;
import uk.rcc.support.SharedData;
import uk.rcc.support.TestRegistry;
import uk.rcc.support.Users;

@IntegrationTest
class MatchingRunIntegrationTest {
    @Autowired
    MockMvc mvc;

    @Autowired
    TestRegistry registry;

    @Autowired
    DatasetImporter importer;

    @Autowired
    MatchingRunService runs;

    @BeforeEach
    void sampleRegistry() {
        registry.reset();
        importer.importDirectory(SharedData.sample());
        registry.createAccounts();
    }

    @AfterEach
    void noRunLeftActive() throws Exception {
        for (MatchingRun run : runs.latest()) {
            if (run.active()) {
                runs.stop(run.id());
                waitFor(run.id(), "STOPPED");
            }
        }
    }

    @Test
    void aCommissionersRunFinishesWithAProposalForEveryPlannedChildAndBeforeAfterFigures() throws Exception {
        long runId = start(2);

        waitFor(runId, "FINISHED");

        mvc.perform(get("/api/matching/runs/" + runId).with(Users.commissioner()))
                .andExpect(jsonPath("$.bestScore").value(org.hamcrest.Matchers.startsWith("0hard")))
                .andExpect(jsonPath("$.planned").value(31))
                .andExpect(jsonPath("$.weights.siblingGroupSplit").value(60.0));
        mvc.perform(get("/api/matching/runs/" + runId + "/proposals").with(Users.commissioner()))
                .andExpect(jsonPath("$.length()").value(31));
        mvc.perform(get("/api/matching/runs/" + runId + "/figures").with(Users.board()))
                .andExpect(jsonPath("$.before.within20MilesShare").isNumber())
                .andExpect(jsonPath("$.after.siblingGroupsSplit").isNumber());
    }

    @Test
    void anOfficerSeesOnlyTheirOwnCouncilsProposals() throws Exception {
        long runId = start(1);
        waitFor(runId, "FINISHED");

        mvc.perform(get("/api/matching/runs/" + runId + "/proposals").with(Users.officerOf(TestRegistry.CUMBERLAND)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].authorityCode", everyItem(is(TestRegistry.CUMBERLAND))));
    }

    @Test
    void aSecondRunCannotStartWhileOneIsRunningAndStoppingKeepsItsBestResult() throws Exception {
        long runId = start(120);
        waitFor(runId, "RUNNING");

        mvc.perform(post("/api/matching/runs")
                        .with(Users.commissioner())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"seconds\":5}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/matching/runs/" + runId + "/stop")
                        .with(Users.commissioner())
                        .with(csrf()))
                .andExpect(status().isOk());

        waitFor(runId, "STOPPED");
        assertThat(registry.count("proposal")).isEqualTo(31);
    }

    @Test
    void anOfficerCannotStartARun() throws Exception {
        mvc.perform(post("/api/matching/runs")
                        .with(Users.officerOf(TestRegistry.CUMBERLAND))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aRunLeftRunningByAStoppedInstanceIsMarkedFailedAtStart() {
        long id = registry.jdbc()
                .queryForObject(
                        "INSERT INTO matching_run (status, trigger, started_by, "
                                + "heartbeat_at, instance_id, solver_config, seconds_limit, weights) VALUES ('RUNNING', 'NIGHTLY', "
                                + "'nightly', now() - interval '10 minutes', 'another-instance', 'x.xml', 60, '{}') RETURNING id",
                        Long.class);

        runs.failInterruptedRuns();

        assertThat(registry.jdbc().queryForObject("SELECT status FROM matching_run WHERE id = ?", String.class, id))
                .isEqualTo("FAILED");
    }

    @Test
    void weightsAreStoredAsNewVersionsAndUnknownNamesAreRefused() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/matching/weights")
                        .with(Users.commissioner())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outsideOwnCouncil\": 30}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.weights.outsideOwnCouncil").value(30.0));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/matching/weights")
                        .with(Users.commissioner())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outsideCouncil\": 30}"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/matching/weights").with(Users.officerOf(TestRegistry.CUMBERLAND)))
                .andExpect(jsonPath("$.weights.outsideOwnCouncil").value(30.0));
    }

    private long start(int seconds) throws Exception {
        String body = mvc.perform(post("/api/matching/runs")
                        .with(Users.commissioner())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"seconds\":" + seconds + "}"))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.runId")).longValue();
    }

    private void waitFor(long runId, String status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String now = null;
        while (System.nanoTime() < deadline) {
            now = runs.find(runId).orElseThrow().status().name();
            if (now.equals(status)) {
                return;
            }
            if (now.equals("FAILED")) {
                break;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + runId + " is " + now + ", expected " + status + ": "
                + runs.find(runId).orElseThrow().error());
    }
}
