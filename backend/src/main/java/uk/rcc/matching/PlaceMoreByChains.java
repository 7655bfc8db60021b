package uk.rcc.matching;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.rcc.matching.planning.Home;
import uk.rcc.matching.planning.Occupant;
import uk.rcc.matching.planning.PlannedChild;
import uk.rcc.matching.planning.StayingChild;

/**
 * Places more waiting children by chains of moves: the waiting child takes a place another planned child gives
 * up, who moves to another of their candidate homes, and so on until a chain ends in a free place (augmenting
 * paths, as in bipartite matching, with the sharing rules checked at every link). Searches in a round share the
 * homes they have looked at, so each round costs about one look at every candidate; rounds repeat while any
 * chain is found. It only ever adds placed children; cost is left to the local search.
 */
final class PlaceMoreByChains {
    private final List<PlannedChild> planned;
    private final Map<Home, List<Occupant>> living = new HashMap<>();

    private PlaceMoreByChains(List<StayingChild> staying, List<PlannedChild> planned) {
        this.planned = planned;
        staying.forEach(child ->
                living.computeIfAbsent(child.home(), h -> new ArrayList<>()).add(child));
        planned.stream()
                .filter(child -> child.getHome() != null)
                .forEach(child -> living.computeIfAbsent(child.getHome(), h -> new ArrayList<>())
                        .add(child));
    }

    /** @return how many more children were placed */
    static int apply(List<StayingChild> staying, List<PlannedChild> planned, long deadline) {
        return new PlaceMoreByChains(staying, planned).rounds(deadline);
    }

    private int rounds(long deadline) {
        int added = 0;
        boolean found = true;
        while (found && System.nanoTime() < deadline) {
            found = false;
            Set<Home> looked = new HashSet<>();
            for (PlannedChild child : planned) {
                if (child.getHome() == null
                        && child.awaiting()
                        && System.nanoTime() < deadline
                        && chainFrom(child, looked)) {
                    added++;
                    found = true;
                }
            }
        }
        return added;
    }

    /** A link of a chain: {@code mover} takes {@code home}, where the child displaced by it lived. */
    private record Link(PlannedChild mover, Home home) {}

    private boolean chainFrom(PlannedChild start, Set<Home> looked) {
        Map<PlannedChild, Link> displacedBy = new HashMap<>();
        Deque<PlannedChild> queue = new ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            PlannedChild child = queue.poll();
            for (Home home : child.getCandidateHomes()) {
                if (home.equals(child.getHome()) || !looked.add(home)) {
                    continue;
                }
                List<Occupant> there = living.getOrDefault(home, List.of());
                if (there.size() < home.places() && mayJoin(child, there, null)) {
                    move(child, home, displacedBy);
                    return true;
                }
                for (Occupant occupant : there) {
                    if (occupant instanceof PlannedChild other
                            && !displacedBy.containsKey(other)
                            && other != start
                            && mayJoin(child, there, other)) {
                        displacedBy.put(other, new Link(child, home));
                        queue.add(other);
                    }
                }
            }
        }
        return false;
    }

    /** Moves the last child of the chain into the free place, then each earlier child into the place freed. */
    private void move(PlannedChild last, Home free, Map<PlannedChild, Link> displacedBy) {
        PlannedChild child = last;
        Home target = free;
        while (true) {
            relocate(child, target);
            Link link = displacedBy.get(child);
            if (link == null) {
                return;
            }
            child = link.mover();
            target = link.home();
        }
    }

    private void relocate(PlannedChild child, Home target) {
        if (child.getHome() != null) {
            living.get(child.getHome()).remove(child);
        }
        child.setHome(target);
        living.computeIfAbsent(target, h -> new ArrayList<>()).add(child);
    }

    private static boolean mayJoin(PlannedChild child, List<Occupant> there, Occupant leaving) {
        for (Occupant other : there) {
            if (other != leaving
                    && other != child
                    && (Occupant.alongsideConflict(child, other) || Occupant.hsbConflict(child, other))) {
                return false;
            }
        }
        return true;
    }
}
