package uk.rcc.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.rcc.demo.DemoCooperativeGenerator;
import uk.rcc.demo.DemoCooperativeGenerator.Scope;
import uk.rcc.demo.DemoCooperativeGenerator.Spec;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.matching.SolverConfigs;
import uk.rcc.matching.SolverRunEngine;
import uk.rcc.matching.benchmark.ExactOptimum;
import uk.rcc.matching.policy.MatchingPolicy;
import uk.rcc.matching.runs.MatchingEngine;

/**
 * The capacity tool's extra places against the exact ones on a generated co-operative of 121 planned children and
 * 400 homes. The exact side is CP-SAT ({@link ExactOptimum}), written apart from the tool: the optimum at the
 * solver's placed count, then, proven one after another, the best home for one place more among those not yet
 * found — first placing a child more, then at the same count — until ten are known. Slow (CP-SAT proves a dozen
 * optima, about a minute each with eight workers), so it runs once, on one co-operative.
 */
class CapacityAgainstExactTest {
    private static final MatchingPolicy POLICY = MatchingPolicy.reference();
    private static final Duration PROOF = Duration.ofSeconds(300);
    private static final int WORKERS = 8;

    record Exact(String home, int placedDelta, double softCostDelta) {}

    @Test
    void theTopTenExtraPlacesAreTheExactTopTenWithinTwoAndTheirFiguresWithinFivePercentOrTwoPoints()
            throws InterruptedException {
        ExchangeDataset dataset = DemoCooperativeGenerator.generate(
                new Spec(300, 400, 0.33, 0.0, Scope.NORTHERN, 7, LocalDate.of(2026, 3, 31)));
        Map<String, String> solver = solverAnswer(dataset);
        int placed = (int) solver.size();
        ExactOptimum.Result optimum = ExactOptimum.solveAtPlacedCount(dataset, POLICY, PROOF, placed, solver, WORKERS);
        assertThat(optimum.optimal())
                .as("CP-SAT proves the optimum the options are measured against")
                .isTrue();

        CapacityAnalysis.Report report = CapacityAnalysis.analyse(
                dataset,
                MatchingPolicy.reference(),
                SolverConfigs.fromClasspath(SolverConfigs.INTERACTIVE),
                new CapacityAnalysis.Settings(Duration.ofSeconds(20), Duration.ofSeconds(30), 10),
                optimum.assignment());
        List<CapacityOption> claimed = report.extraPlaces();
        assertThat(report.baseline().softCost())
                .isCloseTo(optimum.softCost(), org.assertj.core.api.Assertions.within(0.5));
        Map<String, Exact> exactTop = exactTopTen(dataset, optimum, placed);
        assertThat(claimed).hasSizeGreaterThanOrEqualTo(exactTop.size() - 2);
        Set<String> found = claimed.stream()
                .map(CapacityOption::homeId)
                .filter(exactTop::containsKey)
                .collect(Collectors.toSet());
        System.out.println("exact top ten: " + exactTop.values() + "\nclaimed: "
                + claimed.stream()
                        .map(o -> o.homeId() + " " + o.placedDelta() + " " + o.softCostDelta())
                        .toList());
        assertThat(found)
                .as("the tool's top ten among the exact top ten")
                .hasSizeGreaterThanOrEqualTo(Math.min(8, exactTop.size() - 2));
        for (CapacityOption option : claimed) {
            Exact exact = exactTop.containsKey(option.homeId())
                    ? exactTop.get(option.homeId())
                    : exactFor(dataset, optimum, placed, option);
            assertThat(option.placedDelta())
                    .as("placed more with a place in " + option.homeId())
                    .isEqualTo(exact.placedDelta());
            assertThat(Math.abs(option.softCostDelta() - exact.softCostDelta()))
                    .as("soft cost change with a place in " + option.homeId() + ": claimed " + option.softCostDelta()
                            + ", exact " + exact.softCostDelta())
                    .isLessThanOrEqualTo(Math.max(2, 0.05 * Math.abs(exact.softCostDelta())));
        }
    }

    private static Map<String, String> solverAnswer(ExchangeDataset dataset) throws InterruptedException {
        MatchingEngine.Outcome outcome = new SolverRunEngine("")
                .start(
                        new MatchingEngine.MatchRequest(
                                dataset, Map.of(), "interactive-solver.xml", Duration.ofSeconds(20)),
                        progress -> {})
                .await();
        Map<String, String> proposed = new HashMap<>();
        outcome.proposals().stream()
                .filter(p -> p.homeId() != null)
                .forEach(p -> proposed.put(p.childId(), p.homeId()));
        return proposed;
    }

    /** The ten best homes for one place more, each proven best among the homes left. */
    private static Map<String, Exact> exactTopTen(ExchangeDataset dataset, ExactOptimum.Result optimum, int placed) {
        Map<String, Exact> top = new LinkedHashMap<>();
        Set<String> left = new HashSet<>();
        dataset.homes().forEach(home -> left.add(home.homeId()));
        for (int more = 1; more >= 0 && top.size() < 10; more--) {
            while (top.size() < 10) {
                ExactOptimum.OnePlaceMore best;
                try {
                    best = ExactOptimum.solveWithOnePlaceMore(
                            dataset, POLICY, PROOF, placed + more, optimum.assignment(), WORKERS, left);
                } catch (IllegalStateException noAssignment) {
                    assertThat(noAssignment.getMessage()).contains("INFEASIBLE");
                    break;
                }
                assertThat(best.result().optimal())
                        .as("CP-SAT proves the next best home")
                        .isTrue();
                double delta = best.result().softCost() - optimum.softCost();
                if (best.home() == null || more == 0 && delta > -0.005) {
                    break;
                }
                top.put(best.home(), new Exact(best.home(), more, Math.round(delta * 100) / 100.0));
                left.remove(best.home());
            }
        }
        return top;
    }

    /** The exact figures of one home's extra place. */
    private static Exact exactFor(
            ExchangeDataset dataset, ExactOptimum.Result optimum, int placed, CapacityOption option) {
        for (int more = 1; more >= 0; more--) {
            try {
                ExactOptimum.OnePlaceMore best = ExactOptimum.solveWithOnePlaceMore(
                        dataset, POLICY, PROOF, placed + more, optimum.assignment(), WORKERS, Set.of(option.homeId()));
                assertThat(best.result().optimal()).isTrue();
                return new Exact(
                        option.homeId(),
                        more,
                        Math.round((best.result().softCost() - optimum.softCost()) * 100) / 100.0);
            } catch (IllegalStateException noAssignment) {
                assertThat(noAssignment.getMessage()).contains("INFEASIBLE");
            }
        }
        throw new AssertionError("no assignment at the optimum's own count");
    }

    static List<String> ids(List<CapacityOption> options) {
        return new ArrayList<>(options.stream().map(CapacityOption::homeId).toList());
    }
}
