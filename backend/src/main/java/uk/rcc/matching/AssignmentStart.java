package uk.rcc.matching;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.rcc.matching.planning.Home;
import uk.rcc.matching.planning.MatchingSolution;
import uk.rcc.matching.planning.MinCostAssignment;
import uk.rcc.matching.planning.Occupant;
import uk.rcc.matching.planning.PlannedChild;
import uk.rcc.matching.planning.SiblingGroup;
import uk.rcc.matching.planning.StayingChild;

/**
 * The solver's first answer, in a few rounds of a min-cost assignment ({@link MinCostAssignment}): each round
 * places as many children as the places allow at the least cost of the terms that belong to one child, then
 * removes children the rules between children forbid where they were put. The next round forbids those pairs of
 * child and home and pulls split sibling groups towards one home (the home most of the group already got), so the
 * two parts of the policy that no assignment sees (sharing rules, the sibling term) are corrected between rounds.
 * Greedy placing and chains of moves ({@link PlaceMoreByChains}) then place whom the round could not. The best
 * round by the policy (most placed, then least cost) is kept.
 */
final class AssignmentStart {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AssignmentStart.class);
    /** Added to every awaiting child's cost, so children allowed to move keep a home before anyone is placed. */
    private static final long AWAITING_PRIORITY = 1_000_000_000L;

    private static final int MAX_ROUNDS = 10;
    /** What the first answer charges a child who must live alone for each other place of its home left empty. */
    private static final long SOLO_WASTED_PLACE = 5_000;
    /** About this many child–home pairs in the assignment keeps each round to about a second here. */
    private static final int PAIR_BUDGET = 400_000;

    private final MatchingSolution solution;
    private final Duration budget;
    private final List<PlannedChild> order;
    private final List<Home> homes;
    private final Map<Home, Integer> homeIndex = new HashMap<>();
    private final Map<PlannedChild, Integer> childIndex = new HashMap<>();
    private final Map<SiblingGroup, Integer> plannedMembers = new HashMap<>();
    private final Set<Long> forbidden = new HashSet<>();
    private final Map<SiblingGroup, Home> gatheringHome = new HashMap<>();
    /** Children kept where a sharing rule turned others away, and held there in later rounds. */
    private final Map<PlannedChild, Home> pinned = new HashMap<>();

    private final Map<Home, List<PlannedChild>> pinnedIn = new HashMap<>();
    private boolean flowFinished;
    /** How long the latest round took, flow and repairs: a second repair starts only with that much time left. */
    private long lastRoundNanos;

    private Repair repair = Repair.HOLD_KEPT_CHILD;

    AssignmentStart(MatchingSolution solution, Duration budget) {
        this.solution = solution;
        this.budget = budget;
        this.homes = solution.getHomes();
        for (int i = 0; i < homes.size(); i++) {
            homeIndex.put(homes.get(i), i);
        }
        this.order = solution.getPlannedChildren().stream()
                .sorted(Comparator.comparing(PlannedChild::awaiting)
                        .thenComparingInt(child -> child.getCandidateHomes().size()))
                .toList();
        for (int i = 0; i < order.size(); i++) {
            childIndex.put(order.get(i), i);
        }
        order.stream()
                .filter(child -> child.siblingGroup() != null)
                .forEach(child -> plannedMembers.merge(child.siblingGroup(), 1, Integer::sum));
    }

    /**
     * How the rounds settle a sharing rule broken in a home. Which child should give way is not known in advance
     * (a child who must live alone may hold a three-place home, or be better left waiting so three others are
     * placed), so both are tried and the better first answer kept.
     */
    enum Repair {
        /** The child kept holds the home in later rounds, and everyone its rules forbid is kept away. */
        HOLD_KEPT_CHILD,
        /** The child whose own rule forbids the sharing is kept away from that home in later rounds. */
        TURN_AWAY_RULE_HOLDER
    }

    void apply() {
        long deadline = System.nanoTime() + budget.toNanos();
        long[] bestValue = null;
        Home[] best = null;
        // The first repair may take the whole budget (on large co-operatives its flow needs all of it); the second
        // runs in the time the first leaves, when its flow was not cut short and a round still fits.
        for (Repair repair : Repair.values()) {
            long[] value = rounds(repair, deadline);
            if (bestValue == null || better(value, bestValue)) {
                bestValue = value;
                best = snapshot();
            }
            if (!flowFinished || System.nanoTime() + lastRoundNanos >= deadline) {
                break;
            }
        }
        for (int i = 0; i < order.size(); i++) {
            order.get(i).setHome(best[i]);
        }
    }

    /** Rounds under one way of repairing; leaves the best round's homes set and returns its value. */
    private long[] rounds(Repair repair, long deadline) {
        this.repair = repair;
        forbidden.clear();
        pinned.clear();
        pinnedIn.clear();
        gatheringHome.clear();
        Home[] best = null;
        long[] bestValue = null;
        for (int round = 0; round == 0 || round < MAX_ROUNDS && System.nanoTime() < deadline; round++) {
            long now = System.nanoTime();
            int assigned = assign(now + (deadline - now) * 3 / 5);
            long flowEnded = System.nanoTime();
            boolean conflicts = removeSharingConflicts();
            MatchingProblem.warmStart(solution.getStayingChildren(), order);
            // Placing more children outranks any cost, so chains may run past the budget by as much again.
            int chained = PlaceMoreByChains.apply(solution.getStayingChildren(), order, deadline + budget.toNanos());
            long[] value = value();
            LOG.info(
                    "assignment round {} ({}): {} placed by the flow{} in {} ms, {} after repairs and chains "
                            + "(+{} by chains) in {} ms, soft {}",
                    round + 1,
                    repair,
                    assigned,
                    flowFinished ? "" : " (cut short)",
                    (flowEnded - now) / 1_000_000,
                    value[0],
                    chained,
                    (System.nanoTime() - flowEnded) / 1_000_000,
                    -value[1] / 100.0);
            lastRoundNanos = System.nanoTime() - now;
            if (bestValue == null || better(value, bestValue)) {
                bestValue = value;
                best = snapshot();
            }
            boolean moved = gatherSplitGroups();
            // A flow cut short by the deadline would only be cut shorter in the next round: on national-scale
            // problems the first round is the cheapest, and chains and the search place the rest.
            if (!conflicts && !moved || !flowFinished) {
                break;
            }
        }
        for (int i = 0; i < order.size(); i++) {
            order.get(i).setHome(best[i]);
        }
        return bestValue;
    }

    /** @return how many children the flow placed before its deadline */
    private int assign(long deadline) {
        int[] room = new int[homes.size()];
        for (int h = 0; h < homes.size(); h++) {
            room[h] = Math.max(0, homes.get(h).places() - homes.get(h).stayingCount());
        }
        MinCostAssignment assignment = new MinCostAssignment(order.size(), room);
        int perChild = Math.max(20, PAIR_BUDGET / Math.max(1, order.size()));
        for (int i = 0; i < order.size(); i++) {
            PlannedChild child = order.get(i);
            assignment.child(i, child.awaiting() ? AWAITING_PRIORITY : 0);
            int index = i;
            Home pin = pinned.get(child);
            (pin == null ? child.getCandidateHomes().stream() : java.util.stream.Stream.of(pin))
                    .filter(home -> !forbidden.contains(key(index, homeIndex.get(home))))
                    .filter(home -> pinnedIn.getOrDefault(home, List.of()).stream()
                            .allMatch(other -> other == child
                                    || !Occupant.alongsideConflict(child, other)
                                            && !Occupant.hsbConflict(child, other)))
                    .map(home -> Map.entry(
                            home,
                            child.costIn(home).totalHundredths() + siblingCost(child, home) + soloWaste(child, home)))
                    .sorted(Map.Entry.comparingByValue())
                    .limit(perChild)
                    .forEach(e -> assignment.candidate(index, homeIndex.get(e.getKey()), e.getValue()));
        }
        flowFinished = false;
        while (System.nanoTime() < deadline) {
            // one more child each step; on very large co-operatives the deadline stops it and chains finish
            if (assignment.placeCheapest() < 0) {
                flowFinished = true;
                break;
            }
        }
        int placed = 0;
        for (int i = 0; i < order.size(); i++) {
            int h = assignment.homeOf(i);
            order.get(i).setHome(h < 0 ? null : homes.get(h));
            placed += h < 0 ? 0 : 1;
        }
        return placed;
    }

    /**
     * What a child adds to its group's homes, as far as one child can know: away from the homes its staying
     * siblings live in, the group gains a home whatever the others do (1/k of the cost each); away from the home
     * chosen to gather a split group, the full cost of one more home.
     */
    private long siblingCost(PlannedChild child, Home home) {
        SiblingGroup group = child.siblingGroup();
        if (group == null || group.stayingHomes().contains(home)) {
            return 0;
        }
        Home gather = gatheringHome.get(group);
        if (gather != null) {
            return gather.equals(home) ? 0 : group.extraHomeHundredths();
        }
        return group.stayingHomes().isEmpty() ? 0 : group.extraHomeHundredths() / plannedMembers.get(group);
    }

    /**
     * A child who must live alone leaves a home's other places empty, which no assignment sees; charging for
     * each place it would waste sends such children to the smallest homes that suit them.
     */
    private static long soloWaste(PlannedChild child, Home home) {
        return child.alongside() == uk.rcc.exchange.Codes.Alongside.SOLO
                ? Math.max(0, home.places() - home.stayingCount() - 1) * SOLO_WASTED_PLACE
                : 0;
    }

    /** Keeps, home by home and in order, only children who may live with everyone already there. */
    private boolean removeSharingConflicts() {
        Map<Home, List<Occupant>> living = new HashMap<>();
        for (StayingChild child : solution.getStayingChildren()) {
            living.computeIfAbsent(child.home(), h -> new ArrayList<>()).add(child);
        }
        boolean removed = false;
        for (int i = 0; i < order.size(); i++) {
            PlannedChild child = order.get(i);
            if (child.getHome() == null) {
                continue;
            }
            List<Occupant> there = living.computeIfAbsent(child.getHome(), h -> new ArrayList<>());
            List<Occupant> conflicting = there.stream()
                    .filter(other -> Occupant.alongsideConflict(child, other) || Occupant.hsbConflict(child, other))
                    .toList();
            if (!conflicting.isEmpty()) {
                forbidden.add(key(i, homeIndex.get(child.getHome())));
                for (Occupant kept : conflicting) {
                    if (kept instanceof PlannedChild other) {
                        settle(child, other);
                    }
                }
                child.setHome(null);
                removed = true;
            } else {
                there.add(child);
            }
        }
        return removed;
    }

    /**
     * Forbidding only the child turned away lets the next round send another child the same rule forbids (a
     * SOLO child's home would be refilled round after round), so the repair also decides for later rounds.
     */
    private void settle(PlannedChild turnedAway, PlannedChild kept) {
        Home home = kept.getHome();
        if (repair == Repair.HOLD_KEPT_CHILD) {
            if (!pinned.containsKey(kept)) {
                pinned.put(kept, home);
                pinnedIn.computeIfAbsent(home, h -> new ArrayList<>()).add(kept);
            }
        } else if (kept.alongsideForbids(turnedAway) || kept.hsbForbids(turnedAway)) {
            forbidden.add(key(childIndex.get(kept), homeIndex.get(home)));
        }
    }

    /** Chooses, for each group still split, the home most of its members live in; true when one was chosen. */
    private boolean gatherSplitGroups() {
        Map<SiblingGroup, Map<Home, Integer>> counts = new HashMap<>();
        for (PlannedChild child : order) {
            if (child.siblingGroup() != null && child.getHome() != null) {
                counts.computeIfAbsent(child.siblingGroup(), g -> new HashMap<>())
                        .merge(child.getHome(), 1, Integer::sum);
            }
        }
        boolean chosen = false;
        for (Map.Entry<SiblingGroup, Map<Home, Integer>> group : counts.entrySet()) {
            Set<Home> all = new HashSet<>(group.getKey().stayingHomes());
            all.addAll(group.getValue().keySet());
            if (all.size() > 1 && !gatheringHome.containsKey(group.getKey())) {
                gatheringHome.put(
                        group.getKey(),
                        group.getValue().entrySet().stream()
                                .max(Map.Entry.comparingByValue())
                                .orElseThrow()
                                .getKey());
                chosen = true;
            }
        }
        return chosen;
    }

    private long[] value() {
        return value(order);
    }

    /** {children placed, minus the soft cost in hundredths}: larger is better in both. */
    static long[] value(List<PlannedChild> order) {
        long placed = 0;
        long soft = 0;
        Map<SiblingGroup, Set<Home>> groupHomes = new HashMap<>();
        for (PlannedChild child : order) {
            Set<Home> together = child.siblingGroup() == null
                    ? null
                    : groupHomes.computeIfAbsent(child.siblingGroup(), g -> new HashSet<>(g.stayingHomes()));
            if (child.getHome() != null) {
                placed += child.awaiting() ? 1 : 0;
                soft += child.costIn(child.getHome()).totalHundredths();
                if (together != null) {
                    together.add(child.getHome());
                }
            }
        }
        for (Map.Entry<SiblingGroup, Set<Home>> group : groupHomes.entrySet()) {
            soft += Math.max(0, group.getValue().size() - 1) * group.getKey().extraHomeHundredths();
        }
        return new long[] {placed, -soft};
    }

    static boolean better(long[] a, long[] b) {
        return a[0] != b[0] ? a[0] > b[0] : a[1] > b[1];
    }

    private Home[] snapshot() {
        Home[] homesNow = new Home[order.size()];
        for (int i = 0; i < order.size(); i++) {
            homesNow[i] = order.get(i).getHome();
        }
        return homesNow;
    }

    private long key(int child, int home) {
        return (long) child * homes.size() + home;
    }
}
