package uk.rcc.matching.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.rcc.exchange.Codes.Alongside;
import uk.rcc.exchange.Codes.Need;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.matching.GroupRelaxation;
import uk.rcc.matching.policy.HomeRules;
import uk.rcc.matching.policy.MatchingPolicy;
import uk.rcc.matching.policy.SharingRules;

/**
 * A lower bound on the least soft cost of placing exactly {@code placed} of the planned children that counts the
 * sibling term in full, where the flow bound ({@link FlowLowerBound}) counts it only in part: the value of the
 * relaxation by sibling group ({@link GroupRelaxation}, the same one the solver's priced first answer uses), built
 * here from the data set and the policy alone over every valid home. Any prices not below zero and any reward give
 * a valid bound (weak duality); the ascent starts from the flow bound's own prices. Left out, so only ever making
 * the bound lower: the rules between children of different groups.
 */
public final class GroupLagrangianBound {
    private GroupLagrangianBound() {}

    /** The best bound found, how the ascent went, and its prices (indexed as the flow's homes). */
    public record Result(
            double bound, int iterations, double seconds, int unitsWithSiblings, double[] prices, double reward) {}

    /**
     * @param upperBound the soft cost of a known solution at that count (the solver's): it sizes the ascent's steps
     *     and stops it when the bound meets it
     */
    public static Result atPlacedCount(
            ExchangeDataset dataset, MatchingPolicy policy, int placed, double upperBound, Duration limit) {
        long start = System.nanoTime();
        FlowLowerBound.Pairs pairs = FlowLowerBound.Pairs.of(dataset, policy);
        GroupRelaxation.Problem problem = problem(dataset, pairs, policy);
        GroupRelaxation.Ascent ascent = GroupRelaxation.ascend(
                problem,
                placed,
                FlowLowerBound.prices(pairs, dataset, policy, placed),
                new GroupRelaxation.Settings(upperBound, start + limit.toNanos()));
        long withSiblings = problem.units().stream()
                .filter(u -> u.members().length > 1 || u.hasStaying())
                .count();
        return new Result(
                ascent.value(),
                ascent.iterations(),
                (System.nanoTime() - start) / 1e9,
                (int) withSiblings,
                ascent.best().price(),
                ascent.best().reward());
    }

    /**
     * The relaxed problem's own choice at these prices, child id to home id: each group's or child's cheapest
     * split, ignoring the places and the rules between groups (which is why it may overfill homes or break rule 4).
     */
    public static Map<String, String> relaxedChoice(
            ExchangeDataset dataset, MatchingPolicy policy, double[] price, double reward) {
        FlowLowerBound.Pairs pairs = FlowLowerBound.Pairs.of(dataset, policy);
        int[] home = GroupRelaxation.relaxedHomes(
                problem(dataset, pairs, policy), new GroupRelaxation.Prices(price, reward));
        Map<String, String> chosen = new HashMap<>();
        for (int i = 0; i < home.length; i++) {
            if (home[i] >= 0) {
                chosen.put(
                        pairs.planned.get(i).childId(),
                        pairs.homeRows.get(home[i]).homeId());
            }
        }
        return chosen;
    }

    private static GroupRelaxation.Problem problem(
            ExchangeDataset dataset, FlowLowerBound.Pairs pairs, MatchingPolicy policy) {
        double[][] costs = new double[pairs.costs.length][];
        for (int i = 0; i < costs.length; i++) {
            costs[i] = new double[pairs.costs[i].length];
            for (int k = 0; k < costs[i].length; k++) {
                costs[i][k] = pairs.costs[i][k] / 100.0;
            }
        }
        return new GroupRelaxation.Problem(
                pairs.homes,
                costs,
                pairs.room,
                units(dataset, pairs, policy),
                FlowLowerBound.unavoidableSiblingCost(dataset, policy));
    }

    private static List<GroupRelaxation.Unit> units(
            ExchangeDataset dataset, FlowLowerBound.Pairs pairs, MatchingPolicy policy) {
        Map<String, Integer> homeIndex = new HashMap<>();
        for (int j = 0; j < pairs.homeRows.size(); j++) {
            homeIndex.put(pairs.homeRows.get(j).homeId(), j);
        }
        Map<String, Set<Integer>> staying = new HashMap<>();
        Set<String> groupsStaying = new HashSet<>();
        for (ChildRow child : dataset.children()) {
            if (child.siblingGroup() != null && child.currentHomeId() != null) {
                groupsStaying.add(child.siblingGroup());
                Integer j = homeIndex.get(child.currentHomeId());
                if (j != null) {
                    staying.computeIfAbsent(child.siblingGroup(), g -> new HashSet<>())
                            .add(j);
                }
            }
        }
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        List<GroupRelaxation.Unit> units = new ArrayList<>();
        for (int i = 0; i < pairs.planned.size(); i++) {
            ChildRow child = pairs.planned.get(i);
            if (child.siblingGroup() == null) {
                units.add(new GroupRelaxation.Unit(
                        new int[] {i},
                        Set.of(),
                        false,
                        new boolean[] {true, true},
                        0,
                        child.alongside() == Alongside.SOLO));
            } else {
                groups.computeIfAbsent(child.siblingGroup(), g -> new ArrayList<>())
                        .add(i);
            }
        }
        groups.forEach((group, list) -> {
            int[] members = list.stream().mapToInt(Integer::intValue).toArray();
            units.add(new GroupRelaxation.Unit(
                    members,
                    staying.getOrDefault(group, Set.of()),
                    groupsStaying.contains(group),
                    mayShare(members, pairs, dataset),
                    policy.siblingGroupSplit(),
                    members.length == 1 && pairs.planned.get(members[0]).alongside() == Alongside.SOLO));
        });
        return units;
    }

    private static boolean[] mayShare(int[] members, FlowLowerBound.Pairs pairs, ExchangeDataset dataset) {
        return GroupRelaxation.mayShare(members.length, (a, b) -> {
            ChildRow x = pairs.planned.get(members[a]);
            ChildRow y = pairs.planned.get(members[b]);
            return SharingRules.forbids(
                    x.alongside(),
                    x.needs().contains(Need.HSB),
                    HomeRules.ageYears(x, dataset.asOf()),
                    HomeRules.ageYears(y, dataset.asOf()));
        });
    }
}
