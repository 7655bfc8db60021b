package uk.rcc.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.rcc.exchange.Codes.Alongside;
import uk.rcc.matching.planning.Home;
import uk.rcc.matching.planning.MatchingSolution;
import uk.rcc.matching.planning.Occupant;
import uk.rcc.matching.planning.PlannedChild;
import uk.rcc.matching.planning.SiblingGroup;
import uk.rcc.matching.planning.StayingChild;

/**
 * A first answer planned by sibling group: prices on the homes' places are raised by the relaxation's ascent
 * ({@link GroupRelaxation}) until each group's or child's own best choice, at those prices, nearly fits the places,
 * and that plan is repaired: in each home the cheapest children the places and the sharing rules allow are kept,
 * the rest go greedily where there is room, and chains of moves place whom they can. Unlike the assignment rounds
 * ({@link AssignmentStart}), it sees the sibling term whole, so whole groups are planned into homes with room for
 * them from the start; on the benchmark's 1,500-child co-operative the search from it ends about 1% lower.
 */
final class PricedStart {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PricedStart.class);
    private final MatchingSolution solution;
    private final List<PlannedChild> planned;
    private final List<Home> homes;
    private final Map<Home, Integer> homeIndex = new HashMap<>();

    /**
     * Its flow's work, about candidate pairs × children placed, beyond which it is not tried: four times the
     * 1,500-child benchmark set's (304,570 pairs, 1,573 planned; its flow about 2 s of the first answer's 15). On
     * national-scale problems the flow could not finish in its share, and the assignment rounds need all the time.
     */
    private static final long MAX_FLOW_WORK = 2_000_000_000L;

    /** Whether the problem is small enough for the priced start to finish in a first answer's time. */
    static boolean worthTrying(List<PlannedChild> planned) {
        return worthTrying(
                planned.stream()
                        .mapToLong(child -> child.getCandidateHomes().size())
                        .sum(),
                planned.size());
    }

    static boolean worthTrying(long candidatePairs, int plannedChildren) {
        return candidatePairs * plannedChildren <= MAX_FLOW_WORK;
    }

    PricedStart(MatchingSolution solution) {
        this.solution = solution;
        this.planned = solution.getPlannedChildren();
        this.homes = solution.getHomes();
        for (int j = 0; j < homes.size(); j++) {
            homeIndex.put(homes.get(j), j);
        }
    }

    /**
     * Sets every planned child's home (or none) and returns true; stops the ascent at {@code deadlineNanos}. Returns
     * false, changing nothing, when its flow has not finished by {@code flowDeadlineNanos}: on national-scale
     * problems the assignment rounds need the time more.
     */
    boolean apply(long flowDeadlineNanos, long deadlineNanos) {
        long started = System.nanoTime();
        int[][] candidates = new int[planned.size()][];
        double[][] costs = new double[planned.size()][];
        long[][] flowCosts = new long[planned.size()][];
        for (int i = 0; i < planned.size(); i++) {
            PlannedChild child = planned.get(i);
            candidates[i] = child.getCandidateHomes().stream()
                    .mapToInt(homeIndex::get)
                    .sorted()
                    .toArray();
            costs[i] = new double[candidates[i].length];
            flowCosts[i] = new long[candidates[i].length];
            for (int k = 0; k < candidates[i].length; k++) {
                long hundredths = child.costIn(homes.get(candidates[i][k])).totalHundredths();
                costs[i][k] = hundredths / 100.0;
                flowCosts[i][k] = hundredths;
            }
        }
        int[] room = homes.stream()
                .mapToInt(home -> Math.max(0, home.places() - home.stayingCount()))
                .toArray();
        GroupRelaxation.Problem problem = new GroupRelaxation.Problem(candidates, costs, room, units(), 0);
        // as many as the flow (which leaves out the rules between children) can place: the search decides the rest
        GroupRelaxation.FlowPrices flow =
                GroupRelaxation.flowPrices(candidates, flowCosts, room, planned.size(), flowDeadlineNanos);
        if (flow == null) {
            LOG.info(
                    "priced start skipped: its flow had not finished in {} ms",
                    (System.nanoTime() - started) / 1_000_000);
            return false;
        }
        int placeable = flow.placed();
        long priced = System.nanoTime();
        GroupRelaxation.Ascent ascent = GroupRelaxation.ascend(
                problem, placeable, flow.prices(), new GroupRelaxation.Settings(Double.NaN, deadlineNanos));
        int[] plan = GroupRelaxation.relaxedHomes(problem, ascent.best());
        long ascended = System.nanoTime();
        int turnedAway = keepWhatFits(plan);
        LOG.info(
                "priced start: flow prices for {} placeable in {} ms, {} ascent steps in {} ms, {} turned away by "
                        + "places or sharing rules",
                placeable,
                (priced - started) / 1_000_000,
                ascent.iterations(),
                (ascended - priced) / 1_000_000,
                turnedAway);
        return true;
    }

    /** Sets the plan's homes, keeping in each home the cheapest children its room and the sharing rules allow. */
    private int keepWhatFits(int[] plan) {
        Map<Home, List<Occupant>> living = new HashMap<>();
        for (StayingChild child : solution.getStayingChildren()) {
            living.computeIfAbsent(child.home(), h -> new ArrayList<>()).add(child);
        }
        Integer[] order = new Integer[planned.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(
                order,
                Comparator.comparing((Integer i) -> planned.get(i).awaiting())
                        .thenComparingLong(i -> plan[i] < 0
                                ? 0
                                : planned.get(i).costIn(homes.get(plan[i])).totalHundredths()));
        int turnedAway = 0;
        for (int i : order) {
            PlannedChild child = planned.get(i);
            child.setHome(null);
            if (plan[i] < 0) {
                continue;
            }
            Home home = homes.get(plan[i]);
            List<Occupant> there = living.computeIfAbsent(home, h -> new ArrayList<>());
            boolean fits = there.size() < home.places()
                    && there.stream().noneMatch(other -> conflict(child, other) || conflict(other, child));
            if (fits) {
                child.setHome(home);
                there.add(child);
            } else {
                turnedAway++;
            }
        }
        return turnedAway;
    }

    private static boolean conflict(Occupant a, Occupant b) {
        return Occupant.alongsideConflict(a, b) || Occupant.hsbConflict(a, b);
    }

    private List<GroupRelaxation.Unit> units() {
        Map<SiblingGroup, List<Integer>> groups = new LinkedHashMap<>();
        List<GroupRelaxation.Unit> units = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            PlannedChild child = planned.get(i);
            if (child.siblingGroup() == null) {
                units.add(new GroupRelaxation.Unit(
                        new int[] {i}, Set.of(), false, new boolean[] {true, true}, 0, livesAlone(child)));
            } else {
                groups.computeIfAbsent(child.siblingGroup(), g -> new ArrayList<>())
                        .add(i);
            }
        }
        groups.forEach((group, list) -> {
            int[] members = list.stream().mapToInt(Integer::intValue).toArray();
            Set<Integer> stayingHomes = new HashSet<>();
            group.stayingHomes().stream()
                    .map(homeIndex::get)
                    .filter(j -> j != null)
                    .forEach(stayingHomes::add);
            units.add(new GroupRelaxation.Unit(
                    members,
                    stayingHomes,
                    !group.stayingHomes().isEmpty(),
                    mayShare(members),
                    group.extraHomeHundredths() / 100.0,
                    members.length == 1 && livesAlone(planned.get(members[0]))));
        });
        return units;
    }

    private static boolean livesAlone(PlannedChild child) {
        return child.alongside() == Alongside.SOLO;
    }

    private boolean[] mayShare(int[] members) {
        return GroupRelaxation.mayShare(
                members.length, (a, b) -> conflict(planned.get(members[a]), planned.get(members[b])));
    }
}
