package uk.rcc.sufficiency.board;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.annotation.PreDestroy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.ObjectMapper;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeWriter;
import uk.rcc.jobs.DurableJobs;
import uk.rcc.jobs.JobStatus;
import uk.rcc.placement.PlacementConflictException;
import uk.rcc.registry.RegistryStore;
import uk.rcc.sufficiency.ForecastCommand;
import uk.rcc.sufficiency.Scenario;
import uk.rcc.system.InstanceName;

/**
 * Forecast runs over the SSDA903 returns stored in the database. A run writes the returns to a working folder and
 * runs exactly the code of the headless {@code forecast} command on them, then keeps its parameters (seed
 * included) and every output file, so the same inputs give the same figures and a board can trust them.
 */
@Service
public class ForecastRuns {
    private static final Logger log = LoggerFactory.getLogger(ForecastRuns.class);
    static final DurableJobs.Table RUNS = new DurableJobs.Table("forecast_run", "finished_at", null, false);
    static final DurableJobs.Table SCENARIOS = new DurableJobs.Table("forecast_scenario", null, null, false);
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "forecast-run");
        thread.setDaemon(true);
        return thread;
    });

    private final RegistryStore registryStore;
    private final MatchingShortfall shortfall;
    private final DurableJobs runJobs;
    /** A run's own scenarios are computed (and beat) with it; scenarios added later on their own. */
    private final DurableJobs scenarioJobs;

    public ForecastRuns(
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            ObjectMapper json,
            RegistryStore registryStore,
            MatchingShortfall shortfall,
            @Value("${rcc.instance-id:}") String configuredInstanceId) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
        this.registryStore = registryStore;
        this.shortfall = shortfall;
        String instanceId = InstanceName.of(configuredInstanceId);
        this.runJobs = new DurableJobs(jdbc, transaction, RUNS, instanceId);
        this.scenarioJobs = new DurableJobs(jdbc, transaction, SCENARIOS, instanceId);
    }

    /**
     * Runs and scenarios left RUNNING by this instance before it stopped (crash, kill -9, restart), or by any
     * instance whose heartbeat is stale, are failed at start, never resumed. Their outputs were never written
     * (they are written with the FINISHED status in one transaction), so the last finished run stays in force.
     */
    @EventListener(ApplicationReadyEvent.class)
    public int failInterruptedRuns() {
        return runJobs.failInterrupted() + scenarioJobs.failInterrupted();
    }

    /** Runs of an instance that died without restarting are noticed by any other instance within a minute or so. */
    @Scheduled(fixedDelay = 30_000, initialDelay = 30_000)
    public int failRunsOfStoppedInstances() {
        return runJobs.failStale() + scenarioJobs.failStale();
    }

    /** Tells other instances that this one's forecast runs and scenarios are alive. */
    @Scheduled(fixedDelay = 5000)
    public void beat() {
        runJobs.beat();
        scenarioJobs.beat();
    }

    public String instanceId() {
        return runJobs.instanceId();
    }

    /** True while this instance is still computing the run. */
    public boolean computesHere(long runId) {
        return runJobs.computesHere(runId);
    }

    /**
     * What a run was asked for; all of it is stored with the run. Foster approvals and resignations are places a
     * year across the co-operative (the supply projection).
     */
    public record Parameters(
            int horizonMonths,
            LocalDate asOf,
            long seed,
            int runs,
            double confidence,
            Double entryRateChange,
            Double fosterApprovalsPerYear,
            Double fosterResignationsPerYear) {

        public Parameters(
                int horizonMonths, LocalDate asOf, long seed, int runs, double confidence, Double entryRateChange) {
            this(horizonMonths, asOf, seed, runs, confidence, entryRateChange, null, null);
        }

        List<String> commandOptions(Path episodes, Path out) {
            List<String> options = new ArrayList<>(List.of(
                    "--episodes",
                    episodes.toString(),
                    "--out",
                    out.toString(),
                    "--horizon-months",
                    String.valueOf(horizonMonths),
                    "--seed",
                    String.valueOf(seed),
                    "--runs",
                    String.valueOf(runs),
                    "--confidence",
                    String.valueOf(confidence),
                    "--lenient"));
            if (asOf != null) {
                options.addAll(List.of("--as-of", asOf.toString()));
            }
            if (entryRateChange != null) {
                options.addAll(List.of("--entry-rate-change", String.valueOf(entryRateChange)));
            }
            if (fosterApprovalsPerYear != null) {
                options.addAll(List.of("--foster-approvals", String.valueOf(fosterApprovalsPerYear)));
            }
            if (fosterResignationsPerYear != null) {
                options.addAll(List.of("--foster-resignations", String.valueOf(fosterResignationsPerYear)));
            }
            return options;
        }
    }

    public record ForecastRun(
            long id,
            String name,
            JobStatus status,
            String reviewStatus,
            String trigger,
            String createdBy,
            java.time.OffsetDateTime createdAt,
            java.time.OffsetDateTime finishedAt,
            Parameters parameters,
            String summary,
            String error,
            String approvedBy,
            String publishedBy,
            java.time.OffsetDateTime publishedAt,
            List<String> outputs) {}

    public long start(String by, String name, Parameters parameters, String trigger) {
        return start(by, name, parameters, List.of(), trigger);
    }

    /** Starts a run in the background with named scenarios computed beside its baseline. */
    public long start(String by, String name, Parameters parameters, List<Scenario> scenarios, String trigger) {
        if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT exists(SELECT 1 FROM ssda903_file)", Boolean.class))) {
            throw new IllegalArgumentException("No SSDA903 returns are stored yet: upload them first.");
        }
        Inserted run = insert(by, name, parameters, scenarios, trigger);
        executor.submit(() -> compute(run, parameters));
        return run.id();
    }

    /** Runs synchronously; used by the nightly refresh, which holds its lock while the run lasts. */
    public long runNow(String by, String name, Parameters parameters, String trigger) {
        Inserted run = insert(by, name, parameters, List.of(), trigger);
        compute(run, parameters);
        return run.id();
    }

    /** A run just written, with its scenarios' ids: this instance computes (and beats) all of them from now on. */
    private record Inserted(long id, List<Long> scenarioIds) {}

    private Inserted insert(String by, String name, Parameters parameters, List<Scenario> scenarios, String trigger) {
        Set<String> names = new HashSet<>();
        scenarios.forEach(scenario -> {
            if (scenario.baseline() || !names.add(scenario.name())) {
                throw new IllegalArgumentException(
                        "Scenario names must be unique and not 'baseline': " + scenario.name());
            }
        });
        Inserted inserted = transaction.execute(tx -> {
            Long id = jdbc.queryForObject(
                    "INSERT INTO forecast_run (name, status, trigger, created_by, parameters, "
                            + "instance_id, heartbeat_at) VALUES (?, 'RUNNING', ?, ?, ?, ?, now()) RETURNING id",
                    Long.class,
                    name,
                    trigger,
                    by,
                    json.writeValueAsString(parameters),
                    runJobs.instanceId());
            return new Inserted(
                    id,
                    scenarios.stream()
                            .map(scenario -> insertScenario(id, scenario, by))
                            .toList());
        });
        runJobs.computing(inserted.id());
        inserted.scenarioIds().forEach(scenarioJobs::computing);
        return inserted;
    }

    private long insertScenario(long runId, Scenario scenario, String by) {
        return jdbc.queryForObject(
                "INSERT INTO forecast_scenario (run_id, name, entry_rate_change, step_down_share, "
                        + "foster_recruitment, status, created_by, instance_id, heartbeat_at) "
                        + "VALUES (?, ?, ?, ?, ?, 'RUNNING', ?, ?, now()) RETURNING id",
                Long.class,
                runId,
                scenario.name(),
                scenario.entryRateChange(),
                scenario.stepDownShare(),
                scenario.fosterRecruitment(),
                by,
                scenarioJobs.instanceId());
    }

    private void compute(Inserted run, Parameters parameters) {
        long id = run.id();
        Path work = null;
        try {
            work = Files.createTempDirectory("rcc-forecast-" + id);
            Path episodes = work.resolve("returns");
            String digest = writeReturns(episodes);
            Path out = work.resolve("out");
            List<String> options = new ArrayList<>(parameters.commandOptions(episodes, out));
            if (writeRegistry(work.resolve("registry"))) {
                options.addAll(List.of("--registry", work.resolve("registry").toString()));
            }
            List<StoredScenario> scenarios = scenarios(id);
            scenarios.forEach(scenario ->
                    options.addAll(List.of("--scenario", scenario.scenario().option())));
            Command result = command(options);
            if (result.exit() != 0) {
                runJobs.fail(id, "the forecast stopped with exit code " + result.exit() + ": " + result.errors());
                run.scenarioIds().forEach(scenario -> scenarioJobs.fail(scenario, "the forecast failed"));
                return;
            }
            Files.write(out.resolve("unmet_demand.csv"), shortfall.latestRun());
            Files.write(out.resolve("history.csv"), ReportSeries.history(episodes, parameters));
            saveOutputs(id, out, result.printed(), digest, scenarios);
        } catch (IOException | RuntimeException e) {
            log.error("Forecast run {} failed", id, e);
            runJobs.fail(id, e.getClass().getSimpleName() + ": " + e.getMessage());
            run.scenarioIds().forEach(scenario -> scenarioJobs.fail(scenario, "the forecast failed"));
        } finally {
            runJobs.done(id);
            run.scenarioIds().forEach(scenarioJobs::done);
            if (work != null) {
                FileSystemUtils.deleteRecursively(work.toFile());
            }
        }
    }

    /** The printed summary, errors and exit code of the forecast command. */
    private record Command(int exit, String printed, String errors) {}

    private static Command command(List<String> options) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exit = ForecastCommand.run(
                options,
                new PrintStream(printed, true, StandardCharsets.UTF_8),
                new PrintStream(errors, true, StandardCharsets.UTF_8));
        return new Command(exit, printed.toString(StandardCharsets.UTF_8), errors.toString(StandardCharsets.UTF_8));
    }

    /** One folder per council, as the command reads them; returns a digest of every file. */
    private String writeReturns(Path folder) throws IOException {
        MessageDigest digest = sha256();
        for (Map<String, Object> file : jdbc.queryForList(
                "SELECT authority, file_name, content FROM ssda903_file ORDER BY authority, file_name")) {
            Path council = folder.resolve((String) file.get("authority"));
            Files.createDirectories(council);
            Files.writeString(council.resolve((String) file.get("file_name")), (String) file.get("content"));
            for (String part : List.of("authority", "file_name", "content")) {
                digest.update(((String) file.get(part)).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The registry as an exchange data set for the command's supply, if it has member councils. */
    private boolean writeRegistry(Path folder) {
        ExchangeDataset registry = registryStore.readAll();
        if (registry.authorities().isEmpty()) {
            return false;
        }
        ExchangeWriter.writeDirectory(registry, folder);
        return true;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void saveOutputs(long id, Path out, String summary, String digest, List<StoredScenario> scenarios)
            throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (var listing = Files.list(out)) {
            for (Path file : listing.sorted().toList()) {
                if (Files.isRegularFile(file)) {
                    files.put(file.getFileName().toString(), Files.readString(file));
                }
            }
        }
        String compared = files.getOrDefault("scenarios.csv", "");
        // The run is claimed first: one that was marked failed meanwhile (its instance was thought dead) keeps no
        // outputs, and everything is rolled back.
        runJobs.finish(id, JobStatus.FINISHED, Map.of("summary", summary, "inputs_digest", digest), () -> {
            files.forEach((name, content) -> jdbc.update(
                    "INSERT INTO forecast_output (run_id, name, content) VALUES (?, ?, ?)", id, name, content));
            scenarios.forEach(scenario -> finishScenario(
                    scenario.id(),
                    ScenarioComparison.only(compared, scenario.scenario().name())));
        });
    }

    private void finishScenario(long scenarioId, String result) {
        scenarioJobs.finish(scenarioId, JobStatus.FINISHED, Map.of("result", result), () -> {});
    }

    /** A scenario as stored with its run: the levers, how its computation went and its figures. */
    public record StoredScenario(
            long id,
            long runId,
            Scenario scenario,
            JobStatus status,
            String createdBy,
            java.time.OffsetDateTime createdAt,
            String error,
            @JsonIgnore String result) {}

    public List<StoredScenario> scenarios(long runId) {
        return jdbc.query(
                "SELECT * FROM forecast_scenario WHERE run_id = ? ORDER BY id",
                (rs, i) -> new StoredScenario(
                        rs.getLong("id"),
                        runId,
                        new Scenario(
                                rs.getString("name"),
                                rs.getDouble("entry_rate_change"),
                                rs.getDouble("step_down_share"),
                                rs.getDouble("foster_recruitment")),
                        JobStatus.valueOf(rs.getString("status")),
                        rs.getString("created_by"),
                        rs.getObject("created_at", java.time.OffsetDateTime.class),
                        rs.getString("error"),
                        rs.getString("result")),
                runId);
    }

    /**
     * Adds a named scenario to a finished run that is not yet approved, computed in the background from the same
     * returns (refused if they have changed since), supply and seed as the run, so it compares like for like.
     */
    public StoredScenario addScenario(long runId, Scenario scenario, String by) {
        ForecastRun run = get(runId);
        if (run.status() != JobStatus.FINISHED || !List.of("DRAFT", "IN_REVIEW").contains(run.reviewStatus())) {
            throw new PlacementConflictException("Forecast run " + runId + " is " + run.reviewStatus() + " ("
                    + run.status() + "); scenarios can be added to a finished run until it is approved.");
        }
        if (scenario.baseline()
                || scenarios(runId).stream().anyMatch(s -> s.scenario().name().equals(scenario.name()))) {
            throw new PlacementConflictException(
                    "Forecast run " + runId + " already has a scenario called '" + scenario.name() + "'.");
        }
        long id = insertScenario(runId, scenario, by);
        scenarioJobs.computing(id);
        executor.submit(() -> computeScenario(run, id, scenario));
        return scenarios(runId).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
    }

    private void computeScenario(ForecastRun run, long scenarioId, Scenario scenario) {
        Path work = null;
        try {
            work = Files.createTempDirectory("rcc-scenario-" + scenarioId);
            Path episodes = work.resolve("returns");
            String digest = writeReturns(episodes);
            String runDigest =
                    jdbc.queryForObject("SELECT inputs_digest FROM forecast_run WHERE id = ?", String.class, run.id());
            if (!digest.equals(runDigest)) {
                failScenario(
                        scenarioId,
                        "The SSDA903 returns have changed since this run; start a new run to "
                                + "compare scenarios on the new data.");
                return;
            }
            Path out = work.resolve("out");
            List<String> options = new ArrayList<>(run.parameters().commandOptions(episodes, out));
            Optional<String> supply = output(run.id(), "supply.csv");
            if (supply.isPresent()) {
                Files.writeString(work.resolve("supply.csv"), supply.get());
                options.addAll(List.of("--supply", work.resolve("supply.csv").toString()));
            }
            options.addAll(List.of("--scenario", scenario.option(), "--scenarios-only"));
            Command result = command(options);
            if (result.exit() != 0) {
                failScenario(
                        scenarioId, "the scenario stopped with exit code " + result.exit() + ": " + result.errors());
                return;
            }
            finishScenario(
                    scenarioId,
                    ScenarioComparison.only(Files.readString(out.resolve("scenarios.csv")), scenario.name()));
        } catch (IOException | RuntimeException e) {
            log.error("Scenario {} of forecast run {} failed", scenarioId, run.id(), e);
            failScenario(scenarioId, e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            scenarioJobs.done(scenarioId);
            if (work != null) {
                FileSystemUtils.deleteRecursively(work.toFile());
            }
        }
    }

    private void failScenario(long scenarioId, String error) {
        scenarioJobs.fail(scenarioId, error);
    }

    public List<ForecastRun> list() {
        return jdbc.query("SELECT * FROM forecast_run ORDER BY id DESC LIMIT 100", (rs, i) -> run(rs));
    }

    public ForecastRun get(long id) {
        return jdbc.query("SELECT * FROM forecast_run WHERE id = ?", (rs, i) -> run(rs), id).stream()
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no forecast run " + id));
    }

    public Optional<String> output(long id, String name) {
        return jdbc
                .queryForList(
                        "SELECT content FROM forecast_output WHERE run_id = ? AND name = ?", String.class, id, name)
                .stream()
                .findFirst();
    }

    private ForecastRun run(java.sql.ResultSet rs) throws java.sql.SQLException {
        long id = rs.getLong("id");
        List<String> outputs =
                jdbc.queryForList("SELECT name FROM forecast_output WHERE run_id = ? ORDER BY name", String.class, id);
        return new ForecastRun(
                id,
                rs.getString("name"),
                JobStatus.valueOf(rs.getString("status")),
                rs.getString("review_status"),
                rs.getString("trigger"),
                rs.getString("created_by"),
                rs.getObject("created_at", java.time.OffsetDateTime.class),
                rs.getObject("finished_at", java.time.OffsetDateTime.class),
                json.readValue(rs.getString("parameters"), Parameters.class),
                rs.getString("summary"),
                rs.getString("error"),
                rs.getString("approved_by"),
                rs.getString("published_by"),
                rs.getObject("published_at", java.time.OffsetDateTime.class),
                outputs);
    }

    /**
     * A forecast cannot stop half-way with a usable result (its figures come from every simulation), so a run or
     * scenario still computing when the instance shuts down is recorded as failed with the reason, at once rather
     * than at the next start; nothing of it was saved, and the last finished run stays in force.
     */
    @PreDestroy
    void shutdown() {
        executor.shutdownNow();
        String error = "interrupted: the instance computing it shut down before it finished";
        runJobs.failComputing(error);
        scenarioJobs.failComputing(error);
    }
}
