package uk.rcc.matching.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.rcc.demo.DemoCooperativeGenerator;
import uk.rcc.demo.DemoCooperativeGenerator.Spec;
import uk.rcc.matching.policy.MatchingPolicy;

/** The shortlist part of {@code bench}: what it reports, never how fast (no timed assertions). */
class ShortlistBenchmarkTest {

    @Test
    void theShortlistPartReportsOneRowOfPercentilesWithTheCallsAndValidHomesItMeasured() {
        ShortlistBenchmark.Registry registry = new ShortlistBenchmark.Registry(
                DemoCooperativeGenerator.generate(Spec.demo(400, 300, 42, LocalDate.of(2026, 3, 31))),
                MatchingPolicy.reference());

        ShortlistBenchmark.Result result = ShortlistBenchmark.measure(registry, 10, 5, 40, 903);

        assertThat(result.calls()).isEqualTo(40);
        assertThat(result.validHomes()).hasSize(40);
        assertThat(result.homes()).isEqualTo(300);
        assertThat(result.children()).isEqualTo(400);
        assertThat(result.awaiting()).isPositive();
        assertThat(result.percentileMs(50)).isLessThanOrEqualTo(result.percentileMs(95));
        assertThat(result.percentileMs(95)).isLessThanOrEqualTo(result.percentileMs(99));
        assertThat(result.percentileMs(99)).isLessThanOrEqualTo(result.percentileMs(100));

        String report = BenchmarkCommand.shortlistReport(result, "--sizes none", 1.25);
        List<String> tableRows = report.lines().filter(l -> l.startsWith("|")).toList();
        assertThat(tableRows).hasSize(3);
        assertThat(tableRows.get(0))
                .contains("valid homes per child", "p50 ms", "p95 ms", "p99 ms", "max ms", "calls/s (1 thread)");
        assertThat(tableRows.get(2)).startsWith("| 300 / 400 | " + result.awaiting() + " | 10 | 5 | 40 | ");
        assertThat(report)
                .contains("Machine: ", "Date: ", "Arguments: `--sizes none`", "Load average (1 min) at start: 1.25.");
    }

    @Test
    void theSameSeedDrawsTheSameChildrenSoTheValidHomeCountsRepeat() {
        ShortlistBenchmark.Registry registry = new ShortlistBenchmark.Registry(
                DemoCooperativeGenerator.generate(Spec.demo(400, 300, 42, LocalDate.of(2026, 3, 31))),
                MatchingPolicy.reference());

        assertThat(ShortlistBenchmark.measure(registry, 10, 0, 30, 7).validHomes())
                .containsExactly(
                        ShortlistBenchmark.measure(registry, 10, 0, 30, 7).validHomes());
    }
}
