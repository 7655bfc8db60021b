package uk.rcc.matching.planning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.optaplanner.core.api.score.director.ScoreDirector;

/**
 * Re-solves one neighbourhood exactly: a child, the children living in the homes that suit it best, and their
 * homes, reassigned by a min-cost flow with everyone else held where they are. Chains of three or more children
 * giving way to each other are out of reach of two-child moves; the flow finds the cheapest such reshuffle in one
 * step. The flow sees each child's own costs and, for a sibling, whether a home joins siblings held outside the
 * neighbourhood; the rules between children inside it are left to the score, which rejects a move breaking one.
 */
public class LocalReassignmentMoveFactory extends RandomOnlyMoveFactory {
    /** Homes around the chosen child whose children join the neighbourhood. */
    private static final int NEAR_HOMES = 6;
    /** At most this many children re-solved together, which keeps one flow to a fraction of a millisecond. */
    private static final int MAX_CHILDREN = 30;
    /** Each child's cheapest homes offered to the flow, besides its current one. */
    private static final int HOMES_PER_CHILD = 12;
    /** Placing a child who must keep a home comes before anyone waiting, and placing anyone before any cost. */
    private static final long MUST_KEEP_PRIORITY = 0;

    private static final long AWAITING_PRIORITY = 1_000_000_000L;

    /** Sibling groups' planned members never change while solving, so they are found once per solution. */
    private MatchingSolution groupsFor;

    private Map<SiblingGroup, List<PlannedChild>> groups;

    @Override
    public long getSize(ScoreDirector<MatchingSolution> scoreDirector) {
        return scoreDirector.getWorkingSolution().getPlannedChildren().size();
    }

    @Override
    public Iterator<ReassignMove> createRandomMoveIterator(
            ScoreDirector<MatchingSolution> scoreDirector, Random random) {
        MatchingSolution solution = scoreDirector.getWorkingSolution();
        synchronized (this) {
            if (groupsFor != solution) {
                groups = membersByGroup(solution.getPlannedChildren());
                groupsFor = solution;
            }
        }
        return randomMoves(solution, groups, random);
    }

    static Iterator<ReassignMove> randomMoves(
            MatchingSolution solution, Map<SiblingGroup, List<PlannedChild>> groups, Random random) {
        return new RandomMoveIterator(solution, random, 1) {
            @Override
            protected ReassignMove attempt() {
                return reassign(living(), groups, neighbourhood(anyChild()));
            }

            private List<PlannedChild> neighbourhood(PlannedChild seed) {
                Set<PlannedChild> chosen = new LinkedHashSet<>();
                chosen.add(seed);
                List<Home> homes = seed.getCandidateHomes();
                for (int i = 0; i < homes.size() && i < NEAR_HOMES && chosen.size() < MAX_CHILDREN; i++) {
                    for (PlannedChild other : living().getOrDefault(homes.get(i), List.of())) {
                        if (chosen.size() < MAX_CHILDREN) {
                            chosen.add(other);
                        }
                    }
                }
                return new ArrayList<>(chosen);
            }
        };
    }

    /** Planned members of each sibling group (groups are compared by identity: hashing a record's set is slow). */
    static Map<SiblingGroup, List<PlannedChild>> membersByGroup(List<PlannedChild> children) {
        Map<SiblingGroup, List<PlannedChild>> groups = new IdentityHashMap<>();
        children.stream()
                .filter(child -> child.siblingGroup() != null)
                .forEach(child -> groups.computeIfAbsent(child.siblingGroup(), g -> new ArrayList<>())
                        .add(child));
        return groups;
    }

    /** The cheapest way, by the flow's costs, to rehouse {@code moving} in the places they and free homes leave. */
    static ReassignMove reassign(
            Map<Home, List<PlannedChild>> living,
            Map<SiblingGroup, List<PlannedChild>> groups,
            List<PlannedChild> moving) {
        Set<PlannedChild> inNeighbourhood = new HashSet<>(moving);
        Map<Home, Integer> index = new HashMap<>();
        List<Home> homes = new ArrayList<>();
        List<List<Home>> offered = new ArrayList<>();
        for (PlannedChild child : moving) {
            List<Home> options = new ArrayList<>();
            List<Home> candidates = child.getCandidateHomes();
            for (int i = 0; i < candidates.size() && options.size() < HOMES_PER_CHILD; i++) {
                options.add(candidates.get(i));
            }
            if (child.getHome() != null && !options.contains(child.getHome())) {
                options.add(child.getHome()); // the assignment as it is stays possible, so nobody loses a home
            }
            options.removeIf(home -> !livesWithHeld(child, home, living, inNeighbourhood));
            options.forEach(home -> index.computeIfAbsent(home, h -> {
                homes.add(h);
                return homes.size() - 1;
            }));
            offered.add(options);
        }
        int[] room = new int[homes.size()];
        for (int h = 0; h < homes.size(); h++) {
            Home home = homes.get(h);
            long held = living.getOrDefault(home, List.of()).stream()
                    .filter(c -> !inNeighbourhood.contains(c))
                    .count();
            room[h] = (int) Math.max(0, home.places() - home.stayingCount() - held);
        }
        MinCostAssignment flow = new MinCostAssignment(moving.size(), room);
        for (int i = 0; i < moving.size(); i++) {
            PlannedChild child = moving.get(i);
            flow.child(i, child.awaiting() ? AWAITING_PRIORITY : MUST_KEEP_PRIORITY);
            for (Home home : offered.get(i)) {
                flow.candidate(
                        i,
                        index.get(home),
                        child.costIn(home).totalHundredths() + siblingCost(child, home, groups, inNeighbourhood));
            }
        }
        while (flow.placeCheapest() >= 0) {
            // augment until no child can be placed: the most children placed, at the least cost among those ways
        }
        List<Home> targets = new ArrayList<>();
        for (int i = 0; i < moving.size(); i++) {
            int h = flow.homeOf(i);
            targets.add(h < 0 ? null : homes.get(h));
        }
        return new ReassignMove(moving, targets);
    }

    /** False when a child held outside the neighbourhood lives in the home and a sharing rule keeps them apart. */
    private static boolean livesWithHeld(
            PlannedChild child, Home home, Map<Home, List<PlannedChild>> living, Set<PlannedChild> inNeighbourhood) {
        for (PlannedChild other : living.getOrDefault(home, List.of())) {
            if (!inNeighbourhood.contains(other)
                    && (Occupant.alongsideConflict(child, other) || Occupant.hsbConflict(child, other))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The sibling cost a single child can know: nothing where a sibling held outside the neighbourhood (or one who
     * stays) lives; one more home for the group where it would live apart from all of them.
     */
    private static long siblingCost(
            PlannedChild child,
            Home home,
            Map<SiblingGroup, List<PlannedChild>> groups,
            Set<PlannedChild> inNeighbourhood) {
        SiblingGroup group = child.siblingGroup();
        if (group == null || group.stayingHomes().contains(home)) {
            return 0;
        }
        boolean heldElsewhere = !group.stayingHomes().isEmpty();
        for (PlannedChild other : groups.getOrDefault(group, List.of())) {
            if (other.getHome() != null && !inNeighbourhood.contains(other)) {
                if (other.getHome() == home) {
                    return 0;
                }
                heldElsewhere = true;
            }
        }
        return heldElsewhere ? group.extraHomeHundredths() : 0;
    }
}
