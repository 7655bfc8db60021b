package uk.rcc.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import uk.rcc.demo.DemoCooperativeGenerator;
import uk.rcc.exchange.ExchangeWriter;
import uk.rcc.faults.PackagedApplication.Browser;

/**
 * The packaged application is killed with SIGKILL in the middle of a co-operative matching run and started
 * again on the same (external) database: the interrupted run is marked failed, and the proposals of the last good
 * run are still there, whole. Runs after {@code package} (Maven failsafe), against the real jar.
 */
class KilledDuringMatchingRunIT {
    private static final String PASSWORD = "fault-test-password";
    private static final String RUNS = "/api/matching/runs";

    @TempDir
    Path temp;

    private PackagedApplication app;

    @BeforeEach
    void application() {
        app = new PackagedApplication(temp);
    }

    @AfterEach
    void stopApplications() {
        app.close();
    }

    @Test
    void aKilledRunIsMarkedFailedAtTheNextStartAndTheLastGoodProposalsRemain() throws Exception {
        assertThat(PackagedApplication.JAR)
                .as("run with mvn verify, after the jar is packaged")
                .exists();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            Path data = temp.resolve("dataset");
            ExchangeWriter.writeDirectory(
                    DemoCooperativeGenerator.generate(new DemoCooperativeGenerator.Spec(
                            3000,
                            2000,
                            0.3,
                            0.05,
                            DemoCooperativeGenerator.Scope.NORTHERN,
                            11,
                            LocalDate.of(2026, 3, 31))),
                    data);
            assertThat(app.command(url, "import", "--data", data.toString()).waitFor())
                    .isZero();
            new JdbcTemplate(postgres.getPostgresDatabase())
                    .update(
                            "INSERT INTO app_user (username, password_hash, "
                                    + "role) VALUES ('commissioner', ?, 'COMMISSIONER')",
                            "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD));

            int port = PackagedApplication.freePort();
            Process first = serve(url, port);
            Browser http = Browser.signedIn(port, "commissioner", PASSWORD);
            long goodRun = startRun(http, 2);
            http.waitFor(RUNS + "/" + goodRun, status -> status.equals("FINISHED"));
            long killedRun = startRun(http, 600);
            http.waitFor(RUNS + "/" + killedRun, status -> status.equals("RUNNING"));
            first.destroyForcibly().waitFor();

            JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
            int goodProposals =
                    jdbc.queryForObject("SELECT count(*) FROM proposal WHERE run_id = ?", Integer.class, goodRun);
            serve(url, port);
            Browser again = Browser.signedIn(port, "commissioner", PASSWORD);

            assertThat(again.status(RUNS + "/" + killedRun)).isEqualTo("FAILED");
            assertThat(jdbc.queryForObject("SELECT error FROM matching_run WHERE id = ?", String.class, killedRun))
                    .startsWith("interrupted");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM proposal WHERE run_id = ?", Integer.class, killedRun))
                    .isZero();
            assertThat(goodProposals).isPositive();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM proposal WHERE run_id = ?", Integer.class, goodRun))
                    .isEqualTo(goodProposals);
        }
    }

    private Process serve(String url, int port) throws Exception {
        return app.serve(url, port, "--rcc.matching.default-config=nightly-solver.xml");
    }

    private static long startRun(Browser http, int seconds) throws Exception {
        return http.startRun(RUNS, "{\"seconds\":" + seconds + "}");
    }
}
