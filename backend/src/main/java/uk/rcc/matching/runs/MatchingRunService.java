package uk.rcc.matching.runs;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;
import uk.rcc.jobs.DurableJobs;
import uk.rcc.jobs.JobLostException;
import uk.rcc.jobs.JobStatus;
import uk.rcc.matching.runs.MatchingEngine.Outcome;
import uk.rcc.matching.runs.MatchingEngine.Progress;
import uk.rcc.matching.runs.MatchingEngine.SolveJob;
import uk.rcc.registry.RegistryStore;
import uk.rcc.system.InstanceName;

/**
 * Co-operative matching runs, kept in PostgreSQL so a restart loses nothing: a run row is written before the
 * solver starts, its progress and a heartbeat while it runs, and its proposals together with its final status in
 * one transaction, so a half-written run is never visible. A run whose instance died is marked failed at the
 * next start; the proposals of the last good run stay in force.
 */
@Service
public class MatchingRunService {
    private static final Logger log = LoggerFactory.getLogger(MatchingRunService.class);
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);
    static final DurableJobs.Table TABLE = new DurableJobs.Table("matching_run", "ended_at", "started_at", true);

    private final MatchingRunRepository runs;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final RegistryStore registry;
    private final MatchingEngine engine;
    private final WeightSets weightSets;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final DurableJobs jobs;
    private final String defaultConfig;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "matching-run");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Long, SolveJob> activeJobs = new ConcurrentHashMap<>();
    private final java.util.Set<Long> stopRequests = ConcurrentHashMap.newKeySet();

    public MatchingRunService(
            MatchingRunRepository runs,
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            RegistryStore registry,
            MatchingEngine engine,
            WeightSets weightSets,
            ObjectMapper json,
            MeterRegistry meters,
            @Value("${rcc.matching.default-config:interactive-solver.xml}") String defaultConfig,
            @Value("${rcc.instance-id:}") String configuredInstanceId) {
        this.runs = runs;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.registry = registry;
        this.engine = engine;
        this.weightSets = weightSets;
        this.json = json;
        this.meters = meters;
        this.defaultConfig = defaultConfig;
        this.jobs = new DurableJobs(jdbc, transaction, TABLE, InstanceName.of(configuredInstanceId));
    }

    /** Runs left RUNNING by an instance that stopped (crash, kill -9, restart) are failed, never resumed. */
    @EventListener(ApplicationReadyEvent.class)
    public int failInterruptedRuns() {
        return jobs.failInterrupted();
    }

    /** Starts a run over every waiting child of the co-operative; refuses while another run is active. */
    public MatchingRun start(String startedBy, String trigger, Integer seconds, String solverConfig) {
        WeightSets.WeightSet weights = weightSets.current();
        int limit = seconds == null ? 30 : seconds;
        if (limit < 1 || limit > 3600) {
            throw new IllegalArgumentException("seconds must be between 1 and 3600");
        }
        MatchingRun run;
        try {
            run = runs.save(new MatchingRun(
                    null,
                    JobStatus.QUEUED,
                    trigger,
                    startedBy,
                    Instant.now(),
                    null,
                    null,
                    Instant.now(),
                    jobs.instanceId(),
                    solverConfig == null ? defaultConfig : solverConfig,
                    limit,
                    weights.id(),
                    weightSets.toJson(weights.weights()),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    0));
        } catch (DataIntegrityViolationException e) {
            throw new RunAlreadyActiveException();
        }
        MatchingRun queued = run;
        jobs.computing(run.id());
        executor.submit(() -> execute(queued, weights.weights()));
        return run;
    }

    /** True while this instance is still working on the run (queued, solving or saving). */
    public boolean runsHere(long id) {
        return jobs.computesHere(id);
    }

    public Optional<MatchingRun> find(long id) {
        return runs.findById(id);
    }

    public List<MatchingRun> latest() {
        return runs.latest();
    }

    /** Asks a running solver to stop; it saves its best result as a STOPPED run. */
    public boolean stop(long id) {
        if (!jobs.computesHere(id)) {
            return false;
        }
        stopRequests.add(id);
        SolveJob job = activeJobs.get(id);
        if (job != null) {
            job.stop();
        }
        return true;
    }

    private void execute(MatchingRun run, Map<String, Double> weights) {
        long started = System.nanoTime();
        try {
            jobs.running(run.id());
            var request = new MatchingEngine.MatchRequest(
                    registry.readAll(), weights, run.solverConfig(), Duration.ofSeconds(run.secondsLimit()));
            Heartbeat heartbeat = new Heartbeat(run.id());
            SolveJob job = engine.start(request, heartbeat::progress);
            activeJobs.put(run.id(), job);
            if (stopRequests.contains(run.id())) {
                job.stop();
            }
            Outcome outcome = job.await();
            saveOrFail(run.id(), outcome, stopRequests.remove(run.id()) ? JobStatus.STOPPED : JobStatus.FINISHED);
            meters.timer("rcc.matching.solve").record(Duration.ofNanos(System.nanoTime() - started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(run.id(), "interrupted while solving");
        } catch (RuntimeException e) {
            log.error("Matching run {} failed", run.id(), e);
            fail(run.id(), e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            activeJobs.remove(run.id());
            jobs.done(run.id());
            stopRequests.remove(run.id());
        }
    }

    /**
     * Proposals and final status go in one transaction: if the database fails on the way (it stopped, say), none
     * of the proposals is visible and the run is recorded as failed, with the reason, once the database is back.
     */
    private void saveOrFail(long id, Outcome outcome, JobStatus status) {
        try {
            saveOutcome(id, outcome, status);
        } catch (org.springframework.dao.DataAccessException
                | org.springframework.transaction.TransactionException
                | JobLostException e) {
            log.error("Matching run {} could not save its result", id, e);
            fail(id, "saving the result failed: " + e.getMessage());
        }
    }

    private void saveOutcome(long id, Outcome outcome, JobStatus status) {
        Map<String, Object> figures = new java.util.LinkedHashMap<>();
        figures.put("best_score", outcome.score());
        figures.put("planned", outcome.planned());
        figures.put("placed", outcome.placed());
        figures.put("unplaced", outcome.unplaced());
        figures.put("figures", json.writeValueAsString(Map.of("before", outcome.before(), "after", outcome.after())));
        jobs.finish(id, status, figures, () -> {
            jdbc.batchUpdate(
                    "INSERT INTO proposal (run_id, child_id, authority_code, home_id, cost, explanation) "
                            + "VALUES (?, ?, ?, ?, ?, ?)",
                    outcome.proposals(),
                    1000,
                    (ps, p) -> {
                        ps.setLong(1, id);
                        ps.setString(2, p.childId());
                        ps.setString(3, p.authorityCode());
                        ps.setString(4, p.homeId());
                        ps.setBigDecimal(5, java.math.BigDecimal.valueOf(Math.round(p.cost() * 100) / 100.0));
                        ps.setString(6, p.explanation());
                    });
        });
        log.info(
                "Matching run {} {}: score {}, {} of {} placed",
                id,
                status,
                outcome.score(),
                outcome.placed(),
                outcome.planned());
    }

    private void fail(long id, String error) {
        meters.counter("rcc.matching.runs.failed").increment();
        jobs.fail(id, error);
    }

    /** Stops running solvers on shutdown and waits for them to save their best result. */
    @PreDestroy
    public void shutdown() throws InterruptedException {
        activeJobs.values().forEach(SolveJob::stop);
        executor.shutdown();
        if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
            log.warn("A matching run did not save within 30 seconds of shutdown");
        }
    }

    /** Runs whose instance died without restarting are noticed by any other instance within a minute or so. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelay = 30_000, initialDelay = 30_000)
    public void failRunsOfStoppedInstances() {
        jobs.failStale();
    }

    /** Tells other instances that this one's runs are alive, even while the score does not improve. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelay = 5000)
    public void beat() {
        jobs.beat();
        // a stop asked just as the solver began can be lost by it (solving resets the request): ask again
        stopRequests.forEach(id -> {
            SolveJob job = activeJobs.get(id);
            if (job != null) {
                job.stop();
            }
        });
    }

    /** Writes the best score so far at most every few seconds. */
    private final class Heartbeat {
        private final long runId;
        private volatile long lastWrite;

        Heartbeat(long runId) {
            this.runId = runId;
        }

        void progress(Progress progress) {
            long now = System.nanoTime();
            if (now - lastWrite < HEARTBEAT.toNanos()) {
                return;
            }
            lastWrite = now;
            try {
                jdbc.update(
                        "UPDATE matching_run SET best_score = ?, placed = ?, planned = ?, heartbeat_at = now() "
                                + "WHERE id = ? AND status = 'RUNNING'", // progress only: the job's own row
                        progress.bestScore(),
                        progress.placed(),
                        progress.planned(),
                        runId);
            } catch (org.springframework.dao.DataAccessException e) {
                // The solver goes on: its result is saved, or the run failed, when it ends.
                log.warn("Progress of matching run {} not written: {}", runId, e.getMessage());
            }
        }
    }

    public String instanceId() {
        return jobs.instanceId();
    }
}
