package uk.rcc.matching.planning;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * Endless random moves over the working solution as it is during one step. Who lives where is brought up to date
 * ({@link Occupancy}) at the first draw, not when the step begins: the union of move kinds creates every kind's
 * iterator each step, and most steps draw few moves of each kind. A draw that finds no move in its attempts yields an undoable move, which the
 * solver skips.
 */
abstract class RandomMoveIterator implements Iterator<ReassignMove> {
    protected final MatchingSolution solution;
    protected final Random random;
    private final int attempts;
    private Map<Home, List<PlannedChild>> living;

    RandomMoveIterator(MatchingSolution solution, Random random, int attempts) {
        this.solution = solution;
        this.random = random;
        this.attempts = attempts;
    }

    @Override
    public boolean hasNext() {
        return !solution.getPlannedChildren().isEmpty();
    }

    @Override
    public ReassignMove next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        for (int attempt = 0; attempt < attempts; attempt++) {
            ReassignMove move = attempt();
            if (move != null) {
                return move;
            }
        }
        return new ReassignMove(List.of(), List.of());
    }

    /** One try at a move; null when this try found none. */
    protected abstract ReassignMove attempt();

    /** Planned children by the home they are in now. */
    protected Map<Home, List<PlannedChild>> living() {
        if (living == null) {
            living = solution.occupancy();
        }
        return living;
    }

    protected PlannedChild anyChild() {
        List<PlannedChild> children = solution.getPlannedChildren();
        return children.get(random.nextInt(children.size()));
    }
}
