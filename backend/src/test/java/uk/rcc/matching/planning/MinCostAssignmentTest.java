package uk.rcc.matching.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MinCostAssignmentTest {
    private static final long NO_HOME = -1;

    static IntStream seeds() {
        return IntStream.rangeClosed(1, 60);
    }

    /** Small random problems, checked against trying every assignment: most children placed, then least cost. */
    @ParameterizedTest
    @MethodSource("seeds")
    void placesAsManyChildrenAsPossibleAtTheLeastCost(int seed) {
        Random random = new Random(seed);
        int children = 8;
        int[] capacity = {random.nextInt(3), 1 + random.nextInt(2), random.nextInt(2), 1};
        long[][] cost = new long[children][capacity.length];
        MinCostAssignment assignment = new MinCostAssignment(children, capacity);
        for (int c = 0; c < children; c++) {
            assignment.child(c, 0);
            for (int h = 0; h < capacity.length; h++) {
                cost[c][h] = random.nextInt(4) == 0 ? NO_HOME : random.nextInt(1_000);
                if (cost[c][h] != NO_HOME) {
                    assignment.candidate(c, h, cost[c][h]);
                }
            }
        }
        while (assignment.placeCheapest() >= 0) {
            // place until no path is left
        }
        long[] found = value(assignment, cost, capacity);
        long[] best = bestByTryingEverything(cost, capacity, 0, new int[capacity.length], 0, 0);
        assertThat(found).containsExactly(best);
    }

    private static long[] value(MinCostAssignment assignment, long[][] cost, int[] capacity) {
        int[] used = new int[capacity.length];
        long placed = 0;
        long total = 0;
        for (int c = 0; c < cost.length; c++) {
            int h = assignment.homeOf(c);
            if (h >= 0) {
                assertThat(cost[c][h])
                        .as("child %d only goes to a home it may have", c)
                        .isNotEqualTo(NO_HOME);
                used[h]++;
                placed++;
                total += cost[c][h];
            }
        }
        for (int h = 0; h < capacity.length; h++) {
            assertThat(used[h]).as("home %d within capacity", h).isLessThanOrEqualTo(capacity[h]);
        }
        return new long[] {placed, total};
    }

    /** {most placed, least cost among those}, by recursion over every child's choice (or none). */
    private static long[] bestByTryingEverything(
            long[][] cost, int[] capacity, int child, int[] used, long placed, long total) {
        if (child == cost.length) {
            return new long[] {placed, total};
        }
        long[] best = bestByTryingEverything(cost, capacity, child + 1, used, placed, total);
        for (int h = 0; h < capacity.length; h++) {
            if (cost[child][h] != NO_HOME && used[h] < capacity[h]) {
                used[h]++;
                long[] option =
                        bestByTryingEverything(cost, capacity, child + 1, used, placed + 1, total + cost[child][h]);
                used[h]--;
                if (option[0] > best[0] || option[0] == best[0] && option[1] < best[1]) {
                    best = option;
                }
            }
        }
        return best;
    }
}
