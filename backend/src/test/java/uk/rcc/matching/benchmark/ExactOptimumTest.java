package uk.rcc.matching.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.rcc.demo.DemoCooperativeGenerator;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.matching.PolicyCost;
import uk.rcc.matching.SolverRunEngine;
import uk.rcc.matching.policy.MatchingPolicy;
import uk.rcc.matching.runs.MatchingEngine;

class ExactOptimumTest {
    private static final MatchingPolicy POLICY = MatchingPolicy.reference();

    @Test
    void exactOptimumBreaksNoRuleAndItsCostIsWhatTheIndependentScorerSays() {
        ExchangeDataset dataset = DemoCooperativeGenerator.generate(BenchmarkCommand.spec("100"));
        ExactOptimum.Result exact = ExactOptimum.solve(dataset, POLICY, Duration.ofSeconds(60));
        PolicyCost scored = PolicyCost.of(dataset, exact.assignment(), POLICY);

        assertThat(exact.optimal()).isTrue();
        assertThat(scored.hardBroken()).isZero();
        assertThat(scored.unplaced()).isEqualTo(exact.unplaced());
        assertThat(scored.softCost()).isCloseTo(exact.softCost(), within(0.5));
    }

    @Test
    void atTheOptimumsPlacedCountTheLeastSoftCostIsTheOptimumsStartingFromAnyHint() {
        ExchangeDataset dataset = DemoCooperativeGenerator.generate(BenchmarkCommand.spec("100"));
        ExactOptimum.Result exact = ExactOptimum.solve(dataset, POLICY, Duration.ofSeconds(60));
        int placed = PolicyCost.of(dataset, exact.assignment(), POLICY).placed();

        ExactOptimum.Result atCount = ExactOptimum.solveAtPlacedCount(
                dataset, POLICY, Duration.ofSeconds(60), placed, TodaysPractice.assign(dataset));
        PolicyCost scored = PolicyCost.of(dataset, atCount.assignment(), POLICY);

        assertThat(atCount.optimal()).isTrue();
        assertThat(scored.hardBroken()).isZero();
        assertThat(scored.placed()).isEqualTo(placed);
        assertThat(atCount.softCost()).isCloseTo(exact.softCost(), within(0.005));
        assertThat(atCount.softBoundAt(atCount.unplaced())).isCloseTo(exact.softCost(), within(0.005));
        assertThat(scored.softCost()).isCloseTo(atCount.softCost(), within(0.5));
    }

    @Test
    void neitherTheSolverNorTodaysPracticeBeatsTheExactOptimum() throws InterruptedException {
        ExchangeDataset dataset = DemoCooperativeGenerator.generate(BenchmarkCommand.spec("100"));
        ExactOptimum.Result exact = ExactOptimum.solve(dataset, POLICY, Duration.ofSeconds(60));
        MatchingEngine.Outcome outcome = new SolverRunEngine("")
                .start(
                        new MatchingEngine.MatchRequest(
                                dataset, Map.of(), "interactive-solver.xml", Duration.ofSeconds(5)),
                        progress -> {})
                .await();
        Map<String, String> proposed = new HashMap<>();
        outcome.proposals().stream()
                .filter(p -> p.homeId() != null)
                .forEach(p -> proposed.put(p.childId(), p.homeId()));

        for (PolicyCost other : new PolicyCost[] {
            PolicyCost.of(dataset, proposed, POLICY), PolicyCost.of(dataset, TodaysPractice.assign(dataset), POLICY)
        }) {
            assertThat(other.hardBroken()).isZero();
            assertThat(other.unplaced()).isGreaterThanOrEqualTo(exact.unplaced());
            if (other.unplaced() == exact.unplaced()) {
                assertThat(other.softCost()).isGreaterThanOrEqualTo(exact.softCost() - 0.5);
            }
        }
    }
}
