package uk.rcc.matching.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import uk.rcc.cli.CommandLine;
import uk.rcc.matching.PolicyCost;

class BenchmarkCommandTest {

    private static String errorsOf(List<String> args, int expectedExit) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = BenchmarkCommand.run(
                args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(expectedExit, exit);
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void exactWorkersBelowOneIsAUsageErrorNamingTheOption() {
        String errors = errorsOf(
                List.of("--sizes", "none", "--shortlist-calls", "0", "--exact-workers", "0"), CommandLine.USAGE);

        assertTrue(errors.contains("--exact-workers must be at least 1, not 0"), errors);
        assertTrue(errors.contains("Usage:"), errors);
    }

    @Test
    void aSizeOfChildrenSlashHomesGeneratesThoseCountsWhileANumberKeepsItsShape() {
        assertEquals(3500, BenchmarkCommand.spec("3500/3600").children());
        assertEquals(3600, BenchmarkCommand.spec("3500/3600").homes());
        assertEquals(3000, BenchmarkCommand.spec("1000").children());
        assertEquals(1500, BenchmarkCommand.spec("1000").homes());
    }

    @Test
    void aSizeThatIsNotOneIsAUsageErrorNamingIt() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = BenchmarkCommand.run(
                List.of("--sizes", "100,bogus"),
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(CommandLine.USAGE, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("size 'bogus' is not a number"), err.toString());
    }

    @Test
    void runsBelowOneIsAUsageErrorNamingTheOption() {
        String errors = errorsOf(List.of("--sizes", "none", "--runs", "0"), CommandLine.USAGE);

        assertTrue(errors.contains("--runs must be at least 1, not 0"), errors);
    }

    @Test
    void eachRunOfASizeIsReportedWithItsGapToTheOptimumAndTheirSpread() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = BenchmarkCommand.run(
                List.of(
                        "--sizes",
                        "10",
                        "--seconds",
                        "1",
                        "--runs",
                        "2",
                        "--exact-seconds",
                        "10",
                        "--bound-seconds",
                        "5",
                        "--shortlist-calls",
                        "0"),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()));

        String report = out.toString(StandardCharsets.UTF_8);
        assertEquals(CommandLine.OK, exit);
        assertTrue(report.contains("  solver again: "), report);
        Matcher run2 = Pattern.compile("\\| 10 \\| 30 / 15 \\| solver, run 2 \\| \\d+ \\| (\\d+) \\| \\d+ \\| 0 \\| "
                        + "[\\d.]+ \\| ([^|]+) \\|")
                .matcher(report);
        assertTrue(run2.find(), report);
        assertTrue(report.contains("| solver, run 1 |"), report);
        assertTrue(
                run2.group(2).contains("%") || run2.group(2).contains("unplaced"),
                "run 2 has its own gap to " + "CP-SAT's answer: " + run2.group(2));
        assertTrue(report.contains("Size 10, 2 runs: placed "), report);
    }

    @Test
    void eachRunsGapToTheOptimumIsWorkedOutFromItsOwnSoftCost() {
        long unplacedWeight = 1_000_000;
        // CP-SAT proved 100.00 points the least soft cost with 2 of 10 children unplaced
        var exact = new ExactOptimum.Result(
                true, 2 * unplacedWeight + 10_000, 2 * unplacedWeight + 10_000, unplacedWeight, 1.0, 50, Map.of());
        PolicyCost first = cost(101.0);
        BenchmarkCommand.Row row = new BenchmarkCommand.Row(
                "10",
                15,
                30,
                first,
                cost(150.0),
                null,
                1.0,
                0.0,
                "",
                exact,
                cost(100.0),
                List.of(new BenchmarkCommand.Repeat(cost(102.5), 1.0, "")),
                null,
                null);

        assertEquals("1.00%", BenchmarkCommand.exactGap(row, first));
        assertEquals(
                "2.50%", BenchmarkCommand.exactGap(row, row.repeats().get(0).solver()));
    }

    @Test
    void aSizeWhereCpSatEndedWithoutAnAnswerIsReportedWithTheFlowBoundAndWhy() {
        BenchmarkCommand.Row row = new BenchmarkCommand.Row(
                "10",
                15,
                30,
                cost(101.0),
                cost(150.0),
                90.0,
                1.0,
                0.0,
                "",
                null,
                null,
                List.of(),
                "CP-SAT found no assignment placing 8: UNKNOWN within 10 s",
                new GroupLagrangianBound.Result(95.0, 40, 1.0, 3, new double[0], 0));

        String report = BenchmarkCommand.report(List.of(row), 1, "interactive-solver.xml", "--sizes 10");

        assertTrue(report.contains("| 10 | 30 / 15 | solver |"), report);
        assertTrue(report.contains("n/a | 12.22% (bound 90.0) | 6.32% (bound 95.0) |"), report);
        assertTrue(report.contains("Size 10: CP-SAT found no assignment placing 8: UNKNOWN within 10 s."), report);
    }

    private static PolicyCost cost(double soft) {
        return new PolicyCost(10, 8, 0, soft, 0.5, 0.1, 0, 5.0, 1_000);
    }

    @Test
    void exactWorkersThatIsNotANumberIsAUsageErrorNamingTheValue() {
        String errors = errorsOf(List.of("--sizes", "none", "--exact-workers", "eight"), CommandLine.USAGE);

        assertTrue(errors.contains("--exact-workers must be a whole number, not 'eight'"), errors);
    }
}
