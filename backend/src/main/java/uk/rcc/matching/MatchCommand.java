package uk.rcc.matching;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import uk.rcc.cli.CommandLine;
import uk.rcc.cli.Options;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeFiles;
import uk.rcc.exchange.ExchangeReader;
import uk.rcc.exchange.ExchangeWriter;
import uk.rcc.exchange.InvalidDatasetException;
import uk.rcc.matching.fallback.PlacementProblem;
import uk.rcc.matching.fallback.SolverEngine;
import uk.rcc.matching.runs.MatchingEngine;

/**
 * {@code match --data DIR --out proposals.csv [--seconds N] [--config FILE]}: proposes homes for every child of
 * an exchange-format data set who awaits a placement or may move, without a database, and prints the figures.
 */
public final class MatchCommand {
    private MatchCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Options options;
        Path data;
        Path proposals;
        int seconds;
        try {
            options = Options.parse(args, Set.of("data", "out", "seconds", "config"));
            data = Path.of(options.require("data"));
            proposals = Path.of(options.require("out"));
            seconds = options.intValue("seconds", 30);
            if (seconds < 1) {
                throw new IllegalArgumentException("--seconds must be at least 1");
            }
        } catch (IllegalArgumentException e) {
            err.println("match: " + e.getMessage());
            err.println("usage: match --data DIR --out proposals.csv [--seconds N] [--config FILE]");
            return CommandLine.USAGE;
        }
        ExchangeDataset dataset;
        try {
            dataset = ExchangeReader.readDirectory(data);
        } catch (InvalidDatasetException e) {
            err.println("match: the data set is invalid; " + e.errors().size() + " error(s):");
            e.errors().forEach(error -> err.println(data.resolve(error.file()).normalize() + ":" + error.line()
                    + ": " + error.column() + ": " + error.message()));
            return CommandLine.BAD_INPUT;
        }
        String config = options.get("config").orElse("interactive-solver.xml");
        MatchingEngine.Outcome outcome;
        try {
            outcome = new SolverEngine(System.getenv().getOrDefault("RCC_SOLVER_CONFIGS", "")).start(
                    new MatchingEngine.MatchRequest(dataset, Map.of(), config, Duration.ofSeconds(seconds)),
                    progress -> { }).await();
        } catch (IllegalArgumentException e) {
            err.println("match: " + e.getMessage());
            return CommandLine.USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("match: interrupted");
            return 1;
        }
        try {
            write(proposals, outcome);
        } catch (IOException e) {
            err.println("match: cannot write " + proposals + ": " + e.getMessage());
            return 1;
        }
        printSummary(out, dataset, outcome, proposals);
        return CommandLine.OK;
    }

    static void write(Path file, MatchingEngine.Outcome outcome) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.write(file, ExchangeWriter.csv(List.of("child_id", "home_id", "cost", "explanation"),
                outcome.proposals(), p -> Arrays.asList(p.childId(), p.homeId() == null ? "" : p.homeId(),
                        p.homeId() == null ? "" : String.format(java.util.Locale.ROOT, "%.2f", p.cost()),
                        p.explanation())));
    }

    private static void printSummary(PrintStream out, ExchangeDataset dataset, MatchingEngine.Outcome outcome,
            Path proposals) {
        PlanFigures figures = PlanFigures.of(dataset, outcome);
        out.printf(java.util.Locale.ROOT, "Wrote %s (%s).%n", proposals, ExchangeFiles.PROPOSALS);
        out.printf(java.util.Locale.ROOT, "children planned: %d, placed: %d, unplaced: %d%n", outcome.planned(),
                outcome.placed(), outcome.unplaced());
        out.printf(java.util.Locale.ROOT, "score: %s (hard rules broken: %d)%n", outcome.score(), figures.hardBroken());
        out.printf(java.util.Locale.ROOT, "total soft cost: %.1f points%n", figures.softCost());
        out.printf(java.util.Locale.ROOT, "placed within 20 miles of home: %.1f%%%n", 100 * figures.within20Miles());
        out.printf(java.util.Locale.ROOT, "placed outside own council: %.1f%%%n", 100 * figures.outsideCouncil());
        out.printf(java.util.Locale.ROOT, "sibling groups split: %d%n", figures.siblingGroupsSplit());
        out.printf(java.util.Locale.ROOT, "mean km to school (or family home): %.1f%n", figures.meanKmToSchool());
    }

    /** The mission figures over the planned children the proposals place. */
    public record PlanFigures(double softCost, double within20Miles, double outsideCouncil, int siblingGroupsSplit,
            double meanKmToSchool, int hardBroken) {

        public static PlanFigures of(ExchangeDataset dataset, MatchingEngine.Outcome outcome) {
            var homes = new java.util.HashMap<String, ExchangeDataset.HomeRow>();
            dataset.homes().forEach(h -> homes.put(h.homeId(), h));
            var children = new java.util.HashMap<String, ExchangeDataset.ChildRow>();
            dataset.children().forEach(c -> children.put(c.childId(), c));
            int placed = 0;
            int within = 0;
            int outside = 0;
            double km = 0;
            for (MatchingEngine.ProposalLine line : outcome.proposals()) {
                if (line.homeId() == null) {
                    continue;
                }
                ExchangeDataset.ChildRow child = children.get(line.childId());
                ExchangeDataset.HomeRow home = homes.get(line.homeId());
                placed++;
                double fromHome = uk.rcc.matching.fallback.Candidates.kilometres(child.homeLat(), child.homeLon(),
                        home.lat(), home.lon());
                within += fromHome <= PlacementProblem.TWENTY_MILES_KM ? 1 : 0;
                outside += home.authorityCode().equals(child.authorityCode()) ? 0 : 1;
                km += child.hasSchool() ? uk.rcc.matching.fallback.Candidates.kilometres(child.schoolLat(),
                        child.schoolLon(), home.lat(), home.lon()) : fromHome;
            }
            String hard = outcome.score().substring(0, outcome.score().indexOf("hard"));
            String softPart = outcome.score().substring(outcome.score().indexOf("medium/") + 7,
                    outcome.score().indexOf("soft"));
            return new PlanFigures(-Long.parseLong(softPart) / 100.0, placed == 0 ? 0 : within / (double) placed,
                    placed == 0 ? 0 : outside / (double) placed, outcome.after().siblingGroupsSplit(),
                    placed == 0 ? 0 : km / placed, -Integer.parseInt(hard));
        }
    }
}
