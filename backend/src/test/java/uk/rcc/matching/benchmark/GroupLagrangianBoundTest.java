package uk.rcc.matching.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.rcc.demo.DemoCooperativeGenerator;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.matching.PolicyCost;
import uk.rcc.matching.policy.MatchingPolicy;

class GroupLagrangianBoundTest {
    private static final MatchingPolicy POLICY = MatchingPolicy.reference();

    @Test
    void theBoundIsNeverAboveTheProvenOptimumAndNotBelowTheFlowBound() {
        ExchangeDataset dataset = DemoCooperativeGenerator.generate(BenchmarkCommand.spec("100"));
        ExactOptimum.Result exact = ExactOptimum.solve(dataset, POLICY, Duration.ofSeconds(60));
        int placed = PolicyCost.of(dataset, exact.assignment(), POLICY).placed();
        double flow = FlowLowerBound.costByPlacedCount(dataset, POLICY)[placed];

        GroupLagrangianBound.Result bound =
                GroupLagrangianBound.atPlacedCount(dataset, POLICY, placed, exact.softCost(), Duration.ofSeconds(20));

        assertThat(exact.optimal()).isTrue();
        assertThat(bound.bound()).isLessThanOrEqualTo(exact.softCost() + 0.005);
        assertThat(bound.bound()).isGreaterThan(flow);
    }

    @Test
    void whereSiblingGroupsMustSplitForWantOfRoomTheBoundChargesItAndStaysBelowTheSolversAnswer() {
        // the shape of the 1,500-child benchmark (places not scarce, few homes with room for a whole group), smaller
        ExchangeDataset dataset = DemoCooperativeGenerator.generate(BenchmarkCommand.spec("1200/1080"));
        Map<String, String> answer =
                BenchmarkCommand.proposed(BenchmarkCommand.solve(dataset, "interactive-solver.xml", 10));
        PolicyCost solver = PolicyCost.of(dataset, answer, POLICY);
        double flow = FlowLowerBound.costByPlacedCount(dataset, POLICY)[solver.placed()];

        GroupLagrangianBound.Result bound = GroupLagrangianBound.atPlacedCount(
                dataset, POLICY, solver.placed(), solver.softCost(), Duration.ofSeconds(20));

        assertThat(solver.siblingGroupsSplit()).isPositive();
        assertThat(bound.bound()).isLessThanOrEqualTo(solver.softCost());
        // most of what the flow bound leaves out here is the sibling term
        assertThat(bound.bound() - flow).isGreaterThan(0.5 * (solver.softCost() - flow));
    }
}
