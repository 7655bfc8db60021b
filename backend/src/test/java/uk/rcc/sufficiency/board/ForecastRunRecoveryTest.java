package uk.rcc.sufficiency.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import uk.rcc.sufficiency.Ssda903Generator;
import uk.rcc.support.IntegrationTest;
import uk.rcc.support.TestRegistry;
import uk.rcc.support.Users;

/**
 * A forecast run (or scenario) left RUNNING by a crash or a restart is marked failed at the next start, never
 * resumed; nothing of it is visible, and the last finished run, with all its outputs, stays in force.
 */
@IntegrationTest
class ForecastRunRecoveryTest {
    private static final String NIGHTLY = "{\"horizonMonths\":36,\"seed\":903,\"runs\":1000,\"confidence\":0.8}";

    @Autowired
    ForecastRuns forecasts;

    @Autowired
    TestRegistry registry;

    @Autowired
    MockMvc mvc;

    @Autowired
    DataSource dataSource;

    @TempDir
    Path temp;

    @BeforeEach
    void noReturns() {
        registry.reset();
    }

    @AfterEach
    void noRunLeftRunning() {
        registry.jdbc()
                .update("UPDATE forecast_run SET status = 'FAILED', error = 'test over' " + "WHERE status = 'RUNNING'");
        registry.jdbc().update("UPDATE forecast_scenario SET status = 'FAILED' WHERE status = 'RUNNING'");
    }

    @Test
    void aRunLeftRunningByThisInstanceOrADeadOneIsFailedAtStartAndTheLastFinishedRunStaysInForce() throws Exception {
        long good = run("FINISHED", null, "now()");
        registry.jdbc()
                .update(
                        "INSERT INTO forecast_output (run_id, name, content) VALUES (?, 'forecast.csv', "
                                + "'month,places\n1,10\n')",
                        good);
        long crashedHere = run("RUNNING", forecasts.instanceId(), "now()");
        long scenario = registry.jdbc()
                .queryForObject(
                        "INSERT INTO forecast_scenario (run_id, name, status, "
                                + "created_by, instance_id, heartbeat_at) VALUES (?, 'fewer entries', 'RUNNING', 'test', ?, now()) "
                                + "RETURNING id",
                        Long.class,
                        crashedHere,
                        forecasts.instanceId());
        long deadElsewhere = run("RUNNING", "instance-that-died", "now() - interval '10 minutes'");
        long aliveElsewhere = run("RUNNING", "instance-still-running", "now()");
        long beforeTheUpgrade = run("RUNNING", null, "null");

        forecasts.failInterruptedRuns();

        for (long interrupted : List.of(crashedHere, deadElsewhere, beforeTheUpgrade)) {
            Map<String, Object> row = row(interrupted);
            assertThat(row.get("status")).as("run %d", interrupted).isEqualTo("FAILED");
            assertThat((String) row.get("error")).startsWith("interrupted");
            assertThat(row.get("finished_at")).isNotNull();
        }
        assertThat(registry.jdbc()
                        .queryForObject("SELECT status FROM forecast_scenario WHERE id = ?", String.class, scenario))
                .isEqualTo("FAILED");
        assertThat(row(aliveElsewhere).get("status"))
                .as("another instance's live run")
                .isEqualTo("RUNNING");
        assertThat(row(good).get("status")).isEqualTo("FINISHED");
        assertThat(forecasts.output(good, "forecast.csv")).contains("month,places\n1,10\n");
        mvc.perform(get("/api/sufficiency/runs/" + crashedHere).with(Users.board()))
                .andExpect(jsonPath("$.status").value("FAILED"))
                .andExpect(jsonPath("$.outputs").isEmpty());
    }

    @Test
    void aRunMarkedFailedWhileItComputesSavesNothingWhenItEnds() throws Exception {
        List<String> councils = List.of("E06000057", "E06000047");
        Ssda903Generator.write(new Ssda903Generator.Spec(councils, 4, 0.02, LocalDate.of(2016, 4, 1), 8, 3), temp);
        for (String council : councils) {
            for (String file : List.of("header.csv", "episodes.csv")) {
                registry.jdbc()
                        .update(
                                "INSERT INTO ssda903_file (authority, file_name, content, uploaded_by) "
                                        + "VALUES (?, ?, ?, 'test')",
                                council,
                                file,
                                Files.readString(temp.resolve(council).resolve(file)));
            }
        }
        long id;
        // The run is held while it reads the registry (its computing thread waits for this lock), so it is still
        // computing, whatever the machine's speed, when another instance marks it failed.
        try (Connection holder = dataSource.getConnection();
                Statement lock = holder.createStatement()) {
            holder.setAutoCommit(false);
            lock.execute("LOCK TABLE cooperative IN ACCESS EXCLUSIVE MODE");
            id = forecasts.start(
                    "commissioner",
                    "Held run",
                    new ForecastRuns.Parameters(12, null, 7, 200, 0.8, null),
                    List.of(new uk.rcc.sufficiency.Scenario("fewer entries", -0.1, 0, 0)),
                    "USER");

            // As another instance does when it believes the one computing the run has died.
            int marked = registry.jdbc()
                    .update(
                            "UPDATE forecast_run SET status = 'FAILED', finished_at = now(), "
                                    + "error = 'interrupted: marked by another instance' WHERE id = ? AND status = 'RUNNING'",
                            id);
            assertThat(marked).isEqualTo(1);
            holder.commit();
        }
        waitUntilComputedHere(id);

        Map<String, Object> row = row(id);
        assertThat(row.get("status")).isEqualTo("FAILED");
        assertThat(row.get("error")).isEqualTo("interrupted: marked by another instance");
        assertThat(forecasts.get(id).outputs()).isEmpty();
        assertThat(forecasts.scenarios(id))
                .extracting(ForecastRuns.StoredScenario::status)
                .containsOnly(uk.rcc.jobs.JobStatus.FAILED);
    }

    private long run(String status, String instance, String heartbeat) {
        return registry.jdbc()
                .queryForObject(
                        "INSERT INTO forecast_run (name, status, trigger, created_by, "
                                + "parameters, instance_id, heartbeat_at, created_at, finished_at) VALUES ('recovery test', ?, "
                                + "'NIGHTLY', 'nightly', ?, ?, " + heartbeat + ", coalesce(" + heartbeat
                                + ", now() - interval "
                                + "'1 hour'), " + ("FINISHED".equals(status) ? "now()" : "null") + ") RETURNING id",
                        Long.class,
                        status,
                        NIGHTLY,
                        instance);
    }

    private Map<String, Object> row(long id) {
        return registry.jdbc().queryForMap("SELECT status, error, finished_at FROM forecast_run WHERE id = ?", id);
    }

    private void waitUntilComputedHere(long id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (forecasts.computesHere(id)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("forecast run " + id + " is still computing");
            }
            Thread.sleep(200);
        }
    }
}
