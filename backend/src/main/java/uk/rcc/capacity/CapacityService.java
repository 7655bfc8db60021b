package uk.rcc.capacity;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import uk.rcc.matching.SolverConfigs;
import uk.rcc.matching.policy.MatchingPolicy;
import uk.rcc.matching.runs.MatchingRunEnded;
import uk.rcc.registry.RegistryStore;

/**
 * Where places would help, from the latest co-operative run that ended with proposals: its answer, weights and the
 * registry as it is now. Computed once per run (a few seconds) and kept until a newer run ends.
 */
@Service
public class CapacityService {
    /** Options per list: enough for a page and for the report's councils. */
    static final int TOP = 20;
    /** The confirming re-solves of a page share this; the chains themselves take well under a second here. */
    static final Duration CONFIRM = Duration.ofSeconds(10);

    /** The options of one run, best first: extra places, then new homes kind by kind. */
    public record Options(
            long runId,
            Instant computedAt,
            int placed,
            int planned,
            double softCost,
            List<CapacityAnalysis.Ranked> options) {}

    /**
     * What can be shown without waiting: the options of the latest run if they are computed, or whether they are
     * being computed now (in the background, a few seconds after a run ends).
     */
    public record Ready(Optional<Options> options, boolean computing) {}

    private static final Logger log = LoggerFactory.getLogger(CapacityService.class);
    private final JdbcTemplate jdbc;
    private final RegistryStore registry;
    private final ObjectMapper json;
    private volatile Options cached;
    private final AtomicBoolean computing = new AtomicBoolean();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "capacity-options");
        thread.setDaemon(true);
        return thread;
    });

    public CapacityService(JdbcTemplate jdbc, RegistryStore registry, ObjectMapper json) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.json = json;
    }

    /** A run's options are worked out as soon as it ends, so the first reader (page or report) need not wait. */
    @EventListener
    public void matchingRunEnded(MatchingRunEnded ended) {
        computeInBackground();
    }

    /** The latest run's options if already computed; never waits (the board's report must not). */
    public Ready ready() {
        List<Map<String, Object>> runs = latestRun();
        if (runs.isEmpty()) {
            return new Ready(Optional.empty(), false);
        }
        Options known = cached;
        if (known != null && known.runId() == ((Number) runs.get(0).get("id")).longValue()) {
            return new Ready(Optional.of(known), false);
        }
        computeInBackground();
        return new Ready(Optional.empty(), true);
    }

    private void computeInBackground() {
        if (!computing.compareAndSet(false, true)) {
            return;
        }
        background.execute(() -> {
            try {
                latest();
            } catch (RuntimeException e) {
                log.warn("Capacity options not computed: {}", e.getMessage());
            } finally {
                computing.set(false);
            }
        });
    }

    @PreDestroy
    void shutdown() {
        background.shutdownNow();
    }

    private List<Map<String, Object>> latestRun() {
        return jdbc.queryForList("SELECT id, weights FROM matching_run WHERE status IN "
                + "('FINISHED', 'STOPPED') ORDER BY ended_at DESC, id DESC LIMIT 1");
    }

    /** The options of the latest run that ended with proposals, or empty when no run has; computes them if need be. */
    public synchronized Optional<Options> latest() {
        List<Map<String, Object>> runs = latestRun();
        if (runs.isEmpty()) {
            return Optional.empty();
        }
        long runId = ((Number) runs.get(0).get("id")).longValue();
        if (cached == null || cached.runId() != runId) {
            Map<String, Double> weights = json.readValue(
                    (String) runs.get(0).get("weights"), new TypeReference<LinkedHashMap<String, Double>>() {});
            Map<String, String> answer = new HashMap<>();
            jdbc.query(
                    "SELECT child_id, home_id FROM proposal WHERE run_id = ? AND home_id IS NOT NULL",
                    rs -> {
                        answer.put(rs.getString(1), rs.getString(2));
                    },
                    runId);
            CapacityAnalysis.Report report = CapacityAnalysis.analyse(
                    registry.readAll(),
                    MatchingPolicy.from(weights),
                    SolverConfigs.fromClasspath(SolverConfigs.INTERACTIVE),
                    new CapacityAnalysis.Settings(Duration.ZERO, CONFIRM, TOP),
                    answer);
            cached = new Options(
                    runId,
                    Instant.now(),
                    report.baseline().placed(),
                    report.baseline().planned(),
                    Math.round(report.baseline().softCost() * 100) / 100.0,
                    report.rows());
        }
        return Optional.of(cached);
    }

    /**
     * The best options in each council (extra places in its homes, new homes on its sites), for the sufficiency
     * report to show beside the council's gap. Empty when no run has ended with proposals.
     */
    public Map<String, List<CapacityAnalysis.Ranked>> topByCouncil(int perCouncil) {
        return latest().map(options -> topByCouncil(options, perCouncil)).orElse(Map.of());
    }

    /** The best options of one run in each council, best first. */
    public static Map<String, List<CapacityAnalysis.Ranked>> topByCouncil(Options options, int perCouncil) {
        Map<String, List<CapacityAnalysis.Ranked>> byCouncil = new LinkedHashMap<>();
        options.options().forEach(row -> {
            List<CapacityAnalysis.Ranked> rows =
                    byCouncil.computeIfAbsent(row.option().authorityCode(), code -> new java.util.ArrayList<>());
            if (rows.size() < perCouncil) {
                rows.add(row);
            }
        });
        return byCouncil;
    }
}
