package uk.rcc.matching;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.matching.planning.MatchingSolution;
import uk.rcc.matching.planning.PlannedChild;
import uk.rcc.matching.policy.MatchingPolicy;
import uk.rcc.matching.runs.MatchingEngine;
import uk.rcc.matching.runs.ReferenceWeights;

/**
 * The matching solver behind stored co-operative runs and the benchmark: builds the problem, solves with a named
 * configuration (packaged, or from an operator's directory), reports progress at most once a second, stops early
 * on request, and turns the result into proposals and before/after figures.
 */
@Component
public class SolverRunEngine implements MatchingEngine, ReferenceWeights {
    private static final Logger log = LoggerFactory.getLogger(SolverRunEngine.class);
    private final String configDirectory;

    public SolverRunEngine(@Value("${rcc.solver-configs.directory:}") String configDirectory) {
        this.configDirectory = configDirectory;
    }

    @Override
    public Map<String, Double> weights() {
        return MatchingPolicy.reference().asMap();
    }

    public SolverConfig config(String name, Duration limit) {
        SolverConfig config;
        Path file = Path.of(name);
        if (Files.isRegularFile(file)) {
            config = SolverConfigs.fromFile(file);
        } else if (!configDirectory.isBlank() && Files.isRegularFile(Path.of(configDirectory, name))) {
            config = SolverConfigs.fromFile(Path.of(configDirectory, name));
        } else if (name.matches("[A-Za-z0-9_.-]+\\.xml")
                && getClass().getClassLoader().getResource("solver-configs/" + name) != null) {
            config = SolverConfigs.fromClasspath("solver-configs/" + name);
        } else {
            throw new IllegalArgumentException("no solver configuration '" + name + "'");
        }
        return limit == null ? config : SolverConfigs.withTimeLimit(config, limit);
    }

    /**
     * Builds the problem, then (in the background) makes the first answer and solves from it. A time limit covers
     * all of it: the first answer takes at most a quarter, the solver the rest.
     */
    @Override
    public SolveJob start(MatchRequest request, Consumer<Progress> onProgress) {
        long begun = System.nanoTime();
        MatchingProblem problem = MatchingProblem.of(request.dataset(), MatchingPolicy.from(request.weights()));
        long built = System.nanoTime();
        List<PlannedChild> planned = problem.solution().getPlannedChildren();
        log.info(
                "matching problem built in {} ms: {} children to plan, {} valid child-home pairs, {} left as "
                        + "candidates by the children who stay",
                (built - begun) / 1_000_000,
                planned.size(),
                planned.stream().mapToLong(child -> child.validHomes().size()).sum(),
                planned.stream()
                        .mapToLong(child -> child.getCandidateHomes().size())
                        .sum());
        SolverFactory<MatchingSolution> factory = SolverConfigs.factory(config(request.solverConfig(), null));
        AtomicBoolean stopRequested = new AtomicBoolean();
        AtomicReference<Solver<MatchingSolution>> running = new AtomicReference<>();
        CompletableFuture<MatchingSolution> solving = CompletableFuture.supplyAsync(() -> {
            MatchingSolution start = problem.assignmentStart(startBudget(request.limit()));
            log.info(
                    "first answer in {} ms: {} placed",
                    (System.nanoTime() - built) / 1_000_000,
                    start.getPlannedChildren().stream()
                            .filter(child -> child.getHome() != null)
                            .count());
            Duration left = request.limit() == null
                    ? null
                    : Duration.ofMillis(request.limit()
                            .minusNanos(System.nanoTime() - begun)
                            .toMillis());
            Solver<MatchingSolution> solver = SolverConfigs.factory(
                            config(request.solverConfig(), left == null ? null : max(left, Duration.ofSeconds(1))))
                    .buildSolver();
            reportProgress(solver, onProgress, stopRequested);
            running.set(solver);
            if (stopRequested.get()) {
                return start; // stopped while the first answer was made: that answer is the result
            }
            return solver.solve(start);
        });
        return new SolveJob() {
            @Override
            public void stop() {
                stopRequested.set(true);
                Solver<MatchingSolution> solver = running.get();
                if (solver != null) {
                    solver.terminateEarly();
                }
            }

            @Override
            public Outcome await() throws InterruptedException {
                try {
                    MatchingSolution solved = solving.get();
                    SolutionManager.create(factory).update(solved);
                    return outcome(request.dataset(), problem, solved);
                } catch (ExecutionException e) {
                    throw new IllegalStateException(
                            "the solver failed: " + e.getCause().getMessage(), e.getCause());
                }
            }
        };
    }

    /** A quarter of the time limit: on national-scale nightly runs the assignment rounds need minutes too. */
    static Duration startBudget(Duration limit) {
        return limit == null ? MatchingProblem.ASSIGNMENT_BUDGET : limit.dividedBy(4);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The best score once a second, at debug level: the benchmark turns it on to show how a solve converges. */
    private static final Logger LOG_PROGRESS = LoggerFactory.getLogger("uk.rcc.matching.progress");

    /**
     * Best score and children placed so far, at most once a second, through the solver's public events (they come
     * with each new best solution). A stop asked while the solver was starting can be lost, since solving clears
     * earlier requests: it is asked again here, and by the run's heartbeat.
     */
    private static void reportProgress(
            Solver<MatchingSolution> solver, Consumer<Progress> onProgress, AtomicBoolean stopRequested) {
        long started = System.nanoTime();
        long[] lastReport = {0};
        solver.addEventListener(event -> {
            if (stopRequested.get() && !solver.isTerminateEarly()) {
                solver.terminateEarly();
            }
            long now = System.nanoTime();
            if (now - lastReport[0] < 1_000_000_000L) {
                return;
            }
            lastReport[0] = now;
            List<PlannedChild> planned = event.getNewBestSolution().getPlannedChildren();
            int placed = (int) planned.stream().filter(c -> c.getHome() != null).count();
            LOG_PROGRESS.debug("best {} after {} ms", event.getNewBestScore(), (now - started) / 1_000_000);
            onProgress.accept(new Progress(
                    String.valueOf(event.getNewBestScore()), placed, planned.size(), Duration.ofNanos(now - started)));
        });
    }

    static Outcome outcome(ExchangeDataset dataset, MatchingProblem problem, MatchingSolution solved) {
        MatchResult result = MatchResult.of(problem, solved);
        Map<String, String> councilOf = new HashMap<>();
        dataset.children().forEach(c -> councilOf.put(c.childId(), c.authorityCode()));
        List<ProposalLine> proposals = result.outcomes().stream()
                .map(o -> new ProposalLine(
                        o.childId(), councilOf.get(o.childId()), o.homeId(), o.cost(), o.explanation()))
                .toList();
        Map<String, String> proposed = new HashMap<>();
        proposals.stream().filter(p -> p.homeId() != null).forEach(p -> proposed.put(p.childId(), p.homeId()));
        Map<String, String> today = new HashMap<>();
        dataset.children().stream()
                .filter(c -> c.currentHomeId() != null)
                .forEach((ChildRow c) -> today.put(c.childId(), c.currentHomeId()));
        MatchingPolicy policy = problem.weights();
        return new Outcome(
                result.score().toString(),
                result.planned(),
                result.placed(),
                result.unplaced(),
                proposals,
                figures(PolicyCost.of(dataset, today, policy)),
                figures(PolicyCost.of(dataset, proposed, policy)));
    }

    private static Figures figures(PolicyCost cost) {
        return new Figures(
                Math.round(cost.within20MilesShare() * 1000) / 1000.0,
                Math.round(cost.outsideCouncilShare() * 1000) / 1000.0,
                cost.siblingGroupsSplit(),
                Math.round(cost.meanKmToSchool() * 10) / 10.0,
                Math.round(cost.weeklyCost()));
    }
}
