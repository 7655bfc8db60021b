package uk.rcc.matching.planning;

import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import uk.rcc.matching.SolverConfigs;

/** A solver whose only phase is local search with one kind of move, so any improvement is that move's doing. */
final class OnlyTheseMoves {
    private OnlyTheseMoves() {}

    static SolverFactory<MatchingSolution> solverFactory(Class<? extends MoveIteratorFactory<?, ?>> moves, int steps) {
        SolverConfig config = SolverConfigs.fromClasspath(SolverConfigs.INTERACTIVE)
                .withTerminationConfig(new TerminationConfig().withSecondsSpentLimit(2L))
                .withPhases(new LocalSearchPhaseConfig()
                        .withMoveSelectorConfig(new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(moves))
                        .withTerminationConfig(new TerminationConfig().withStepCountLimit(steps)));
        return SolverFactory.create(config);
    }
}
