package uk.rcc.matching.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
import uk.rcc.matching.policy.HomeRules;
import uk.rcc.matching.policy.MatchingPolicy;
import uk.rcc.matching.policy.SharingRules;

/**
 * A lower bound on the least soft cost of placing exactly {@code placed} of the planned children that counts the
 * sibling term in full, where the flow bound ({@link FlowLowerBound}) counts it only in part: a Lagrangian
 * relaxation. The homes' places and the placed count move into the cost with multipliers (a price on each place of
 * each home, a reward for each child placed); what is left falls apart into one small problem per sibling group or
 * single child: where its planned members go, each block of members in one home with room for the block, sharing
 * rules kept within the block, the sibling term paid exactly. Any prices not below zero and any reward give a valid
 * bound (weak duality); a subgradient ascent looks for good ones. Left out, as in the flow bound, so only ever making
 * the bound lower: the rules between children of different groups and those against the children who stay.
 */
public final class GroupLagrangianBound {
    /**
     * Steps without a better bound before the step is halved (20 stopped at 71,039.3 on the 1,500-child set, 60 at
     * 71,052.5 in 94 s: the ascent has about converged).
     */
    private static final int PATIENCE = 60;

    private GroupLagrangianBound() {}

    /** The best bound found, and how the ascent went. */
    public record Result(double bound, int iterations, double seconds, int unitsWithSiblings) {}

    /**
     * @param upperBound the soft cost of a known solution at that count (the solver's): it sizes the ascent's steps
     *     and stops it when the bound meets it
     */
    public static Result atPlacedCount(
            ExchangeDataset dataset, MatchingPolicy policy, int placed, double upperBound, Duration limit) {
        long start = System.nanoTime();
        FlowLowerBound.Pairs pairs = FlowLowerBound.Pairs.of(dataset, policy);
        List<Unit> units = Unit.all(dataset, pairs, policy);
        double constant = FlowLowerBound.unavoidableSiblingCost(dataset, policy);
        FlowLowerBound.Prices flowPrices = FlowLowerBound.prices(pairs, dataset, policy, placed);
        double[] price = flowPrices.price();
        double reward = flowPrices.reward();
        double best = Double.NEGATIVE_INFINITY;
        double[] bestPrice = price.clone();
        double bestReward = reward;
        double step = 1.0;
        int sinceBetter = 0;
        int iteration = 0;
        int[] load = new int[pairs.room.length];
        long deadline = start + limit.toNanos();
        while (System.nanoTime() < deadline && step > 1e-4) {
            iteration++;
            Arrays.fill(load, 0);
            double value = constant + reward * placed;
            for (int j = 0; j < price.length; j++) {
                value -= price[j] * pairs.room[j];
            }
            int placedNow = 0;
            for (Unit unit : units) {
                Unit.Choice choice = unit.cheapest(price, reward);
                value += choice.cost();
                for (int b = 0; b < choice.homes().length; b++) {
                    int home = choice.homes()[b];
                    load[home] += choice.solo()[b] ? pairs.room[home] : choice.sizes()[b];
                    placedNow += choice.sizes()[b];
                }
            }
            if (value > best + 1e-6) {
                best = value;
                bestPrice = price.clone();
                bestReward = reward;
                sinceBetter = 0;
            } else if (++sinceBetter >= PATIENCE) {
                // smaller steps from the best multipliers so far: the ascent zigzags less near the top
                step /= 2;
                sinceBetter = 0;
                price = bestPrice.clone();
                reward = bestReward;
                continue;
            }
            if (upperBound - best < 0.005) {
                break;
            }
            double norm = Math.pow(placed - placedNow, 2);
            for (int j = 0; j < price.length; j++) {
                double g = load[j] - pairs.room[j];
                if (price[j] > 0 || g > 0) {
                    norm += g * g;
                }
            }
            if (norm == 0) {
                break; // the relaxed choice is feasible and complementary: the bound is exact for these multipliers
            }
            double t = step * (upperBound - value) / norm;
            for (int j = 0; j < price.length; j++) {
                price[j] = Math.max(0, price[j] + t * (load[j] - pairs.room[j]));
            }
            reward += t * (placed - placedNow);
        }
        long withSiblings =
                units.stream().filter(u -> u.members.length > 1 || u.hasStaying).count();
        return new Result(best, iteration, (System.nanoTime() - start) / 1e9, (int) withSiblings);
    }

    /** A sibling group's planned members (or one child's), with the homes its staying members already live in. */
    private static final class Unit {
        /** Indices into the pairs' planned children. */
        final int[] members;

        final boolean hasStaying;
        final Set<Integer> stayingHomes;
        /** For each non-empty subset (bit mask) of members, whether they may all share one home. */
        final boolean[] mayShare;

        final FlowLowerBound.Pairs pairs;
        final double extraHome;
        /**
         * A single child whose rule 4 is {@code SOLO}: in a home, no other child may live there, so the child counts
         * as every place left in it (a valid capacity inequality, priced like the others).
         */
        final boolean livesAlone;

        /** Where the unit's blocks go, how many children each, and whether each is one child who lives alone. */
        record Choice(double cost, int[] homes, int[] sizes, boolean[] solo) {}

        Unit(
                int[] members,
                Set<Integer> stayingHomes,
                boolean hasStaying,
                boolean[] mayShare,
                FlowLowerBound.Pairs pairs,
                double extraHome) {
            this.members = members;
            this.stayingHomes = stayingHomes;
            this.hasStaying = hasStaying;
            this.mayShare = mayShare;
            this.pairs = pairs;
            this.extraHome = extraHome;
            this.livesAlone =
                    members.length == 1 && pairs.planned.get(members[0]).alongside() == Alongside.SOLO;
        }

        static List<Unit> all(ExchangeDataset dataset, FlowLowerBound.Pairs pairs, MatchingPolicy policy) {
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
            List<Unit> units = new ArrayList<>();
            for (int i = 0; i < pairs.planned.size(); i++) {
                String group = pairs.planned.get(i).siblingGroup();
                if (group == null) {
                    units.add(new Unit(new int[] {i}, Set.of(), false, new boolean[] {true, true}, pairs, 0));
                } else {
                    groups.computeIfAbsent(group, g -> new ArrayList<>()).add(i);
                }
            }
            groups.forEach((group, list) -> {
                int[] members = list.stream().mapToInt(Integer::intValue).toArray();
                units.add(new Unit(
                        members,
                        staying.getOrDefault(group, Set.of()),
                        groupsStaying.contains(group),
                        mayShare(members, pairs, dataset),
                        pairs,
                        policy.siblingGroupSplit()));
            });
            return units;
        }

        private static boolean[] mayShare(int[] members, FlowLowerBound.Pairs pairs, ExchangeDataset dataset) {
            boolean[] may = new boolean[1 << members.length];
            for (int mask = 1; mask < may.length; mask++) {
                may[mask] = true;
                for (int a = 0; a < members.length; a++) {
                    for (int b = 0; b < members.length; b++) {
                        if (a != b && (mask >> a & 1) == 1 && (mask >> b & 1) == 1) {
                            ChildRow x = pairs.planned.get(members[a]);
                            ChildRow y = pairs.planned.get(members[b]);
                            if (SharingRules.forbids(
                                    x.alongside(),
                                    x.needs().contains(Need.HSB),
                                    HomeRules.ageYears(x, dataset.asOf()),
                                    HomeRules.ageYears(y, dataset.asOf()))) {
                                may[mask] = false;
                            }
                        }
                    }
                }
            }
            return may;
        }

        /**
         * The unit's cheapest choice at these multipliers: each member unplaced (nothing) or in a block of members
         * sharing a home, each block at its cheapest home with room for it; the sibling term is paid for every home
         * beyond the first (or beyond the staying members' homes).
         */
        Choice cheapest(double[] price, double reward) {
            int n = members.length;
            int full = (1 << n) - 1;
            double[] blockCost = new double[full + 1];
            int[] blockHome = new int[full + 1];
            for (int mask = 1; mask <= full; mask++) {
                blockHome[mask] = -1;
                blockCost[mask] = Double.POSITIVE_INFINITY;
                if (mayShare[mask]) {
                    cheapestHome(mask, price, reward, blockCost, blockHome);
                }
            }
            // anyBlocks[mask]: least cost of the members in mask, none placed allowed; someBlock: at least one placed.
            // A choice is the block holding the mask's lowest member, or 0 when that member is left unplaced.
            double[] anyBlocks = new double[full + 1];
            double[] someBlock = new double[full + 1];
            int[] anyChoice = new int[full + 1];
            int[] someChoice = new int[full + 1];
            someBlock[0] = Double.POSITIVE_INFINITY;
            for (int mask = 1; mask <= full; mask++) {
                int lowest = mask & -mask;
                int rest = mask ^ lowest;
                anyBlocks[mask] = anyBlocks[rest];
                someBlock[mask] = someBlock[rest];
                for (int sub = rest; ; sub = (sub - 1) & rest) {
                    int block = sub | lowest;
                    double cost = blockCost[block] + anyBlocks[mask ^ block];
                    if (cost < anyBlocks[mask]) {
                        anyBlocks[mask] = cost;
                        anyChoice[mask] = block;
                    }
                    if (cost < someBlock[mask]) {
                        someBlock[mask] = cost;
                        someChoice[mask] = block;
                    }
                    if (sub == 0) {
                        break;
                    }
                }
            }
            // every block was charged a home more; with no staying member the first home is free
            double cost = hasStaying ? anyBlocks[full] : Math.min(0, someBlock[full] - extraHome);
            if (!(cost < 0)) {
                return new Choice(0, new int[0], new int[0], new boolean[0]);
            }
            List<Integer> homes = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            boolean atLeastOne = !hasStaying;
            for (int mask = full; mask != 0; ) {
                int block = atLeastOne ? someChoice[mask] : anyChoice[mask];
                if (block == 0) {
                    mask ^= mask & -mask;
                    continue;
                }
                homes.add(blockHome[block]);
                sizes.add(Integer.bitCount(block));
                mask ^= block;
                atLeastOne = false;
            }
            boolean[] solo = new boolean[homes.size()];
            for (int b = 0; b < solo.length; b++) {
                solo[b] = sizes.get(b) == 1 && livesAlone;
            }
            return new Choice(
                    cost,
                    homes.stream().mapToInt(Integer::intValue).toArray(),
                    sizes.stream().mapToInt(Integer::intValue).toArray(),
                    solo);
        }

        /** The cheapest home valid for every member of the block, with room for them all, the extra home charged. */
        private void cheapestHome(int mask, double[] price, double reward, double[] blockCost, int[] blockHome) {
            int size = Integer.bitCount(mask);
            int first = members[Integer.numberOfTrailingZeros(mask)];
            int[] homes = pairs.homes[first];
            for (int k = 0; k < homes.length; k++) {
                int j = homes[k];
                if (pairs.room[j] < size) {
                    continue;
                }
                double cost = 0;
                boolean valid = true;
                for (int m = 0; m < members.length && valid; m++) {
                    if ((mask >> m & 1) == 0) {
                        continue;
                    }
                    int i = members[m];
                    int at = Arrays.binarySearch(pairs.homes[i], j);
                    if (at < 0) {
                        valid = false;
                    } else {
                        // a child who lives alone takes every place the home has left: its price on all of them
                        cost += pairs.costs[i][at] / 100.0 + (livesAlone ? pairs.room[j] : 1) * price[j] - reward;
                    }
                }
                if (!valid) {
                    continue;
                }
                cost += stayingHomes.contains(j) ? 0 : extraHome;
                if (cost < blockCost[mask]) {
                    blockCost[mask] = cost;
                    blockHome[mask] = j;
                }
            }
        }
    }
}
