package uk.rcc.capacity;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import uk.rcc.cli.CommandLine;
import uk.rcc.cli.Options;
import uk.rcc.exchange.DatasetError;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeReader;
import uk.rcc.exchange.ExchangeWriter;
import uk.rcc.exchange.InvalidDatasetException;
import uk.rcc.matching.SolverConfigs;
import uk.rcc.matching.policy.MatchingPolicy;

/**
 * {@code capacity --data DIR --out capacity.csv [--seconds N] [--top N]}: where one more place, or a new home of a
 * kind, would help the data set's waiting children most, confirmed by re-solving.
 */
public final class CapacityCommand {
    static final String USAGE = "usage: capacity --data DIR --out capacity.csv [--seconds N] [--top N]";
    public static final List<String> COLUMNS = List.of(
            "rank",
            "option",
            "home_id",
            "kind",
            "lat",
            "lon",
            "min_age",
            "max_age",
            "sexes",
            "needs_met",
            "placed_delta",
            "soft_cost_delta",
            "km_delta",
            "siblings_together_delta",
            "own_council_delta");
    static final int DEFAULT_SECONDS = 60;
    static final int DEFAULT_TOP = 20;

    private CapacityCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Path data;
        Path csv;
        int seconds;
        int top;
        try {
            Options options = Options.parse(args, Set.of("data", "out", "seconds", "top"));
            data = Path.of(options.require("data"));
            csv = Path.of(options.require("out"));
            seconds = options.intValue("seconds", DEFAULT_SECONDS);
            top = options.intValue("top", DEFAULT_TOP);
            if (seconds < 1 || top < 1) {
                throw new IllegalArgumentException("--seconds and --top must be at least 1");
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return CommandLine.USAGE;
        }
        ExchangeDataset dataset;
        try {
            dataset = ExchangeReader.readDirectory(data);
        } catch (InvalidDatasetException e) {
            e.errors().stream().map(DatasetError::toString).forEach(err::println);
            return CommandLine.BAD_INPUT;
        }
        CapacityAnalysis.Report report = CapacityAnalysis.analyse(
                dataset,
                MatchingPolicy.reference(),
                SolverConfigs.fromClasspath(SolverConfigs.INTERACTIVE),
                settings(seconds, top),
                null);
        try {
            Files.write(csv, csv(report));
        } catch (IOException e) {
            err.println("cannot write " + csv + ": " + e.getMessage());
            return CommandLine.BAD_INPUT;
        }
        out.printf(
                Locale.ROOT,
                "answer measured against: %d of %d placed, soft cost %.1f%n",
                report.baseline().placed(),
                report.baseline().planned(),
                report.baseline().softCost());
        out.printf(
                Locale.ROOT,
                "%d homes screened, %d options confirmed by re-solving; %d extra places and %d new "
                        + "homes written to %s%n",
                report.homesScreened(),
                report.confirmed(),
                report.extraPlaces().size(),
                report.newHomes().size(),
                csv);
        return CommandLine.OK;
    }

    /** The co-operative's solve takes the time asked for; the confirming re-solves share as much again. */
    public static CapacityAnalysis.Settings settings(int seconds, int top) {
        return new CapacityAnalysis.Settings(Duration.ofSeconds(seconds), Duration.ofSeconds(seconds), top);
    }

    public static byte[] csv(CapacityAnalysis.Report report) {
        return ExchangeWriter.csv(COLUMNS, report.rows(), row -> {
            CapacityOption o = row.option();
            return List.of(
                    row.rank(),
                    o.option().name(),
                    o.homeId() == null ? "" : o.homeId(),
                    o.kind().name(),
                    ExchangeWriter.number(o.lat()),
                    ExchangeWriter.number(o.lon()),
                    o.minAge(),
                    o.maxAge(),
                    o.sexes().name(),
                    o.needsMet().stream().map(Enum::name).sorted().collect(java.util.stream.Collectors.joining(";")),
                    o.placedDelta(),
                    ExchangeWriter.number(o.softCostDelta()),
                    ExchangeWriter.number(o.kmDelta()),
                    o.siblingsTogetherDelta(),
                    o.ownCouncilDelta());
        });
    }
}
