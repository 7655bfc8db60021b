package uk.rcc.matching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.rcc.demo.DemoCooperativeGenerator;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;
import uk.rcc.exchange.ExchangeDataset.KeyPlaceRow;
import uk.rcc.matching.benchmark.BenchmarkCommand;
import uk.rcc.matching.policy.MatchingPolicy;

class CheapestHomesTest {
    private static final ExchangeDataset DATASET = DemoCooperativeGenerator.generate(BenchmarkCommand.spec("1000"));

    /** Reference weights, then weights where key places or distance dominate, and one with distance free. */
    private static MatchingPolicy weights(int variant) {
        MatchingPolicy reference = MatchingPolicy.reference();
        return switch (variant) {
            case 0 -> reference;
            case 1 ->
                new MatchingPolicy(
                        reference.pointsPerKmToSchool(),
                        5.0,
                        reference.outsideOwnCouncil(),
                        reference.nonPreferredKind(),
                        reference.pointsPerHundredPounds(),
                        reference.movedChild(),
                        reference.siblingGroupSplit());
            case 2 -> new MatchingPolicy(40.0, 0.0, 0.0, 0.0, 0.0, 0.0, reference.siblingGroupSplit());
            default -> new MatchingPolicy(0.0, 0.0, 3.0, 1.0, 50.0, 10.0, reference.siblingGroupSplit());
        };
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void selectsTheSameHomesAsRankingEveryHomeOnItsExactCost(int variant) {
        MatchingProblem problem = MatchingProblem.of(DATASET, weights(variant));
        List<HomeRow> rows = DATASET.homes();
        Random random = new Random(variant);
        List<ChildRow> children = DATASET.children().stream()
                .filter(c -> !MatchingProblem.mustStay(c))
                .toList();
        for (int trial = 0; trial < 60; trial++) {
            ChildRow child = children.get(random.nextInt(children.size()));
            List<KeyPlaceRow> keyPlaces = DATASET.keyPlaces().stream()
                    .filter(p -> p.childId().equals(child.childId()))
                    .toList();
            int[] homes = IntStream.range(0, rows.size())
                    .filter(h -> random.nextInt(4) > 0)
                    .toArray();
            int k = 1 + random.nextInt(120);

            int[] selected = CheapestHomes.select(
                    child, keyPlaces, rows, homes, homes.length, k, weights(variant), problem.exactCost());

            int[] expected = Arrays.stream(homes)
                    .boxed()
                    .sorted(Comparator.comparingLong(
                                    (Integer h) -> problem.totalHundredths(child, rows.get(h), keyPlaces))
                            .thenComparingInt(h -> h))
                    .limit(k)
                    .mapToInt(Integer::intValue)
                    .toArray();
            assertArrayEquals(expected, selected, child.childId() + " k=" + k);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 100, 999})
    void kthSmallestMatchesSorting(int size) {
        Random random = new Random(size);
        for (int trial = 0; trial < 50; trial++) {
            long[] values = random.longs(size, -20, 20).toArray();
            int k = 1 + random.nextInt(size);
            long[] sorted = values.clone();
            Arrays.sort(sorted);
            assertEquals(sorted[k - 1], CheapestHomes.kthSmallest(values.clone(), size, k));
        }
    }
}
