package uk.rcc.matching.fallback;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import uk.rcc.matching.runs.MatchingEngine;
import uk.rcc.matching.runs.ReferenceWeights;

/** Runs OptaPlanner on a data set for a stored co-operative run. */
@Component
public class SolverEngine implements MatchingEngine, ReferenceWeights {
    /** Bounds memory on large co-operatives: each child keeps its cheapest valid homes as candidates. */
    public static final int CANDIDATE_CAP = 300;
    private final String configDirectory;

    public SolverEngine(@Value("${rcc.solver-configs.directory:}") String configDirectory) {
        this.configDirectory = configDirectory;
    }

    @Override
    public Map<String, Double> weights() {
        return MatchingPolicy.reference().asMap();
    }

    @Override
    public SolveJob start(MatchRequest request, Consumer<Progress> onProgress) {
        PlacementProblem problem = PlacementProblem.of(request.dataset(), MatchingPolicy.from(request.weights()),
                PlacementProblem.candidateCap(request.dataset(), CANDIDATE_CAP));
        SolverFactory<PlacementPlan> factory = SolverFactory.create(
                SolverConfigs.load(configDirectory, request.solverConfig(), request.limit()));
        Solver<PlacementPlan> solver = factory.buildSolver();
        long started = System.nanoTime();
        int planned = problem.planned();
        java.util.concurrent.atomic.AtomicBoolean stopRequested = new java.util.concurrent.atomic.AtomicBoolean();
        reportProgress(solver, problem, onProgress, started, stopRequested);
        CompletableFuture<PlacementPlan> solving = CompletableFuture.supplyAsync(() -> solver.solve(problem.plan()));
        return new SolveJob() {
            @Override
            public void stop() {
                stopRequested.set(true);
                solver.terminateEarly();
            }

            @Override
            public Outcome await() throws InterruptedException {
                PlacementPlan solved;
                try {
                    solved = solving.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("the solver failed: " + e.getCause().getMessage(), e.getCause());
                }
                return outcome(problem, solved);
            }
        };
    }

    /**
     * Reports the best score so far at every step, at most once a second. Step events also come during the
     * construction heuristic, where best-solution events do not, so a run shows progress from its start.
     */
    private static void reportProgress(Solver<PlacementPlan> solver, PlacementProblem problem,
            Consumer<Progress> onProgress, long started, java.util.concurrent.atomic.AtomicBoolean stopRequested) {
        int planned = problem.planned();
        long[] lastReport = { 0 };
        ((org.optaplanner.core.impl.solver.DefaultSolver<PlacementPlan>) solver).addPhaseLifecycleListener(
                new org.optaplanner.core.impl.phase.event.PhaseLifecycleListenerAdapter<>() {
                    @Override
                    public void stepEnded(org.optaplanner.core.impl.phase.scope.AbstractStepScope<PlacementPlan> step) {
                        if (stopRequested.get() && !solver.isTerminateEarly()) {
                            // A stop asked for before solving began is otherwise reset when solve() starts.
                            solver.terminateEarly();
                        }
                        long now = System.nanoTime();
                        if (now - lastReport[0] < 1_000_000_000L) {
                            return;
                        }
                        lastReport[0] = now;
                        var scope = step.getPhaseScope().getSolverScope();
                        PlacementPlan best = scope.getBestSolution();
                        onProgress.accept(new Progress(String.valueOf(scope.getBestScore()),
                                problem.homesOf(best).size(), planned, Duration.ofNanos(now - started)));
                    }
                });
    }

    public static Outcome outcome(PlacementProblem problem, PlacementPlan solved) {
        var proposals = problem.proposals(solved);
        int placed = (int) proposals.stream().filter(p -> p.homeId() != null).count();
        return new Outcome(solved.score().toString(), proposals.size(), placed, proposals.size() - placed, proposals,
                problem.figures(Map.of()), problem.figures(problem.homesOf(solved)));
    }
}
