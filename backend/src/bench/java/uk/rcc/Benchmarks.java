package uk.rcc;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.Arrays;
import java.util.List;
import org.slf4j.LoggerFactory;
import uk.rcc.capacity.benchmark.CapacityBenchmark;
import uk.rcc.cli.CommandLine;
import uk.rcc.matching.benchmark.BenchmarkCommand;
import uk.rcc.sufficiency.benchmark.ForecastBenchmark;
import uk.rcc.sufficiency.benchmark.ReportRenderBenchmark;

/**
 * The benchmarks, kept out of the service's jar with the exact solvers they need (OR-Tools CP-SAT): {@code bench}
 * (matching, and shortlist latency), {@code bench-capacity}, {@code bench-forecast} and {@code bench-report} (the report in
 * a browser). Run through Maven (see docs/benchmark.md):
 * {@code mvn -B -q -DskipTests install && mvn -B -q -pl backend exec:java@bench -Dbench.args="bench --sizes 1000"}.
 */
public final class Benchmarks {
    private static final String USAGE = """
            Usage: bench [--sizes 100,1000,10000,national|none] [--seconds N] [--shortlist-calls N] [--out FILE]
                       the matching benchmark: solver against today's practice, a lower bound and CP-SAT's optimum,
                       and shortlist latency for one child over 5,000 homes (bench --help)
                   bench-capacity [--size 1000|national] [--seconds N] [--top N] [--out FILE]
                       the capacity tool: its top extra places against CP-SAT's, or the national set timed
                       (bench-capacity --help)
                   bench-forecast [--runs N] [--origins N] [--seeds N] [--out FILE]
                       the forecast benchmark: backtest accuracy and coverage on generated and external SSDA903
                       returns (bench-forecast --help)
                   bench-report [--loads 10] [--no-matching] [--out FILE]
                       the sufficiency report of the four-council demo run in headless Chromium: time until every
                       chart is drawn, server response, HTML size
            """;

    private Benchmarks() {}

    public static void main(String[] args) {
        List<String> arguments = Arrays.asList(args);
        System.exit(run(arguments));
    }

    static int run(List<String> arguments) {
        String command = arguments.isEmpty() ? "" : arguments.get(0);
        List<String> options = arguments.isEmpty() ? arguments : arguments.subList(1, arguments.size());
        level(Logger.ROOT_LOGGER_NAME, Level.WARN);
        switch (command) {
            case "bench" -> {
                // each solve's phases, its best score once a second and the search's move rate belong in a benchmark
                level("uk.rcc.matching", Level.INFO);
                level("uk.rcc.matching.progress", Level.DEBUG);
                level("org.optaplanner.core.impl.localsearch", Level.INFO);
                return BenchmarkCommand.run(options, System.out, System.err);
            }
            case "bench-capacity" -> {
                level("uk.rcc.capacity", Level.INFO);
                level("uk.rcc.matching", Level.INFO);
                return CapacityBenchmark.run(options, System.out, System.err);
            }
            case "bench-forecast" -> {
                return ForecastBenchmark.run(options, System.out, System.err);
            }
            case "bench-report" -> {
                return ReportRenderBenchmark.run(options, System.out, System.err);
            }
            default -> {
                System.err.print(USAGE);
                return CommandLine.USAGE;
            }
        }
    }

    private static void level(String logger, Level level) {
        if (LoggerFactory.getLogger(logger) instanceof Logger configurable) {
            configurable.setLevel(level);
        }
    }
}
