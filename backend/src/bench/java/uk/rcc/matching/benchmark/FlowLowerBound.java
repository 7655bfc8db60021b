package uk.rcc.matching.benchmark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeDataset.AvoidZoneRow;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;
import uk.rcc.exchange.ExchangeDataset.KeyPlaceRow;
import uk.rcc.matching.planning.MinCostAssignment;
import uk.rcc.matching.policy.CostTerms;
import uk.rcc.matching.policy.HomeRules;
import uk.rcc.matching.policy.MatchingPolicy;
import uk.rcc.matching.policy.Points;

/**
 * A lower bound on the soft cost of placing a given number of the planned children: a min-cost flow from children
 * to homes' remaining places, with every single-child rule, but without the rules between children (who may live
 * together) and with the sibling term only in part (see {@link SiblingShare}), both of which can only add cost. Successive shortest paths give the
 * cheapest cost for every number of children placed, so the bound is read at the solver's own placed count.
 * Children who may move are left out: the benchmark sets have none.
 */
public final class FlowLowerBound {
    private FlowLowerBound() {}

    /** @return element k is the least total soft cost (points) of placing k children; its length is max + 1 */
    public static double[] costByPlacedCount(ExchangeDataset dataset, MatchingPolicy policy) {
        Map<String, Integer> remaining = new HashMap<>();
        dataset.homes().forEach(h -> remaining.put(h.homeId(), h.places()));
        List<ChildRow> planned = new ArrayList<>();
        for (ChildRow child : dataset.children()) {
            if (child.currentHomeId() != null) {
                remaining.merge(child.currentHomeId(), -1, Integer::sum);
            } else {
                planned.add(child);
            }
        }
        List<HomeRow> homes = dataset.homes().stream()
                .filter(h -> remaining.get(h.homeId()) > 0)
                .toList();
        Map<String, List<AvoidZoneRow>> zones =
                dataset.avoidZones().stream().collect(Collectors.groupingBy(AvoidZoneRow::childId));
        Map<String, List<KeyPlaceRow>> keyPlaces =
                dataset.keyPlaces().stream().collect(Collectors.groupingBy(KeyPlaceRow::childId));
        SiblingShare siblings = new SiblingShare(dataset, planned, policy);
        int[] room =
                homes.stream().mapToInt(home -> remaining.get(home.homeId())).toArray();
        MinCostAssignment graph = new MinCostAssignment(planned.size(), room);
        for (int i = 0; i < planned.size(); i++) {
            ChildRow child = planned.get(i);
            graph.child(i, 0);
            for (int j = 0; j < homes.size(); j++) {
                HomeRow home = homes.get(j);
                if (HomeRules.firstBreach(
                                child,
                                HomeRules.ageYears(child, dataset.asOf()),
                                zones.getOrDefault(child.childId(), List.of()),
                                home)
                        == null) {
                    graph.candidate(
                            i,
                            j,
                            CostTerms.totalHundredths(
                                            child, home, keyPlaces.getOrDefault(child.childId(), List.of()), policy)
                                    + Points.hundredths(siblings.share(child, home.homeId())));
                }
            }
        }
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
