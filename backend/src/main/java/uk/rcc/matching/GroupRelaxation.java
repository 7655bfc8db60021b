package uk.rcc.matching;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import uk.rcc.matching.planning.MinCostAssignment;

/**
 * The matching problem relaxed by sibling group (a Lagrangian relaxation): the homes' places and the number of
 * children placed move into the cost with multipliers (a price on each place of each home, a reward for each child
 * placed), and what is left falls apart into one small problem per sibling group or single child: where its
 * members go, each block of members in one home with room for the block, the sharing rules kept within the block,
 * the sibling term paid exactly. The rules between children of different groups are left out.
 *
 * <p>One definition, used twice: the solver's priced first answer ({@link PricedStart}) takes the relaxed choice at
 * good prices as a plan to repair, and the benchmark's lower bound reads the relaxation's value (any prices not
 * below zero give a valid bound, by weak duality). A subgradient ascent looks for good prices, starting from those
 * of a min-cost flow.
 */
public final class GroupRelaxation {
    /**
     * Steps without a better value before the step is halved (20 stopped at 71,039.3 on the benchmark's 1,500-child
     * set, 60 at 71,052.5: the ascent has about converged).
     */
    private static final int PATIENCE = 60;

    private GroupRelaxation() {}

    /**
     * Children 0..n-1 and homes 0..m-1.
     *
     * @param homes child i's valid homes, ascending
     * @param costs child i's cost in each of them (points), same order
     * @param room each home's places left once the children who stay are counted
     * @param constant cost no choice avoids (sibling groups whose staying members already live apart)
     */
    public record Problem(int[][] homes, double[][] costs, int[] room, List<Unit> units, double constant) {}

    /**
     * A sibling group's planned members, or one child.
     *
     * @param stayingHomes the homes its members who stay live in (their first home is free)
     * @param hasStaying whether any member stays, in a home with room or not
     * @param mayShare for each non-empty subset (bit mask) of members, whether they may all share one home
     * @param extraHome the sibling term for each home beyond the first (points)
     * @param livesAlone one child who may live with no one: it counts as every place left in its home (a valid
     *     capacity inequality, priced like the others)
     */
    public record Unit(
            int[] members,
            Set<Integer> stayingHomes,
            boolean hasStaying,
            boolean[] mayShare,
            double extraHome,
            boolean livesAlone) {}

    /**
     * For each non-empty subset (bit mask) of a unit's {@code size} members, whether they may all share one home:
     * no member of it forbids another ({@code forbids.test(a, b)}: member a may not live with member b).
     */
    public static boolean[] mayShare(int size, java.util.function.BiPredicate<Integer, Integer> forbids) {
        boolean[] may = new boolean[1 << size];
        for (int mask = 1; mask < may.length; mask++) {
            may[mask] = true;
            for (int a = 0; a < size; a++) {
                for (int b = 0; b < size; b++) {
                    if (a != b && (mask >> a & 1) == 1 && (mask >> b & 1) == 1 && forbids.test(a, b)) {
                        may[mask] = false;
                    }
                }
            }
        }
        return may;
    }

    /** A price on each home's places and a reward for each child placed. */
    public record Prices(double[] price, double reward) {}

    /** The best value found (a lower bound when the problem is the whole policy's), with its prices. */
    public record Ascent(double value, int iterations, Prices best) {}

    /** A flow's prices, and how many children it placed (fewer than asked when no more can be). */
    public record FlowPrices(Prices prices, int placed) {}

    /** How the ascent goes: its target (a known solution's cost, or NaN to aim a little above the best so far). */
    public record Settings(double upperBound, long deadlineNanos) {}

    /**
     * Prices read from the cheapest flow placing {@code placed} children at these costs (hundredths): shortest
     * distances in the flow's residual graph, with the last path's cost as the reward, so they are optimal for the
     * flow's own relaxation and stand even when no further child could be placed.
     */
    public static FlowPrices flowPrices(int[][] homes, long[][] costs, int[] room, int placed) {
        return flowPrices(homes, costs, room, placed, Long.MAX_VALUE);
    }

    /** As above, or null when the flow has not finished by {@code deadlineNanos} (national-scale problems). */
    public static FlowPrices flowPrices(int[][] homes, long[][] costs, int[] room, int placed, long deadlineNanos) {
        int children = homes.length;
        int homeCount = room.length;
        MinCostAssignment graph = new MinCostAssignment(children, room);
        for (int i = 0; i < children; i++) {
            graph.child(i, 0);
            for (int k = 0; k < homes[i].length; k++) {
                graph.candidate(i, homes[i][k], costs[i][k]);
            }
        }
        long last = 0;
        int placedNow = 0;
        for (; placedNow < placed; placedNow++) {
            if (System.nanoTime() > deadlineNanos) {
                return null;
            }
            long path = graph.placeCheapest();
            if (path < 0) {
                break;
            }
            last = path;
        }
        int[] at = new int[children];
        int[] load = new int[homeCount];
        for (int i = 0; i < children; i++) {
            at[i] = graph.homeOf(i);
            if (at[i] >= 0) {
                load[at[i]]++;
            }
        }
        // Bellman-Ford (queue) over the residual graph; nodes: children, homes, sink; the source is distance 0
        int sink = children + homeCount;
        double[] distance = new double[sink + 1];
        Arrays.fill(distance, Double.POSITIVE_INFINITY);
        List<List<int[]>> placedIn = new ArrayList<>();
        for (int j = 0; j < homeCount; j++) {
            placedIn.add(new ArrayList<>());
        }
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        boolean[] queued = new boolean[sink + 1];
        for (int i = 0; i < children; i++) {
            if (at[i] < 0) {
                distance[i] = 0;
                queue.add(i);
                queued[i] = true;
            } else {
                placedIn.get(at[i]).add(new int[] {i, Arrays.binarySearch(homes[i], at[i])});
            }
        }
        // the reward: the last child's path cost, reached as if by an edge from the source to the sink. No child can
        // be taken out for more (the paths' costs only rise), so the edge makes no negative cycle.
        distance[sink] = last / 100.0;
        queue.add(sink);
        queued[sink] = true;
        while (!queue.isEmpty()) {
            int node = queue.poll();
            queued[node] = false;
            if (node < children) {
                for (int k = 0; k < homes[node].length; k++) {
                    if (homes[node][k] != at[node]) {
                        relax(
                                distance,
                                queue,
                                queued,
                                children + homes[node][k],
                                distance[node] + costs[node][k] / 100.0);
                    }
                }
            } else if (node < sink) {
                int j = node - children;
                for (int[] child : placedIn.get(j)) {
                    relax(distance, queue, queued, child[0], distance[node] - costs[child[0]][child[1]] / 100.0);
                }
                if (load[j] < room[j]) {
                    relax(distance, queue, queued, sink, distance[node]);
                }
            } else {
                for (int j = 0; j < homeCount; j++) {
                    if (load[j] > 0) {
                        relax(distance, queue, queued, children + j, distance[node]);
                    }
                }
            }
        }
        double reward = distance[sink];
        double[] price = new double[homeCount];
        for (int j = 0; j < homeCount; j++) {
            double d = distance[children + j];
            price[j] = Double.isInfinite(d) ? 0 : Math.max(0, reward - d);
        }
        return new FlowPrices(new Prices(price, reward), placedNow);
    }

    private static void relax(double[] distance, ArrayDeque<Integer> queue, boolean[] queued, int node, double d) {
        if (d < distance[node] - 1e-9) {
            distance[node] = d;
            if (!queued[node]) {
                queue.add(node);
                queued[node] = true;
            }
        }
    }

    /**
     * A subgradient ascent (Polyak steps, halved from the best prices after {@link #PATIENCE} steps without a better
     * value) on the relaxation's value with exactly {@code placed} children placed. The units are solved in
     * parallel: they are independent at given prices.
     */
    public static Ascent ascend(Problem problem, int placed, Prices start, Settings settings) {
        double[] price = start.price().clone();
        double reward = start.reward();
        double best = Double.NEGATIVE_INFINITY;
        Prices bestPrices = new Prices(price.clone(), reward);
        double step = 1.0;
        int sinceBetter = 0;
        int iteration = 0;
        int[] room = problem.room();
        int[] load = new int[room.length];
        Table[] tables = tables(problem);
        while (System.nanoTime() < settings.deadlineNanos() && step > 1e-4) {
            iteration++;
            Arrays.fill(load, 0);
            Choice[] choices = choose(problem, tables, new Prices(price, reward));
            double value = problem.constant() + reward * placed;
            for (int j = 0; j < price.length; j++) {
                value -= price[j] * room[j];
            }
            int placedNow = 0;
            for (Choice choice : choices) {
                value += choice.cost();
                for (int b = 0; b < choice.homes().length; b++) {
                    int home = choice.homes()[b];
                    int size = Integer.bitCount(choice.blocks()[b]);
                    load[home] += choice.solo() ? room[home] : size;
                    placedNow += size;
                }
            }
            if (value > best + 1e-6) {
                best = value;
                bestPrices = new Prices(price.clone(), reward);
                sinceBetter = 0;
            } else if (++sinceBetter >= PATIENCE) {
                // smaller steps from the best multipliers so far: the ascent zigzags less near the top
                step /= 2;
                sinceBetter = 0;
                price = bestPrices.price().clone();
                reward = bestPrices.reward();
                continue;
            }
            double target = Double.isNaN(settings.upperBound())
                    ? best + Math.max(1, 0.01 * Math.abs(best))
                    : settings.upperBound();
            if (target - best < 0.005) {
                break;
            }
            double norm = Math.pow(placed - placedNow, 2);
            for (int j = 0; j < price.length; j++) {
                double g = load[j] - room[j];
                if (price[j] > 0 || g > 0) {
                    norm += g * g;
                }
            }
            if (norm == 0) {
                break; // the relaxed choice is feasible and complementary: the value is exact for these multipliers
            }
            double t = step * (target - value) / norm;
            for (int j = 0; j < price.length; j++) {
                price[j] = Math.max(0, price[j] + t * (load[j] - room[j]));
            }
            reward += t * (placed - placedNow);
        }
        return new Ascent(best, iteration, bestPrices);
    }

    /** Each child's home in the relaxation's choice at these prices, or -1 when it is left unplaced. */
    public static int[] relaxedHomes(Problem problem, Prices prices) {
        int[] home = new int[problem.homes().length];
        Arrays.fill(home, -1);
        Choice[] choices = choose(problem, tables(problem), prices);
        for (int u = 0; u < choices.length; u++) {
            int[] members = problem.units().get(u).members();
            for (int b = 0; b < choices[u].homes().length; b++) {
                for (int m = 0; m < members.length; m++) {
                    if ((choices[u].blocks()[b] >> m & 1) == 1) {
                        home[members[m]] = choices[u].homes()[b];
                    }
                }
            }
        }
        return home;
    }

    /** Where a unit's blocks of members go, and whether it is one child who lives alone. */
    private record Choice(double cost, int[] homes, int[] blocks, boolean solo) {}

    private static Choice[] choose(Problem problem, Table[] tables, Prices prices) {
        List<Unit> units = problem.units();
        return IntStream.range(0, units.size())
                .parallel()
                .mapToObj(u -> cheapest(problem, units.get(u), tables[u], prices.price(), prices.reward()))
                .toArray(Choice[]::new);
    }

    /**
     * A unit's homes (every home valid for at least one member, ascending), each with its members' costs there and
     * which members may live there (a bit mask): read once, so that each step of the ascent is arithmetic.
     */
    private record Table(int[] homes, double[][] costs, int[] validMembers, boolean[] staying) {}

    private static Table[] tables(Problem problem) {
        return problem.units().stream()
                .parallel()
                .map(unit -> table(problem, unit))
                .toArray(Table[]::new);
    }

    private static Table table(Problem problem, Unit unit) {
        int[] members = unit.members();
        int[] homes = Arrays.stream(members)
                .flatMap(i -> Arrays.stream(problem.homes()[i]))
                .distinct()
                .sorted()
                .toArray();
        double[][] costs = new double[homes.length][members.length];
        int[] valid = new int[homes.length];
        boolean[] staying = new boolean[homes.length];
        for (int t = 0; t < homes.length; t++) {
            staying[t] = unit.stayingHomes().contains(homes[t]);
            for (int m = 0; m < members.length; m++) {
                int at = Arrays.binarySearch(problem.homes()[members[m]], homes[t]);
                if (at >= 0) {
                    costs[t][m] = problem.costs()[members[m]][at];
                    valid[t] |= 1 << m;
                }
            }
        }
        return new Table(homes, costs, valid, staying);
    }

    /**
     * The unit's cheapest choice at these multipliers: each member unplaced (nothing) or in a block of members
     * sharing a home, each block at its cheapest home with room for it; the sibling term is paid for every home
     * beyond the first (or beyond the staying members' homes).
     */
    private static Choice cheapest(Problem problem, Unit unit, Table table, double[] price, double reward) {
        int n = unit.members().length;
        int full = (1 << n) - 1;
        double[] blockCost = new double[full + 1];
        int[] blockHome = new int[full + 1];
        Arrays.fill(blockCost, Double.POSITIVE_INFINITY);
        Arrays.fill(blockHome, -1);
        cheapestHomes(problem.room(), unit, table, price, reward, blockCost, blockHome);
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
        double cost = unit.hasStaying() ? anyBlocks[full] : Math.min(0, someBlock[full] - unit.extraHome());
        if (!(cost < 0)) {
            return new Choice(0, new int[0], new int[0], false);
        }
        List<Integer> homes = new ArrayList<>();
        List<Integer> blocks = new ArrayList<>();
        boolean atLeastOne = !unit.hasStaying();
        for (int mask = full; mask != 0; ) {
            int block = atLeastOne ? someChoice[mask] : anyChoice[mask];
            if (block == 0) {
                mask ^= mask & -mask;
                continue;
            }
            homes.add(blockHome[block]);
            blocks.add(block);
            mask ^= block;
            atLeastOne = false;
        }
        return new Choice(
                cost,
                homes.stream().mapToInt(Integer::intValue).toArray(),
                blocks.stream().mapToInt(Integer::intValue).toArray(),
                unit.livesAlone());
    }

    /**
     * For every block (subset of members that may share a home), the cheapest home valid for all of them with room
     * for them all, the extra home charged: one pass over the unit's homes, each block's cost there built from a
     * smaller block's.
     */
    private static void cheapestHomes(
            int[] room, Unit unit, Table table, double[] price, double reward, double[] blockCost, int[] blockHome) {
        int full = blockCost.length - 1;
        double[] sum = new double[full + 1];
        for (int t = 0; t < table.homes().length; t++) {
            int j = table.homes()[t];
            int valid = table.validMembers()[t];
            // a child who lives alone takes every place the home has left: its price on all of them
            double placeCost = (unit.livesAlone() ? room[j] : 1) * price[j] - reward;
            double extra = table.staying()[t] ? 0 : unit.extraHome();
            for (int mask = 1; mask <= full; mask++) {
                if ((mask & ~valid) != 0) {
                    continue;
                }
                int lowest = Integer.numberOfTrailingZeros(mask);
                sum[mask] = sum[mask & (mask - 1)] + table.costs()[t][lowest] + placeCost;
                if (unit.mayShare()[mask] && room[j] >= Integer.bitCount(mask) && sum[mask] + extra < blockCost[mask]) {
                    blockCost[mask] = sum[mask] + extra;
                    blockHome[mask] = j;
                }
            }
        }
    }
}
