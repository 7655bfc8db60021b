package uk.rcc.matching.benchmark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import uk.rcc.exchange.Codes.Need;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeDataset.AvoidZoneRow;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;
import uk.rcc.exchange.ExchangeDataset.KeyPlaceRow;
import uk.rcc.matching.GroupRelaxation;
import uk.rcc.matching.planning.MinCostAssignment;
import uk.rcc.matching.policy.CostTerms;
import uk.rcc.matching.policy.HomeRules;
import uk.rcc.matching.policy.MatchingPolicy;
import uk.rcc.matching.policy.Points;
import uk.rcc.matching.policy.SharingRules;

/**
 * A lower bound on the soft cost of placing a given number of the planned children: a min-cost flow from children
 * to homes' remaining places, with every single-child rule and rule 4 against the children who stay, but without
 * the rules between planned children (who may live together) and with the sibling term only in part (see {@link SiblingShare}), both of which can only add cost. Successive shortest paths give the
 * cheapest cost for every number of children placed, so the bound is read at the solver's own placed count.
 * Children who may move are left out: the benchmark sets have none.
 */
public final class FlowLowerBound {
    private FlowLowerBound() {}

    /** @return element k is the least total soft cost (points) of placing k children; its length is max + 1 */
    public static double[] costByPlacedCount(ExchangeDataset dataset, MatchingPolicy policy) {
        Pairs pairs = Pairs.of(dataset, policy);
        MinCostAssignment graph = network(pairs, flowCosts(pairs, dataset, policy));
        double fixed = unavoidableSiblingCost(dataset, policy);
        List<Double> costs = new ArrayList<>(List.of(fixed));
        long total = Math.round(fixed * 100);
        while (true) {
            long pathCost = graph.placeCheapest();
            if (pathCost < 0) {
                break;
            }
            total += pathCost;
            costs.add(total / 100.0);
        }
        return costs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The flow bound's prices at {@code placed} children: a price on each home's places (indexed as
     * {@link Pairs#homeRows}) and a reward a child placed, optimal for the flow's own relaxation, read from the
     * shortest distances from the source in the residual graph of the cheapest flow placing that many. The
     * sibling-aware bound starts its ascent from them, so it starts at the flow bound, not at nothing.
     */
    static GroupRelaxation.Prices prices(Pairs pairs, ExchangeDataset dataset, MatchingPolicy policy, int placed) {
        return GroupRelaxation.flowPrices(pairs.homes, flowCosts(pairs, dataset, policy), pairs.room, placed)
                .prices();
    }

    /** Each valid pair's cost in the flow, in hundredths: the policy's cost and the sibling share it may carry. */
    private static long[][] flowCosts(Pairs pairs, ExchangeDataset dataset, MatchingPolicy policy) {
        SiblingShare siblings = new SiblingShare(dataset, pairs.planned, policy);
        long[][] costs = new long[pairs.planned.size()][];
        for (int i = 0; i < costs.length; i++) {
            costs[i] = new long[pairs.homes[i].length];
            for (int k = 0; k < costs[i].length; k++) {
                String home = pairs.homeRows.get(pairs.homes[i][k]).homeId();
                costs[i][k] = pairs.costs[i][k] + Points.hundredths(siblings.share(pairs.planned.get(i), home));
            }
        }
        return costs;
    }

    private static MinCostAssignment network(Pairs pairs, long[][] costs) {
        MinCostAssignment graph = new MinCostAssignment(pairs.planned.size(), pairs.room);
        for (int i = 0; i < costs.length; i++) {
            graph.child(i, 0);
            for (int k = 0; k < costs[i].length; k++) {
                graph.candidate(i, pairs.homes[i][k], costs[i][k]);
            }
        }
        return graph;
    }

    /**
     * The planned children, the homes with room left once the children who stay are counted, and each child's
     * valid homes (every single-child rule) with the policy's cost in hundredths, sibling term aside: what both
     * bounds relax the same way.
     */
    static final class Pairs {
        final List<ChildRow> planned = new ArrayList<>();
        final List<HomeRow> homeRows;
        final int[] room;
        /** homes[i]: indices into {@code homeRows} of child i's valid homes, ascending; costs[i] the same order. */
        final int[][] homes;

        final long[][] costs;

        private Pairs(ExchangeDataset dataset, MatchingPolicy policy) {
            Map<String, Integer> remaining = new HashMap<>();
            dataset.homes().forEach(h -> remaining.put(h.homeId(), h.places()));
            Map<String, List<ChildRow>> residents = new HashMap<>();
            for (ChildRow child : dataset.children()) {
                if (child.currentHomeId() != null) {
                    remaining.merge(child.currentHomeId(), -1, Integer::sum);
                    residents
                            .computeIfAbsent(child.currentHomeId(), h -> new ArrayList<>())
                            .add(child);
                } else {
                    planned.add(child);
                }
            }
            homeRows = dataset.homes().stream()
                    .filter(h -> remaining.get(h.homeId()) > 0)
                    .toList();
            room = homeRows.stream()
                    .mapToInt(home -> remaining.get(home.homeId()))
                    .toArray();
            Map<String, List<AvoidZoneRow>> zones =
                    dataset.avoidZones().stream().collect(Collectors.groupingBy(AvoidZoneRow::childId));
            Map<String, List<KeyPlaceRow>> keyPlaces =
                    dataset.keyPlaces().stream().collect(Collectors.groupingBy(KeyPlaceRow::childId));
            homes = new int[planned.size()][];
            costs = new long[planned.size()][];
            for (int i = 0; i < planned.size(); i++) {
                ChildRow child = planned.get(i);
                int age = HomeRules.ageYears(child, dataset.asOf());
                List<AvoidZoneRow> avoid = zones.getOrDefault(child.childId(), List.of());
                List<KeyPlaceRow> places = keyPlaces.getOrDefault(child.childId(), List.of());
                List<Integer> valid = new ArrayList<>();
                List<Long> cost = new ArrayList<>();
                for (int j = 0; j < homeRows.size(); j++) {
                    HomeRow home = homeRows.get(j);
                    if (HomeRules.firstBreach(child, age, avoid, home) == null
                            && mayJoin(child, age, residents.getOrDefault(home.homeId(), List.of()), dataset)) {
                        valid.add(j);
                        cost.add(CostTerms.totalHundredths(child, home, places, policy));
                    }
                }
                homes[i] = valid.stream().mapToInt(Integer::intValue).toArray();
                costs[i] = cost.stream().mapToLong(Long::longValue).toArray();
            }
        }

        /** Rule 4 against the children who stay in the home: they are fixed, so this is a single-child rule here. */
        private static boolean mayJoin(ChildRow child, int age, List<ChildRow> residents, ExchangeDataset dataset) {
            for (ChildRow resident : residents) {
                int residentAge = HomeRules.ageYears(resident, dataset.asOf());
                if (SharingRules.forbids(child.alongside(), child.needs().contains(Need.HSB), age, residentAge)
                        || SharingRules.forbids(
                                resident.alongside(), resident.needs().contains(Need.HSB), residentAge, age)) {
                    return false;
                }
            }
            return true;
        }

        static Pairs of(ExchangeDataset dataset, MatchingPolicy policy) {
            return new Pairs(dataset, policy);
        }
    }

    /**
     * The part of the sibling term that can be charged to one child. When a group's staying members already live
     * in some homes, placing any of its k planned members anywhere else adds at least one home (the policy's
     * points) however many of them go there, so each such member may be charged 1/k of it without overstating
     * the cost. Groups with no staying member are charged nothing here: all their members could live together.
     */
    static final class SiblingShare {
        private final Map<String, java.util.Set<String>> stayingHomes = new HashMap<>();
        private final Map<String, Integer> plannedMembers = new HashMap<>();
        private final double extraHome;

        SiblingShare(ExchangeDataset dataset, List<ChildRow> planned, MatchingPolicy policy) {
            this.extraHome = policy.siblingGroupSplit();
            for (ChildRow child : dataset.children()) {
                if (child.siblingGroup() != null && child.currentHomeId() != null && !child.mayMove()) {
                    stayingHomes
                            .computeIfAbsent(child.siblingGroup(), g -> new java.util.HashSet<>())
                            .add(child.currentHomeId());
                }
            }
            planned.stream()
                    .filter(child -> child.siblingGroup() != null)
                    .forEach(child -> plannedMembers.merge(child.siblingGroup(), 1, Integer::sum));
        }

        double share(ChildRow child, String homeId) {
            java.util.Set<String> homes = child.siblingGroup() == null ? null : stayingHomes.get(child.siblingGroup());
            if (homes == null || homes.contains(homeId)) {
                return 0;
            }
            return extraHome / plannedMembers.get(child.siblingGroup());
        }
    }

    /** Sibling groups whose staying members already live in several homes pay for that whatever is proposed. */
    static double unavoidableSiblingCost(ExchangeDataset dataset, MatchingPolicy policy) {
        Map<String, java.util.Set<String>> homesOfGroup = new HashMap<>();
        for (ChildRow child : dataset.children()) {
            if (child.siblingGroup() != null && child.currentHomeId() != null && !child.mayMove()) {
                homesOfGroup
                        .computeIfAbsent(child.siblingGroup(), g -> new java.util.HashSet<>())
                        .add(child.currentHomeId());
            }
        }
        return policy.siblingGroupSplit()
                * homesOfGroup.values().stream().mapToInt(h -> h.size() - 1).sum();
    }
}
