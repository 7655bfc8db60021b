package uk.rcc.matching;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.optaplanner.core.config.solver.SolverConfig;
import uk.rcc.cli.CommandLine;
import uk.rcc.cli.Options;
import uk.rcc.exchange.DatasetError;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeReader;
import uk.rcc.exchange.ExchangeWriter;
import uk.rcc.exchange.InvalidDatasetException;
import uk.rcc.matching.policy.MatchingPolicy;

/** {@code match --data DIR --out proposals.csv [--seconds N] [--config FILE]}: headless matching of a data set. */
public final class MatchCommand {
    static final String USAGE = "usage: match --data DIR --out proposals.csv [--seconds N] [--config FILE]";
    static final List<String> PROPOSAL_COLUMNS = List.of("child_id", "home_id", "cost", "explanation");

    private MatchCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Options options;
        Path data;
        Path proposals;
        SolverConfig config;
        try {
            options = Options.parse(args, Set.of("data", "out", "seconds", "config"));
            data = Path.of(options.require("data"));
            proposals = Path.of(options.require("out"));
            config = options.get("config")
                    .map(f -> SolverConfigs.fromFile(Path.of(f)))
                    .orElseGet(() -> SolverConfigs.fromClasspath(SolverConfigs.INTERACTIVE));
            int seconds = options.intValue("seconds", -1);
            if (options.get("seconds").isPresent()) {
                if (seconds < 1) {
                    throw new IllegalArgumentException("--seconds must be at least 1");
                }
                config = SolverConfigs.withTimeLimit(config, Duration.ofSeconds(seconds));
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
        MatchResult result = new Matcher(config).match(dataset, MatchingPolicy.reference());
        try {
            Files.write(proposals, proposalsCsv(result));
        } catch (IOException e) {
            err.println("cannot write " + proposals + ": " + e.getMessage());
            return CommandLine.BAD_INPUT;
        }
        result.summaryLines().forEach(out::println);
        return CommandLine.OK;
    }

    static byte[] proposalsCsv(MatchResult result) {
        return ExchangeWriter.csv(
                PROPOSAL_COLUMNS,
                result.outcomes(),
                o -> List.of(
                        o.childId(),
                        o.placed() ? o.homeId() : "",
                        o.placed() ? ExchangeWriter.number(o.cost()) : "",
                        o.explanation()));
    }
}
