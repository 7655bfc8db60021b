package uk.rcc.matching.planning;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.optaplanner.core.api.score.director.ScoreDirector;

/**
 * Moves a child towards the homes that suit it best: a home drawn from its candidates with a strong lean to the
 * cheapest (candidate lists are sorted cheapest first). When that home has room the child simply moves in; when it
 * is full, a child living there swaps into the home the first child leaves (or, when the first child is waiting and
 * so is the one living there, waits in its place: places are scarce, and who gets one is part of the answer) or, in
 * the same step, moves on to one of its own cheaper homes with room. Uniform change and swap moves mostly try far,
 * dear homes, and no single change can enter a full home (capacity is never traded for soft cost), so these moves
 * find most of the improvements.
 */
public class CheapHomeMoveFactory extends RandomOnlyMoveFactory {
    private static final int ATTEMPTS = 20;
    /** Draws index ⌊n·u³⌋: half of all draws fall in the cheapest eighth of a child's homes. */
    private static final double LEAN = 3.0;

    @Override
    public long getSize(ScoreDirector<MatchingSolution> scoreDirector) {
        return scoreDirector.getWorkingSolution().getPlannedChildren().stream()
                .mapToLong(child -> child.getCandidateHomes().size())
                .sum();
    }

    @Override
    public Iterator<ReassignMove> createRandomMoveIterator(
            ScoreDirector<MatchingSolution> scoreDirector, Random random) {
        return randomMoves(scoreDirector.getWorkingSolution(), random);
    }

    /** Endless random moves over the solution as it is now; a draw that finds none yields an undoable move. */
    static Iterator<ReassignMove> randomMoves(MatchingSolution solution, Random random) {
        return new RandomMoveIterator(solution, random, ATTEMPTS) {
            @Override
            protected ReassignMove attempt() {
                PlannedChild child = anyChild();
                Home target = cheapish(child.getCandidateHomes());
                Home from = child.getHome();
                if (target == null || target == from) {
                    return null;
                }
                if (room(target) > 0) {
                    return new ReassignMove(List.of(child), List.of(target));
                }
                List<PlannedChild> there = living().getOrDefault(target, List.of());
                if (there.isEmpty()) {
                    return null;
                }
                PlannedChild other = there.get(random.nextInt(there.size()));
                if (from == null && other.awaiting() && random.nextBoolean()) {
                    // who gets the place: the waiting child takes it and the one living there waits instead
                    return new ReassignMove(List.of(child, other), Arrays.asList(target, null));
                }
                if (from != null
                        && random.nextBoolean()
                        && other.getCandidateHomes().contains(from)) {
                    return new ReassignMove(List.of(child, other), List.of(target, from));
                }
                Home onward = cheapish(other.getCandidateHomes());
                if (onward != null && onward != target && onward != from && room(onward) > 0) {
                    return new ReassignMove(List.of(child, other), List.of(target, onward));
                }
                return null;
            }

            private Home cheapish(List<Home> homes) {
                return homes.isEmpty() ? null : homes.get((int) (homes.size() * Math.pow(random.nextDouble(), LEAN)));
            }

            private int room(Home home) {
                return home.places()
                        - home.stayingCount()
                        - living().getOrDefault(home, List.of()).size();
            }
        };
    }
}
