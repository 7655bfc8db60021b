package uk.rcc.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import uk.rcc.demo.DemoCooperativeGenerator;
import uk.rcc.exchange.ExchangeWriter;
import uk.rcc.faults.PackagedApplication.Browser;
import uk.rcc.sufficiency.Ssda903Generator;

/**
 * The packaged application is killed with SIGKILL in the middle of a forecast run and started again on the same
 * (external) database: the interrupted run is marked failed with no outputs, and the last finished forecast run is
 * still there, whole. Runs after {@code package} (Maven failsafe), against the real jar.
 */
class KilledDuringForecastRunIT {
    private static final String PASSWORD = "fault-test-password";
    private static final String RUNS = "/api/sufficiency/runs";
    private static final List<String> COUNCILS = List.of("E06000057", "E06000047");

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
    void aKilledForecastRunIsMarkedFailedAtTheNextStartAndTheLastFinishedRunRemains() throws Exception {
        assertThat(PackagedApplication.JAR)
                .as("run with mvn verify, after the jar is packaged")
                .exists();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            Path data = temp.resolve("dataset");
            ExchangeWriter.writeDirectory(
                    DemoCooperativeGenerator.generate(new DemoCooperativeGenerator.Spec(
                            300,
                            200,
                            0.3,
                            0.05,
                            DemoCooperativeGenerator.Scope.NORTHERN,
                            11,
                            LocalDate.of(2026, 3, 31))),
                    data);
            assertThat(app.command(url, "import", "--data", data.toString()).waitFor())
                    .isZero();
            JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
            jdbc.update(
                    "INSERT INTO app_user (username, password_hash, role) VALUES ('commissioner', ?, "
                            + "'COMMISSIONER')",
                    "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD));
            Path returns = temp.resolve("returns");
            Ssda903Generator.write(
                    new Ssda903Generator.Spec(COUNCILS, 4, 0.02, LocalDate.of(2016, 4, 1), 8, 3), returns);
            for (String council : COUNCILS) {
                for (String file : List.of("header.csv", "episodes.csv")) {
                    jdbc.update(
                            "INSERT INTO ssda903_file (authority, file_name, content, uploaded_by) VALUES "
                                    + "(?, ?, ?, 'test')",
                            council,
                            file,
                            Files.readString(returns.resolve(council).resolve(file)));
                }
            }

            int port = PackagedApplication.freePort();
            Process first = app.serve(url, port);
            Browser http = Browser.signedIn(port, "commissioner", PASSWORD);
            long good = http.startRun(RUNS, "{\"name\":\"Good\",\"horizonMonths\":12,\"runs\":200}");
            waitForFinished(http, good);
            long killed = http.startRun(
                    RUNS,
                    "{\"name\":\"Killed\",\"horizonMonths\":60,\"runs\":20000,"
                            + "\"scenarios\":[{\"name\":\"fewer entries\",\"entryRateChange\":-0.1}]}");
            assertThat(http.status(RUNS + "/" + killed)).isEqualTo("RUNNING");
            first.destroyForcibly().waitFor();

            int goodOutputs =
                    jdbc.queryForObject("SELECT count(*) FROM forecast_output WHERE run_id = ?", Integer.class, good);
            app.serve(url, port);
            Browser again = Browser.signedIn(port, "commissioner", PASSWORD);

            assertThat(again.status(RUNS + "/" + killed)).isEqualTo("FAILED");
            assertThat(jdbc.queryForObject("SELECT error FROM forecast_run WHERE id = ?", String.class, killed))
                    .startsWith("interrupted");
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM forecast_output WHERE run_id = ?", Integer.class, killed))
                    .isZero();
            assertThat(jdbc.queryForList("SELECT status FROM forecast_scenario WHERE run_id = ?", String.class, killed))
                    .containsExactly("FAILED");
            assertThat(goodOutputs).isPositive();
            assertThat(again.status(RUNS + "/" + good)).isEqualTo("FINISHED");
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM forecast_output WHERE run_id = ?", Integer.class, good))
                    .isEqualTo(goodOutputs);
        }
    }

    /** Waits until the run stops running, and expects it to have finished. */
    private static void waitForFinished(Browser http, long runId) throws Exception {
        assertThat(http.waitFor(RUNS + "/" + runId, status -> !status.equals("RUNNING")))
                .isEqualTo("FINISHED");
    }
}
