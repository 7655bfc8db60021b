package uk.rcc.matching.planning;

import java.util.Iterator;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

/**
 * A kind of move drawn at random only: listing every move of the kind would be far too many (every swap and onward
 * move, or a flow per child each step), so the configurations select these randomly.
 */
abstract class RandomOnlyMoveFactory implements MoveIteratorFactory<MatchingSolution, ReassignMove> {
    @Override
    public final Iterator<ReassignMove> createOriginalMoveIterator(ScoreDirector<MatchingSolution> scoreDirector) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " supports random selection only");
    }
}
