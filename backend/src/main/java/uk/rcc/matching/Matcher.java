package uk.rcc.matching;

import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.matching.planning.MatchingSolution;
import uk.rcc.matching.policy.MatchingPolicy;

/** Builds the problem from a data set, solves it with the given config, and scores the result. */
public final class Matcher {
    private final SolverFactory<MatchingSolution> solverFactory;

    public Matcher(SolverConfig config) {
        this.solverFactory = SolverFactory.create(config);
    }

    public MatchResult match(ExchangeDataset dataset, MatchingPolicy weights) {
        MatchingProblem problem = MatchingProblem.of(dataset, weights);
        Solver<MatchingSolution> solver = solverFactory.buildSolver();
        MatchingSolution solved = solver.solve(problem.assignmentStart());
        SolutionManager.create(solverFactory).update(solved);
        return MatchResult.of(problem, solved);
    }
}
