package uk.rcc.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.rcc.RccApplication;
import uk.rcc.imports.DatasetImporter;
import uk.rcc.matching.runs.MatchingRunService;
import uk.rcc.matching.runs.NightlyMatching;
import uk.rcc.support.SharedData;

/**
 * The database server stops while a matching run is solving. The run cannot save its result: it is recorded as
 * failed with the reason once the database is back, none of its proposals is visible, the last good run's
 * proposals stay, and the next nightly run succeeds.
 */
class DatabaseStopsDuringMatchingRunTest {
    @TempDir
    Path dataDirectory;

    @Test
    void aRunCutOffByTheDatabaseStoppingFailsCleanlyAndTheNextNightlyRunSucceeds() throws Exception {
        int port = freePort();
        EmbeddedPostgres postgres = start(port);
        try (ConfigurableApplicationContext instance = instance(port)) {
            MatchingRunService runs = instance.getBean(MatchingRunService.class);
            instance.getBean(DatasetImporter.class).importDirectory(SharedData.sample());
            long goodRun = runs.start("admin", "USER", 1, null).id();
            waitUntil(() -> !runs.runsHere(goodRun), "the first run should end");
            JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
            int goodProposals = proposals(jdbc, goodRun);

            long cutRun = runs.start("nightly", "NIGHTLY", 4, "interactive-solver.xml")
                    .id();
            // its first progress is written once the registry is read and the search is under way: stopping the
            // database any earlier fails the run while it reads the registry, a different failure from this one
            waitUntil(() -> solving(jdbc, cutRun), "the second run should start solving");
            postgres.close();
            waitUntil(() -> !runs.runsHere(cutRun), "the solver should end while the database is down");
            postgres = start(port);
            JdbcTemplate restarted = new JdbcTemplate(postgres.getPostgresDatabase());
            waitUntil(() -> "FAILED".equals(status(restarted, cutRun)), "the failure should be recorded");

            assertThat(restarted.queryForObject("SELECT error FROM matching_run WHERE id = ?", String.class, cutRun))
                    .startsWith("saving the result failed");
            assertThat(proposals(restarted, cutRun)).isZero();
            assertThat(proposals(restarted, goodRun)).isEqualTo(goodProposals).isPositive();

            instance.getBean(NightlyMatching.class).run();
            assertThat(restarted.queryForList(
                            "SELECT status FROM matching_run WHERE trigger = 'NIGHTLY' " + "ORDER BY id", String.class))
                    .containsExactly("FAILED", "FINISHED");
        } finally {
            postgres.close();
        }
    }

    private EmbeddedPostgres start(int port) throws Exception {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }

    /** Short connection timeouts so requests fail fast while the database is down. */
    private static ConfigurableApplicationContext instance(int port) {
        return new SpringApplicationBuilder(RccApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--spring.datasource.url=jdbc:postgresql://localhost:" + port + "/postgres",
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.hikari.connection-timeout=500",
                        "--rcc.demo.load-when-empty=false",
                        "--rcc.nightly.matching-seconds=1",
                        "--rcc.nightly.matching-config=interactive-solver.xml",
                        "--rcc.nightly.matching-cron=-",
                        "--rcc.nightly.forecast-cron=-",
                        "--rcc.instance-id=instance-" + System.nanoTime(),
                        "--logging.level.root=OFF",
                        "--spring.main.banner-mode=off");
    }

    private static String status(JdbcTemplate jdbc, long run) {
        return jdbc.queryForObject("SELECT status FROM matching_run WHERE id = ?", String.class, run);
    }

    private static boolean solving(JdbcTemplate jdbc, long run) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT status = 'RUNNING' AND best_score IS NOT NULL " + "FROM matching_run WHERE id = ?",
                Boolean.class,
                run));
    }

    private static int proposals(JdbcTemplate jdbc, long run) {
        return jdbc.queryForObject("SELECT count(*) FROM proposal WHERE run_id = ?", Integer.class, run);
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(what + " within 30 seconds");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
