package uk.rcc.matching.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
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
 * Officers accept the proposals of run 1 while run 2 is in the middle of saving its own (its transaction has
 * written half of them and waits, held by a test trigger, before writing the rest), on real PostgreSQL with real
 * threads. Nothing is lost: every acceptance is placed or refused with a conflict, run 2 saves all its proposals,
 * no child has two current placements and no home goes over its places. Run 2's proposals for the children just
 * placed are stale: accepting them afterwards is refused with a 409 problem, so exactly one acceptance wins.
 */
@IntegrationTest
class AcceptingWhileARunSavesTest {
    private static final long PAUSE = 72_017L;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestRegistry registry;

    @Autowired
    DatasetImporter importer;

    @Autowired
    MatchingRunService runs;

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void sampleRegistry() {
        registry.reset();
        importer.importDirectory(SharedData.sample());
        registry.createAccounts();
    }

    @AfterEach
    void removePause() {
        registry.jdbc().execute("DROP TRIGGER IF EXISTS test_pause_saving ON proposal");
        registry.jdbc().execute("DROP FUNCTION IF EXISTS test_pause_saving()");
    }

    @Test
    void proposalsOfTheLastRunAcceptedWhileANewRunSavesLoseNothingAndPlaceNoChildTwice() throws Exception {
        long first = start(1);
        waitFor(first, "FINISHED");
        // Proposals that move a child (a child who may move can also be proposed to stay where it lives).
        List<Map<String, Object>> proposed = registry.jdbc()
                .queryForList(
                        "SELECT p.child_id, p.authority_code, "
                                + "p.home_id FROM proposal p JOIN child c USING (child_id) WHERE p.run_id = ? AND p.home_id IS NOT "
                                + "NULL AND p.home_id IS DISTINCT FROM c.current_home_id ORDER BY p.child_id",
                        first);
        assertThat(proposed).hasSizeGreaterThan(4);
        int planned = runs.find(first).orElseThrow().planned();
        Map<String, Object> contested = proposed.stream()
                .filter(p -> proposed.stream()
                                .filter(q -> q.get("home_id").equals(p.get("home_id")))
                                .count()
                        == 1)
                .findFirst()
                .orElseThrow();

        // Run 2's saving transaction waits, after writing half its proposals, for a lock this test holds.
        registry.jdbc().execute("""
                CREATE FUNCTION test_pause_saving() RETURNS trigger AS $$
                BEGIN
                    IF NEW.run_id > %d AND (SELECT count(*) FROM proposal WHERE run_id = NEW.run_id) = %d THEN
                        PERFORM pg_advisory_xact_lock_shared(%d);
                    END IF;
                    RETURN NULL;
                END;
                $$ LANGUAGE plpgsql""".formatted(first, planned / 2, PAUSE));
        registry.jdbc()
                .execute("CREATE TRIGGER test_pause_saving AFTER INSERT ON proposal FOR EACH ROW "
                        + "EXECUTE FUNCTION test_pause_saving()");
        List<Outcome> outcomes = new ArrayList<>();
        long second;
        try (Connection holder = dataSource.getConnection();
                Statement lock = holder.createStatement()) {
            lock.execute("SELECT pg_advisory_lock(" + PAUSE + ")");
            second = start(1);
            waitUntilSavingIsHalfWay();
            assertThat(runs.find(second).orElseThrow().status()).isEqualTo(uk.rcc.jobs.JobStatus.RUNNING);

            // Every proposal of run 1 accepted at once, and one of them by two officers at the same moment: a child
            // proposed alone into its home, so that no other acceptance decides whether it fits.
            List<Map<String, Object>> attempts = new ArrayList<>(proposed);
            attempts.add(contested);
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService officers = Executors.newFixedThreadPool(attempts.size());
            List<Future<Outcome>> pending = new ArrayList<>();
            for (Map<String, Object> proposal : attempts) {
                Callable<Outcome> accept = () -> {
                    go.await();
                    return accept(proposal, first);
                };
                pending.add(officers.submit(accept));
            }
            go.countDown();
            // Some acceptances wait for run 2's transaction (it holds its children's rows); let it go on.
            lock.execute("SELECT pg_advisory_unlock(" + PAUSE + ")");
            for (Future<Outcome> outcome : pending) {
                outcomes.add(outcome.get(2, TimeUnit.MINUTES));
            }
            officers.shutdown();
        }
        waitFor(second, "FINISHED");

        assertThat(outcomes)
                .allSatisfy(o -> assertThat(o.status()).as(o.toString()).isIn(201, 409));
        assertThat(outcomes)
                .filteredOn(o -> o.status() == 409)
                .allSatisfy(o -> assertThat(o.detail()).as(o.toString()).isNotBlank());
        List<Outcome> placed = outcomes.stream().filter(o -> o.status() == 201).toList();
        assertThat(placed).as("at least one of run 1's proposals is accepted").isNotEmpty();
        assertThat(placed).extracting(Outcome::childId).doesNotHaveDuplicates();
        assertThat(outcomes.stream().filter(o -> o.childId().equals(contested.get("child_id"))))
                .as(outcomes.toString())
                .extracting(Outcome::status)
                .containsExactlyInAnyOrder(201, 409);
        assertThat(registry.jdbc()
                        .queryForObject("SELECT count(*) FROM proposal WHERE run_id = ?", Integer.class, second))
                .as("run 2 saved all its proposals")
                .isEqualTo(runs.find(second).orElseThrow().planned());
        assertThat(registry.jdbc()
                        .queryForObject(
                                "SELECT count(*) FROM decision WHERE run_id = ? AND " + "decision = 'ACCEPT'",
                                Integer.class,
                                first))
                .as("no acceptance lost")
                .isEqualTo(placed.size());
        for (Outcome accepted : placed) {
            assertThat(registry.jdbc()
                            .queryForObject(
                                    "SELECT current_home_id FROM child WHERE child_id = ?",
                                    String.class,
                                    accepted.childId()))
                    .isEqualTo(accepted.homeId());
        }
        assertNeverBrokenRules();

        // Run 2's proposals for the children just placed from run 1 are refused with a problem, not placed twice.
        List<Map<String, Object>> stale = registry.jdbc()
                .queryForList(
                        "SELECT p.child_id, p.authority_code, "
                                + "p.home_id FROM proposal p WHERE p.run_id = ? AND p.home_id IS NOT NULL AND p.child_id IN ("
                                + "SELECT child_id FROM decision WHERE run_id = ?)",
                        second,
                        first);
        for (Map<String, Object> proposal : stale) {
            Outcome refused = accept(proposal, second);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.detail()).contains("already lives in");
        }
        assertNeverBrokenRules();
    }

    private void assertNeverBrokenRules() {
        assertThat(registry.jdbc()
                        .queryForList(
                                "SELECT child_id FROM placement WHERE end_date IS NULL "
                                        + "GROUP BY child_id HAVING count(*) > 1",
                                String.class))
                .as("children placed twice")
                .isEmpty();
        assertThat(registry.jdbc()
                        .queryForList(
                                "SELECT h.home_id FROM home h JOIN child c ON c.current_home_id = "
                                        + "h.home_id GROUP BY h.home_id, h.places HAVING count(*) > h.places",
                                String.class))
                .as("homes over their places")
                .isEmpty();
        assertThat(registry.jdbc()
                        .queryForObject(
                                "SELECT count(*) FROM child c WHERE c.current_home_id IS NOT NULL "
                                        + "AND NOT EXISTS (SELECT 1 FROM placement p WHERE p.child_id = c.child_id AND p.end_date IS NULL "
                                        + "AND p.home_id = c.current_home_id)",
                                Integer.class))
                .as("children without their placement")
                .isZero();
    }

    private record Outcome(String childId, String homeId, int status, String detail) {}

    private Outcome accept(Map<String, Object> proposal, long runId) throws Exception {
        String child = (String) proposal.get("child_id");
        String home = (String) proposal.get("home_id");
        MockHttpServletResponse response = mvc.perform(post("/api/children/" + child + "/placement")
                        .with(Users.officerOf((String) proposal.get("authority_code")))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"homeId\":\"" + home + "\",\"runId\":" + runId + "}"))
                .andReturn()
                .getResponse();
        String body = response.getContentAsString();
        String detail = response.getStatus() == 409 ? JsonPath.read(body, "$.detail") : null;
        return new Outcome(child, home, response.getStatus(), detail);
    }

    private void waitUntilSavingIsHalfWay() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (registry.jdbc()
                        .queryForObject(
                                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' " + "AND NOT granted",
                                Integer.class)
                == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("run 2 did not reach the middle of its saving");
            }
            Thread.sleep(50);
        }
    }

    private long start(int seconds) throws Exception {
        String body = mvc.perform(post("/api/matching/runs")
                        .with(Users.commissioner())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"seconds\":" + seconds + "}"))
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
            if (now.equals(status) || now.equals("FAILED")) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(now)
                .as("run %d: %s", runId, runs.find(runId).orElseThrow().error())
                .isEqualTo(status);
    }
}
