package uk.rcc.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The relaxation by sibling group: never above a true optimum (so a valid bound), and its choice sees groups whole. */
class GroupRelaxationTest {
    private static final double EXTRA_HOME = 20;

    @Test
    void atAnyPricesTheRelaxationIsNeverAboveTheOptimumFoundByTryingEveryAssignment() {
        Random random = new Random(7);
        int compared = 0;
        for (int trial = 0; trial < 150; trial++) {
            Tiny tiny = Tiny.random(random);
            for (int placed = 1; placed <= tiny.problem.homes().length; placed++) {
                double optimum = tiny.optimumPlacing(placed);
                if (Double.isInfinite(optimum)) {
                    continue;
                }
                double[] price = new double[tiny.problem.room().length];
                Arrays.setAll(price, j -> random.nextDouble() * 30);
                GroupRelaxation.Ascent ascent = GroupRelaxation.ascend(
                        tiny.problem,
                        placed,
                        new GroupRelaxation.Prices(price, random.nextDouble() * 60),
                        new GroupRelaxation.Settings(optimum + 5, System.nanoTime() + 20_000_000L));
                assertThat(ascent.value()).isLessThanOrEqualTo(optimum + 1e-6);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(200);
    }

    @Test
    void theAscentClosesMostOfTheGapWhereOnlyThePlacesCoupleTheChildren() {
        // three single children, two homes of one place: the relaxation is exact here (an assignment problem)
        GroupRelaxation.Problem problem = new GroupRelaxation.Problem(
                new int[][] {{0, 1}, {0, 1}, {0, 1}},
                new double[][] {{1, 10}, {2, 4}, {3, 30}},
                new int[] {1, 1},
                List.of(single(0), single(1), single(2)),
                0);

        GroupRelaxation.Ascent ascent = GroupRelaxation.ascend(
                problem,
                2,
                new GroupRelaxation.Prices(new double[2], 0),
                new GroupRelaxation.Settings(5, System.nanoTime() + 1_000_000_000L));

        // the optimum placing two: child 0 in home 0 and child 1 in home 1, 1 + 4
        assertThat(ascent.value()).isBetween(4.9, 5.0 + 1e-6);
    }

    @Test
    void theRelaxedChoicePlansAGroupIntoOneHomeWhenSplittingItCostsMoreThanTheWayFurther() {
        // home 0 has room for the three siblings at 10 points each; homes 1-3 one place each at no cost
        int[] all = {0, 1, 2, 3};
        double[] costs = {10, 0, 0, 0};
        GroupRelaxation.Problem problem = new GroupRelaxation.Problem(
                new int[][] {all, all, all},
                new double[][] {costs, costs, costs},
                new int[] {3, 1, 1, 1},
                List.of(new GroupRelaxation.Unit(
                        new int[] {0, 1, 2}, Set.of(), false, allMayShare(3), EXTRA_HOME, false)),
                0);

        int[] homes = GroupRelaxation.relaxedHomes(problem, new GroupRelaxation.Prices(new double[4], 100));

        // together 30 points; apart 0 + two extra homes, 40
        assertThat(homes).containsExactly(0, 0, 0);
    }

    private static GroupRelaxation.Unit single(int child) {
        return new GroupRelaxation.Unit(new int[] {child}, Set.of(), false, new boolean[] {true, true}, 0, false);
    }

    private static boolean[] allMayShare(int members) {
        boolean[] may = new boolean[1 << members];
        Arrays.fill(may, true);
        return may;
    }

    /** A problem small enough to solve by trying every assignment. */
    private record Tiny(GroupRelaxation.Problem problem, int[] unitOf) {
        static Tiny random(Random random) {
            int children = 2 + random.nextInt(4);
            int homes = 2 + random.nextInt(3);
            int[][] valid = new int[children][];
            double[][] costs = new double[children][];
            for (int i = 0; i < children; i++) {
                List<Integer> list = new ArrayList<>();
                for (int j = 0; j < homes; j++) {
                    if (random.nextDouble() < 0.7) {
                        list.add(j);
                    }
                }
                valid[i] = list.stream().mapToInt(Integer::intValue).toArray();
                costs[i] = new double[valid[i].length];
                for (int k = 0; k < costs[i].length; k++) {
                    costs[i][k] = random.nextInt(50);
                }
            }
            int[] room = new int[homes];
            Arrays.setAll(room, j -> 1 + random.nextInt(2));
            // consecutive children form groups of one to three; some pairs in a group may not share
            List<GroupRelaxation.Unit> units = new ArrayList<>();
            int[] unitOf = new int[children];
            for (int first = 0; first < children; ) {
                int size = Math.min(children - first, 1 + random.nextInt(3));
                int[] members = new int[size];
                for (int m = 0; m < size; m++) {
                    members[m] = first + m;
                }
                boolean[] may = new boolean[1 << size];
                boolean[][] apart = new boolean[size][size];
                for (int a = 0; a < size; a++) {
                    for (int b = a + 1; b < size; b++) {
                        apart[a][b] = apart[b][a] = random.nextDouble() < 0.3;
                    }
                }
                for (int mask = 1; mask < may.length; mask++) {
                    may[mask] = true;
                    for (int a = 0; a < size; a++) {
                        for (int b = 0; b < size; b++) {
                            if ((mask >> a & 1) == 1 && (mask >> b & 1) == 1 && apart[a][b]) {
                                may[mask] = false;
                            }
                        }
                    }
                }
                for (int m = 0; m < size; m++) {
                    unitOf[first + m] = units.size();
                }
                units.add(new GroupRelaxation.Unit(members, Set.of(), false, may, size > 1 ? EXTRA_HOME : 0, false));
                first += size;
            }
            return new Tiny(new GroupRelaxation.Problem(valid, costs, room, units, 0), unitOf);
        }

        /** The least cost of any assignment placing exactly {@code placed} children (infinite when none does). */
        double optimumPlacing(int placed) {
            int children = problem.homes().length;
            int[] at = new int[children];
            return search(0, at, placed);
        }

        private double search(int child, int[] at, int placed) {
            if (child == at.length) {
                return costOf(at, placed);
            }
            double best = Double.POSITIVE_INFINITY;
            at[child] = -1;
            best = Math.min(best, search(child + 1, at, placed));
            for (int home : problem.homes()[child]) {
                at[child] = home;
                best = Math.min(best, search(child + 1, at, placed));
            }
            return best;
        }

        private double costOf(int[] at, int placed) {
            int[] load = new int[problem.room().length];
            int count = 0;
            double cost = 0;
            for (int i = 0; i < at.length; i++) {
                if (at[i] >= 0) {
                    count++;
                    load[at[i]]++;
                    cost += problem.costs()[i][Arrays.binarySearch(problem.homes()[i], at[i])];
                }
            }
            if (count != placed) {
                return Double.POSITIVE_INFINITY;
            }
            for (int j = 0; j < load.length; j++) {
                if (load[j] > problem.room()[j]) {
                    return Double.POSITIVE_INFINITY;
                }
            }
            for (GroupRelaxation.Unit unit : problem.units()) {
                int[] members = unit.members();
                java.util.Set<Integer> used = new java.util.HashSet<>();
                for (int home = 0; home < load.length; home++) {
                    int mask = 0;
                    for (int m = 0; m < members.length; m++) {
                        if (at[members[m]] == home) {
                            mask |= 1 << m;
                        }
                    }
                    if (mask != 0) {
                        if (!unit.mayShare()[mask]) {
                            return Double.POSITIVE_INFINITY;
                        }
                        used.add(home);
                    }
                }
                cost += Math.max(0, used.size() - 1) * unit.extraHome();
            }
            return cost;
        }
    }
}
