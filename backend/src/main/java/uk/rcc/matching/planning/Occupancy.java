package uk.rcc.matching.planning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who lives where in one working solution, kept up to date from step to step. Rebuilding the map for every step
 * took over half of the search's time at 10,000 planned children; between two steps only the children of the
 * step's move change home, so {@link #refresh()} compares each child's home with the one it saw last time (a
 * reference comparison per child) and moves only those children.
 */
final class Occupancy {
    private final List<PlannedChild> children;
    private final Home[] seen;
    private final Map<Home, List<PlannedChild>> living = new IdentityHashMap<>();
    private final Map<Home, List<PlannedChild>> view = Collections.unmodifiableMap(living);

    Occupancy(List<PlannedChild> children) {
        this.children = children;
        this.seen = new Home[children.size()];
    }

    /** Planned children by the home they are in now, the unplaced left out; read-only, and valid until they move. */
    Map<Home, List<PlannedChild>> refresh() {
        for (int i = 0; i < seen.length; i++) {
            PlannedChild child = children.get(i);
            Home now = child.getHome();
            if (now != seen[i]) {
                if (seen[i] != null) {
                    leave(seen[i], child);
                }
                if (now != null) {
                    living.computeIfAbsent(now, home -> new ArrayList<>(2)).add(child);
                }
                seen[i] = now;
            }
        }
        return view;
    }

    private void leave(Home home, PlannedChild child) {
        List<PlannedChild> there = living.get(home);
        there.remove(child);
        if (there.isEmpty()) {
            living.remove(home);
        }
    }
}
