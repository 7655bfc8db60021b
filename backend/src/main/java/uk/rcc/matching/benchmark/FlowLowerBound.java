package uk.rcc.matching.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.stream.Collectors;

import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeDataset.AvoidZoneRow;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;
import uk.rcc.exchange.ExchangeDataset.KeyPlaceRow;
import uk.rcc.matching.policy.Candidates;
import uk.rcc.matching.policy.MatchingPolicy;

/**
 * A lower bound on the soft cost of placing a given number of the planned children: a min-cost flow from children
 * to homes' remaining places, with every single-child rule, but without the rules between children (who may live
 * together) and with the sibling term only in part (see {@link SiblingShare}), both of which can only add cost. Successive shortest paths give the
 * cheapest cost for every number of children placed, so the bound is read at the solver's own placed count.
 * Children who may move are left out: the benchmark sets have none.
 */
public final class FlowLowerBound {
    private FlowLowerBound() {
    }

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
        List<HomeRow> homes = dataset.homes().stream().filter(h -> remaining.get(h.homeId()) > 0).toList();
        Map<String, List<AvoidZoneRow>> zones = dataset.avoidZones().stream()
                .collect(Collectors.groupingBy(AvoidZoneRow::childId));
        Map<String, List<KeyPlaceRow>> keyPlaces = dataset.keyPlaces().stream()
                .collect(Collectors.groupingBy(KeyPlaceRow::childId));
        // Nodes: 0 source, 1..C children, C+1..C+H homes, C+H+1 sink.
        SiblingShare siblings = new SiblingShare(dataset, planned, policy);
        int c = planned.size();
        int h = homes.size();
        Graph graph = new Graph(c + h + 2);
        int source = 0;
        int sink = c + h + 1;
        for (int i = 0; i < c; i++) {
            ChildRow child = planned.get(i);
            graph.add(source, 1 + i, 1, 0);
            for (int j = 0; j < h; j++) {
                HomeRow home = homes.get(j);
                if (Candidates.exclusion(child, home, zones.getOrDefault(child.childId(), List.of()),
                        dataset.asOf()) == null) {
                    double[] terms = Candidates.terms(child, home, keyPlaces.getOrDefault(child.childId(), List.of()),
                            policy);
                    double points = Arrays.stream(terms).sum() + siblings.share(child, home.homeId());
                    graph.add(1 + i, 1 + c + j, 1, Math.round(points * 100));
                }
            }
        }
        for (int j = 0; j < h; j++) {
            graph.add(1 + c + j, sink, remaining.get(homes.get(j).homeId()), 0);
        }
        double fixed = unavoidableSiblingCost(dataset, policy);
        List<Double> costs = new ArrayList<>(List.of(fixed));
        long total = Math.round(fixed * 100);
        while (true) {
            long pathCost = graph.augment(source, sink);
            if (pathCost == Long.MAX_VALUE) {
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
                    stayingHomes.computeIfAbsent(child.siblingGroup(), g -> new java.util.HashSet<>())
                            .add(child.currentHomeId());
                }
            }
            planned.stream().filter(child -> child.siblingGroup() != null)
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
                homesOfGroup.computeIfAbsent(child.siblingGroup(), g -> new java.util.HashSet<>())
                        .add(child.currentHomeId());
            }
        }
        return policy.siblingGroupSplit() * homesOfGroup.values().stream().mapToInt(h -> h.size() - 1).sum();
    }

    /** Min-cost flow by successive shortest paths with Dijkstra on reduced costs (Johnson potentials). */
    private static final class Graph {
        private final int[] head;
        private int[] to = new int[16];
        private int[] next = new int[16];
        private int[] capacity = new int[16];
        private long[] cost = new long[16];
        private int edges;
        private final long[] potential;

        Graph(int nodes) {
            head = new int[nodes];
            Arrays.fill(head, -1);
            potential = new long[nodes];
        }

        void add(int from, int target, int cap, long edgeCost) {
            edge(from, target, cap, edgeCost);
            edge(target, from, 0, -edgeCost);
        }

        private void edge(int from, int target, int cap, long edgeCost) {
            if (edges == to.length) {
                to = Arrays.copyOf(to, edges * 2);
                next = Arrays.copyOf(next, edges * 2);
                capacity = Arrays.copyOf(capacity, edges * 2);
                cost = Arrays.copyOf(cost, edges * 2);
            }
            to[edges] = target;
            capacity[edges] = cap;
            cost[edges] = edgeCost;
            next[edges] = head[from];
            head[from] = edges++;
        }

        /** Pushes one unit along the cheapest path; returns its cost, or MAX_VALUE when none is left. */
        long augment(int source, int sink) {
            int n = head.length;
            long[] distance = new long[n];
            int[] via = new int[n];
            Arrays.fill(distance, Long.MAX_VALUE);
            Arrays.fill(via, -1);
            distance[source] = 0;
            PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
            queue.add(new long[] { 0, source });
            while (!queue.isEmpty()) {
                long[] top = queue.poll();
                int node = (int) top[1];
                if (top[0] > distance[node]) {
                    continue;
                }
                for (int e = head[node]; e >= 0; e = next[e]) {
                    if (capacity[e] <= 0) {
                        continue;
                    }
                    long reduced = distance[node] + cost[e] + potential[node] - potential[to[e]];
                    if (reduced < distance[to[e]]) {
                        distance[to[e]] = reduced;
                        via[to[e]] = e;
                        queue.add(new long[] { reduced, to[e] });
                    }
                }
            }
            if (distance[sink] == Long.MAX_VALUE) {
                return Long.MAX_VALUE;
            }
            for (int i = 0; i < n; i++) {
                if (distance[i] != Long.MAX_VALUE) {
                    potential[i] += distance[i];
                }
            }
            long pathCost = 0;
            for (int node = sink; node != source; node = to[via[node] ^ 1]) {
                int e = via[node];
                capacity[e]--;
                capacity[e ^ 1]++;
                pathCost += cost[e];
            }
            return pathCost;
        }
    }
}
