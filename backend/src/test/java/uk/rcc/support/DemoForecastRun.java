package uk.rcc.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.rcc.demo.DemoForecast;
import uk.rcc.sufficiency.Ssda903Generator;
import uk.rcc.sufficiency.board.ForecastRuns;

/**
 * The demo's forecast (its returns, parameters and two scenarios) run once per test database against the registry
 * loaded at the time, and reused by later tests: a finished run's outputs never change.
 */
public final class DemoForecastRun {
    public static final String NAME = "Demo baseline forecast (test)";

    private DemoForecastRun() {}

    /** The id of the finished demo forecast run, computing it first if this database has none. */
    public static long id(ForecastRuns forecasts, JdbcTemplate jdbc) {
        List<Long> done = jdbc.queryForList(
                "SELECT id FROM forecast_run WHERE name = ? AND status = 'FINISHED' " + "ORDER BY id DESC LIMIT 1",
                Long.class,
                NAME);
        if (!done.isEmpty()) {
            return done.get(0);
        }
        storeReturns(jdbc);
        ForecastRuns.Parameters demo = DemoForecast.PARAMETERS;
        // The demo's parameters with 300 simulations instead of 1,000, to keep the tests' time down.
        ForecastRuns.Parameters parameters = new ForecastRuns.Parameters(
                demo.horizonMonths(),
                demo.asOf(),
                demo.seed(),
                300,
                demo.confidence(),
                demo.entryRateChange(),
                demo.fosterApprovalsPerYear(),
                demo.fosterResignationsPerYear());
        long id = forecasts.start("commissioner", NAME, parameters, DemoForecast.SCENARIOS, "USER");
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            String status = jdbc.queryForObject("SELECT status FROM forecast_run WHERE id = ?", String.class, id);
            if (status.equals("FINISHED")) {
                return id;
            }
            if (!status.equals("RUNNING")) {
                throw new AssertionError("the demo forecast run " + id + " is " + status);
            }
            sleep();
        }
        throw new AssertionError("the demo forecast run " + id + " did not finish in 5 minutes");
    }

    private static void storeReturns(JdbcTemplate jdbc) {
        try {
            Path folder = Files.createTempDirectory("demo-returns");
            Ssda903Generator.Spec spec = DemoForecast.returns(LocalDate.now());
            Ssda903Generator.write(spec, folder);
            jdbc.update("DELETE FROM ssda903_file");
            for (String council : spec.councils()) {
                for (String file : List.of("header.csv", "episodes.csv")) {
                    jdbc.update(
                            "INSERT INTO ssda903_file (authority, file_name, content, uploaded_by) "
                                    + "VALUES (?, ?, ?, 'test')",
                            council,
                            file,
                            Files.readString(folder.resolve(council).resolve(file)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
