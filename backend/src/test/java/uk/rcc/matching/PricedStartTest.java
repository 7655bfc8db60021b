package uk.rcc.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.rcc.matching.ConstraintTestData.LAT;
import static uk.rcc.matching.ConstraintTestData.LON;
import static uk.rcc.matching.ConstraintTestData.OWN;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.rcc.demo.DemoCooperativeGenerator;
import uk.rcc.exchange.Codes.HomeKind;
import uk.rcc.matching.benchmark.BenchmarkCommand;
import uk.rcc.matching.planning.Home;
import uk.rcc.matching.planning.MatchingSolution;
import uk.rcc.matching.planning.PlannedChild;
import uk.rcc.matching.policy.MatchingPolicy;

/** The first answer planned by sibling group at prices, then repaired to fit the places and the sharing rules. */
class PricedStartTest {
    private static final long SECONDS = 1_000_000_000L;

    @Test
    void siblingsArePlannedTogetherInTheOneHomeWithRoomForThemWhereSingleChildCostsWouldSplitThem() {
        ConstraintTestData data = new ConstraintTestData();
        // three one-place homes at the children's school, one three-place home a few kilometres away
        data.home("NEAR1", 1);
        data.home("NEAR2", 1);
        data.home("NEAR3", 1);
        data.home("THREE", 3, HomeKind.FOSTER, OWN, LAT + 0.03, LON, 0);
        for (String id : new String[] {"A", "B", "C"}) {
            data.child(id, 9).siblings("G").add();
        }
        MatchingSolution solution = data.problem().solution();

        new PricedStart(solution).apply(Long.MAX_VALUE, System.nanoTime() + 2 * SECONDS);

        assertThat(solution.getPlannedChildren())
                .allSatisfy(child -> assertThat(child.getHome().id()).isEqualTo("THREE"));
    }

    @Test
    void whenItsFlowCannotFinishInTimeItLeavesTheProblemToTheAssignmentRounds() {
        MatchingProblem problem = MatchingProblem.of(
                DemoCooperativeGenerator.generate(BenchmarkCommand.spec("100")), MatchingPolicy.reference());

        boolean planned = new PricedStart(problem.solution()).apply(System.nanoTime() - 1, Long.MAX_VALUE);

        assertThat(planned).isFalse();
        assertThat(problem.solution().getPlannedChildren()).allMatch(child -> child.getHome() == null);
    }

    @Test
    void itIsTriedUpToAboutFourTimesTheWorkOfTheFifteenHundredChildBenchmarkButNotOnNationalScale() {
        MatchingProblem small = MatchingProblem.of(
                DemoCooperativeGenerator.generate(BenchmarkCommand.spec("100")), MatchingPolicy.reference());

        assertThat(PricedStart.worthTrying(small.solution().getPlannedChildren()))
                .isTrue();
        // the 1,500-child benchmark set's candidate pairs and planned children, and five times its work
        assertThat(PricedStart.worthTrying(304_570, 1_573)).isTrue();
        assertThat(PricedStart.worthTrying(5 * 304_570, 1_573)).isFalse();
        // the national set: 15,708 planned children with about 20 candidates each at the least
        assertThat(PricedStart.worthTrying(15_708 * 20, 15_708)).isFalse();
    }

    @Test
    void onAGeneratedCooperativeThePlanKeepsEveryPlaceAndSharingRule() {
        MatchingProblem problem = MatchingProblem.of(
                DemoCooperativeGenerator.generate(BenchmarkCommand.spec("100")), MatchingPolicy.reference());
        MatchingSolution solution = problem.solution();

        boolean planned = new PricedStart(solution).apply(Long.MAX_VALUE, System.nanoTime() + 3 * SECONDS);

        Map<Home, Integer> children = new HashMap<>();
        for (PlannedChild child : solution.getPlannedChildren()) {
            if (child.getHome() != null) {
                children.merge(child.getHome(), 1, Integer::sum);
            }
        }
        assertThat(planned).isTrue();
        assertThat(children).hasSizeGreaterThan(10);
        assertThat(ConstraintTestData.score(solution).hardScore()).isZero();
    }
}
