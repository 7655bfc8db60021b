package uk.rcc.sufficiency.board;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.server.ResponseStatusException;

import jakarta.annotation.PreDestroy;
import tools.jackson.databind.ObjectMapper;
import uk.rcc.sufficiency.ForecastCommand;

/**
 * Forecast runs over the SSDA903 returns stored in the database. A run writes the returns to a working folder and
 * runs exactly the code of the headless {@code forecast} command on them, then keeps its parameters (seed
 * included) and every output file, so the same inputs give the same figures and a board can trust them.
 */
@Service
public class ForecastRuns {
    private static final Logger log = LoggerFactory.getLogger(ForecastRuns.class);
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "forecast-run");
        thread.setDaemon(true);
        return thread;
    });

    public ForecastRuns(JdbcTemplate jdbc, TransactionTemplate transaction, ObjectMapper json) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
    }

    /** What a run was asked for; all of it is stored with the run. */
    public record Parameters(int horizonMonths, LocalDate asOf, long seed, int runs, double confidence,
            Double entryRateChange) {

        List<String> commandOptions(Path episodes, Path out) {
            List<String> options = new ArrayList<>(List.of("--episodes", episodes.toString(), "--out", out.toString(),
                    "--horizon-months", String.valueOf(horizonMonths), "--seed", String.valueOf(seed), "--runs",
                    String.valueOf(runs), "--confidence", String.valueOf(confidence), "--lenient"));
            if (asOf != null) {
                options.addAll(List.of("--as-of", asOf.toString()));
            }
            if (entryRateChange != null) {
                options.addAll(List.of("--entry-rate-change", String.valueOf(entryRateChange)));
            }
            return options;
        }
    }

    public record ForecastRun(long id, String name, String status, String reviewStatus, String trigger,
            String createdBy, java.time.OffsetDateTime createdAt, java.time.OffsetDateTime finishedAt,
            Parameters parameters, String summary, String error, String approvedBy, String publishedBy,
            java.time.OffsetDateTime publishedAt, List<String> outputs) {
    }

    public long start(String by, String name, Parameters parameters, String trigger) {
        if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT exists(SELECT 1 FROM ssda903_file)", Boolean.class))) {
            throw new IllegalArgumentException("No SSDA903 returns are stored yet: upload them first.");
        }
        Long id = jdbc.queryForObject("INSERT INTO forecast_run (name, status, trigger, created_by, parameters) "
                + "VALUES (?, 'RUNNING', ?, ?, ?) RETURNING id", Long.class, name, trigger, by,
                json.writeValueAsString(parameters));
        executor.submit(() -> compute(id, parameters));
        return id;
    }

    /** Runs synchronously; used by the nightly refresh, which holds its lock while the run lasts. */
    public long runNow(String by, String name, Parameters parameters, String trigger) {
        Long id = jdbc.queryForObject("INSERT INTO forecast_run (name, status, trigger, created_by, parameters) "
                + "VALUES (?, 'RUNNING', ?, ?, ?) RETURNING id", Long.class, name, trigger, by,
                json.writeValueAsString(parameters));
        compute(id, parameters);
        return id;
    }

    private void compute(long id, Parameters parameters) {
        Path work = null;
        try {
            work = Files.createTempDirectory("rcc-forecast-" + id);
            Path episodes = writeReturns(work.resolve("returns"));
            Path out = work.resolve("out");
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            int exit = ForecastCommand.run(parameters.commandOptions(episodes, out),
                    new PrintStream(printed, true, StandardCharsets.UTF_8),
                    new PrintStream(errors, true, StandardCharsets.UTF_8));
            if (exit != 0) {
                fail(id, "the forecast stopped with exit code " + exit + ": " + errors.toString(StandardCharsets.UTF_8));
                return;
            }
            saveOutputs(id, out, printed.toString(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            log.error("Forecast run {} failed", id, e);
            fail(id, e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            if (work != null) {
                FileSystemUtils.deleteRecursively(work.toFile());
            }
        }
    }

    /** One folder per council, as the command reads them. */
    private Path writeReturns(Path folder) throws IOException {
        for (Map<String, Object> file : jdbc.queryForList("SELECT authority, file_name, content FROM ssda903_file")) {
            Path council = folder.resolve((String) file.get("authority"));
            Files.createDirectories(council);
            Files.writeString(council.resolve((String) file.get("file_name")), (String) file.get("content"));
        }
        return folder;
    }

    private void saveOutputs(long id, Path out, String summary) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (var listing = Files.list(out)) {
            for (Path file : listing.sorted().toList()) {
                if (Files.isRegularFile(file)) {
                    files.put(file.getFileName().toString(), Files.readString(file));
                }
            }
        }
        transaction.executeWithoutResult(tx -> {
            files.forEach((name, content) -> jdbc.update(
                    "INSERT INTO forecast_output (run_id, name, content) VALUES (?, ?, ?)", id, name, content));
            jdbc.update("UPDATE forecast_run SET status = 'FINISHED', finished_at = now(), summary = ? WHERE id = ?",
                    summary, id);
        });
    }

    private void fail(long id, String error) {
        jdbc.update("UPDATE forecast_run SET status = 'FAILED', finished_at = now(), error = ? WHERE id = ?",
                error.length() > 4000 ? error.substring(0, 4000) : error, id);
    }

    public List<ForecastRun> list() {
        return jdbc.query("SELECT * FROM forecast_run ORDER BY id DESC LIMIT 100", (rs, i) -> run(rs));
    }

    public ForecastRun get(long id) {
        return jdbc.query("SELECT * FROM forecast_run WHERE id = ?", (rs, i) -> run(rs), id).stream().findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no forecast run " + id));
    }

    public Optional<String> output(long id, String name) {
        return jdbc.queryForList("SELECT content FROM forecast_output WHERE run_id = ? AND name = ?", String.class,
                id, name).stream().findFirst();
    }

    private ForecastRun run(java.sql.ResultSet rs) throws java.sql.SQLException {
        long id = rs.getLong("id");
        List<String> outputs = jdbc.queryForList("SELECT name FROM forecast_output WHERE run_id = ? ORDER BY name",
                String.class, id);
        return new ForecastRun(id, rs.getString("name"), rs.getString("status"), rs.getString("review_status"),
                rs.getString("trigger"), rs.getString("created_by"),
                rs.getObject("created_at", java.time.OffsetDateTime.class),
                rs.getObject("finished_at", java.time.OffsetDateTime.class),
                json.readValue(rs.getString("parameters"), Parameters.class), rs.getString("summary"),
                rs.getString("error"), rs.getString("approved_by"), rs.getString("published_by"),
                rs.getObject("published_at", java.time.OffsetDateTime.class), outputs);
    }

    @PreDestroy
    void shutdown() {
        executor.shutdownNow();
    }

}
