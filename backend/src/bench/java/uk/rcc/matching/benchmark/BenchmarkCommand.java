package uk.rcc.matching.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.HashMap;
import java.util.IntSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import uk.rcc.cli.CommandLine;
import uk.rcc.cli.Options;
import uk.rcc.demo.DemoCooperativeGenerator;
import uk.rcc.demo.DemoCooperativeGenerator.Scope;
import uk.rcc.demo.DemoCooperativeGenerator.Spec;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.matching.PolicyCost;
import uk.rcc.matching.SolverRunEngine;
import uk.rcc.matching.policy.MatchingPolicy;
import uk.rcc.matching.runs.MatchingEngine;

/**
 * {@code bench [--sizes 100,1000,10000,national] [--seconds 60] [--config FILE] [--out FILE]}: solves generated
 * co-operatives and reports solution quality beside time, against today's practice and, for the smaller sizes, a
 * lower bound on the optimum. Writes a Markdown results file with the machine and date.
 */
public final class BenchmarkCommand {
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);
    private static final int LOWER_BOUND_MAX_PLANNED = 2_000;

    private BenchmarkCommand() {}

    record Row(
            String size,
            int homes,
            int children,
            PolicyCost solver,
            PolicyCost practice,
            Double lowerBound,
            double solveSeconds,
            double practiceSeconds,
            String score,
            ExactOptimum.Result exact,
            PolicyCost optimum,
            List<Repeat> repeats,
            String exactFailure,
            GroupLagrangianBound.Result groupBound) {}

    /** A further solve of the same size (with {@code --runs}): runs differ, since the search follows the clock. */
    record Repeat(PolicyCost solver, double seconds, String score) {}

    static final String USAGE = """
            Usage: bench [OPTIONS]   (mvn -B -q -pl backend exec:java@bench -Dbench.args="bench ...")

              --sizes 100,1000,10000,national  matching sizes to solve (planned children), or none; CHILDREN/HOMES
                                               (e.g. 4000/3600) sets both counts
              --seconds N                      solver time limit per size (60)
              --runs N                         solves per size, each reported, with their spread (1)
              --exact-seconds N                CP-SAT time limit for sizes up to 2,000 planned children (300; 0 skips)
              --exact-workers N                CP-SAT workers (2; larger portfolios add bound-raising workers)
              --bound-seconds N                the sibling-aware (Lagrangian) lower bound's time (120; 0 skips)
              --config FILE                    solver configuration (interactive-solver.xml)
              --shortlist-calls N              timed shortlist calls (2000; 0 skips the shortlist part)
              --shortlist-warmup N             untimed shortlist calls first (200)
              --shortlist-k N                  homes per shortlist (10, as the child page asks)
              --shortlist-homes N              homes in the shortlist's co-operative (5000, as the load test)
              --shortlist-children N           children in the shortlist's co-operative (2000, as the load test)
              --out FILE                       also write the Markdown report to FILE
            """;

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(USAGE);
            return CommandLine.OK;
        }
        Options options;
        int seconds;
        int exactSeconds;
        int exactWorkers;
        int boundSeconds;
        int runs;
        int shortlistCalls;
        int shortlistWarmup;
        int shortlistK;
        int shortlistHomes;
        int shortlistChildren;
        Map<String, Spec> sizes = new LinkedHashMap<>();
        try {
            options = Options.parse(
                    args,
                    Set.of(
                            "sizes",
                            "seconds",
                            "config",
                            "out",
                            "exact-seconds",
                            "exact-workers",
                            "bound-seconds",
                            "runs",
                            "shortlist-calls",
                            "shortlist-warmup",
                            "shortlist-k",
                            "shortlist-homes",
                            "shortlist-children"));
            seconds = options.intValue("seconds", 60);
            exactSeconds = options.intValue("exact-seconds", 300);
            exactWorkers = options.intValue("exact-workers", ExactOptimum.DEFAULT_WORKERS);
            if (exactWorkers < 1) {
                // CP-SAT reads 0 as "as many as it likes", which would make the figures depend on the machine
                throw new IllegalArgumentException("--exact-workers must be at least 1, not " + exactWorkers);
            }
            boundSeconds = options.intValue("bound-seconds", 120);
            runs = options.intValue("runs", 1);
            if (runs < 1) {
                throw new IllegalArgumentException("--runs must be at least 1, not " + runs);
            }
            shortlistCalls = options.intValue("shortlist-calls", 2_000);
            shortlistWarmup = options.intValue("shortlist-warmup", 200);
            shortlistK = options.intValue("shortlist-k", 10);
            shortlistHomes = options.intValue("shortlist-homes", 5_000);
            shortlistChildren = options.intValue("shortlist-children", 2_000);
            String list = options.get("sizes").orElse("100,1000,10000,national").trim();
            for (String size : list.equals("none") ? new String[0] : list.split(",")) {
                sizes.put(size.trim(), spec(size.trim()));
            }
        } catch (IllegalArgumentException e) {
            err.println("bench: " + e.getMessage());
            err.print(USAGE);
            return CommandLine.USAGE;
        }
        double loadAverage = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        String config = options.get("config").orElse("interactive-solver.xml");
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Spec> size : sizes.entrySet()) {
            Spec spec = size.getValue();
            out.printf(
                    "Solving %s (%d children, %d homes) for up to %d s ...%n",
                    size.getKey(), spec.children(), spec.homes(), seconds);
            rows.add(measure(size.getKey(), spec, seconds, config, exactSeconds, exactWorkers, boundSeconds, runs));
            out.println(line(rows.get(rows.size() - 1)));
            rows.get(rows.size() - 1).repeats().forEach(repeat -> out.println(repeatLine(repeat)));
        }
        ShortlistBenchmark.Result shortlist = null;
        if (shortlistCalls > 0) {
            out.printf(
                    "Shortlists (K = %d) over %d homes, %d children: %d warm-up calls, %d timed ...%n",
                    shortlistK, shortlistHomes, shortlistChildren, shortlistWarmup, shortlistCalls);
            shortlist = ShortlistBenchmark.measure(
                    shortlistRegistry(shortlistChildren, shortlistHomes),
                    shortlistK,
                    shortlistWarmup,
                    shortlistCalls,
                    SHORTLIST_SEED);
            out.println(ShortlistBenchmark.line(shortlist));
        }
        String arguments = String.join(" ", args);
        StringBuilder report = new StringBuilder();
        if (!rows.isEmpty()) {
            report.append(report(rows, seconds, config, arguments));
        }
        if (shortlist != null) {
            report.append(report.length() == 0 ? "" : "\n").append(shortlistReport(shortlist, arguments, loadAverage));
        }
        out.println(report);
        options.get("out").ifPresent(file -> write(Path.of(file), report.toString()));
        return CommandLine.OK;
    }

    /** Seeds the children drawn for shortlists (the co-operative itself uses the demo's seed, 42). */
    static final long SHORTLIST_SEED = 903;

    /** The load test's demo co-operative (seed 42), as of the benchmark's date, in memory as the service holds it. */
    static ShortlistBenchmark.Registry shortlistRegistry(int children, int homes) {
        ExchangeDataset dataset = DemoCooperativeGenerator.generate(Spec.demo(children, homes, 42, AS_OF));
        return new ShortlistBenchmark.Registry(dataset, MatchingPolicy.reference());
    }

    static String shortlistReport(ShortlistBenchmark.Result result, String arguments, double loadAverage) {
        return ShortlistBenchmark.table(result)
                + machine(arguments)
                + String.format(Locale.ROOT, " Load average (1 min) at start: %.2f.%n", loadAverage);
    }

    /**
     * A size names the planned children wanted: about a third of all children await (with those sent on, about
     * 1.28 planned per name), homes 1.5 per name; {@code CHILDREN/HOMES} gives both counts (4000/3600: about 1,500
     * planned children and 3,600 homes, a large co-operative where most waiting children can be placed).
     */
    public static Spec spec(String size) {
        try {
            return parseSpec(size);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "size '" + size + "' is not a number of planned children, CHILDREN/HOMES or national");
        }
    }

    private static Spec parseSpec(String size) {
        if (size.equals("national")) {
            return new Spec(80_000, 50_000, 0.03, 0.0, Scope.NATIONAL, 2026, AS_OF);
        }
        int slash = size.indexOf('/');
        if (slash > 0) {
            int children = Integer.parseInt(size.substring(0, slash));
            int homes = Integer.parseInt(size.substring(slash + 1));
            return new Spec(children, homes, 0.33, 0.0, Scope.NORTHERN, 2026 + children + homes, AS_OF);
        }
        int planned = Integer.parseInt(size);
        return new Spec(planned * 3, planned * 3 / 2, 0.33, 0.0, Scope.NORTHERN, 2026 + planned, AS_OF);
    }

    private static Row measure(
            String size,
            Spec spec,
            int seconds,
            String config,
            int exactSeconds,
            int exactWorkers,
            int boundSeconds,
            int runs) {
        ExchangeDataset dataset = DemoCooperativeGenerator.generate(spec);
        MatchingPolicy policy = MatchingPolicy.reference();
        long start = System.nanoTime();
        MatchingEngine.Outcome outcome = solve(dataset, config, seconds);
        double solveSeconds = (System.nanoTime() - start) / 1e9;
        Map<String, String> proposed = proposed(outcome);
        PolicyCost solver = PolicyCost.of(dataset, proposed, policy);
        List<Repeat> repeats = new ArrayList<>();
        for (int run = 2; run <= runs; run++) {
            long repeatStart = System.nanoTime();
            MatchingEngine.Outcome repeat = solve(dataset, config, seconds);
            repeats.add(new Repeat(
                    PolicyCost.of(dataset, proposed(repeat), policy),
                    (System.nanoTime() - repeatStart) / 1e9,
                    repeat.score()));
        }
        long practiceStart = System.nanoTime();
        PolicyCost practice = PolicyCost.of(dataset, TodaysPractice.assign(dataset), policy);
        double practiceSeconds = (System.nanoTime() - practiceStart) / 1e9;
        Double bound = null;
        ExactOptimum.Result exact = null;
        PolicyCost optimum = null;
        String exactFailure = null;
        GroupLagrangianBound.Result groupBound = null;
        if (solver.planned() <= LOWER_BOUND_MAX_PLANNED) {
            double[] costs = FlowLowerBound.costByPlacedCount(dataset, policy);
            bound = solver.placed() < costs.length ? costs[solver.placed()] : null;
            if (exactSeconds > 0) {
                // at the solver's own placed count (the policy's comparison), starting CP-SAT from the solver's answer
                try {
                    exact = ExactOptimum.solveAtPlacedCount(
                            dataset, policy, Duration.ofSeconds(exactSeconds), solver.placed(), proposed, exactWorkers);
                    optimum = PolicyCost.of(dataset, exact.assignment(), policy);
                } catch (IllegalStateException none) {
                    // the flow bound still stands; the report says CP-SAT ended without an answer
                    exactFailure = none.getMessage() + " within " + exactSeconds + " s";
                }
            }
            if (boundSeconds > 0) {
                double known = optimum != null && optimum.placed() == solver.placed()
                        ? Math.min(optimum.softCost(), solver.softCost())
                        : solver.softCost();
                groupBound = GroupLagrangianBound.atPlacedCount(
                        dataset, policy, solver.placed(), known, Duration.ofSeconds(boundSeconds));
            }
        }
        return new Row(
                size,
                spec.homes(),
                spec.children(),
                solver,
                practice,
                bound,
                solveSeconds,
                practiceSeconds,
                outcome.score(),
                exact,
                optimum,
                repeats,
                exactFailure,
                groupBound);
    }

    public static MatchingEngine.Outcome solve(ExchangeDataset dataset, String config, int seconds) {
        try {
            return new SolverRunEngine("")
                    .start(
                            new MatchingEngine.MatchRequest(dataset, Map.of(), config, Duration.ofSeconds(seconds)),
                            progress -> {})
                    .await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> proposed(MatchingEngine.Outcome outcome) {
        Map<String, String> proposed = new HashMap<>();
        outcome.proposals().stream()
                .filter(p -> p.homeId() != null)
                .forEach(p -> proposed.put(p.childId(), p.homeId()));
        return proposed;
    }

    private static String repeatLine(Repeat repeat) {
        return String.format(
                Locale.ROOT,
                "  solver again: %d/%d placed, soft %.1f, %d hard broken, %.1f s",
                repeat.solver().placed(),
                repeat.solver().planned(),
                repeat.solver().softCost(),
                repeat.solver().hardBroken(),
                repeat.seconds());
    }

    private static String line(Row row) {
        return String.format(
                Locale.ROOT,
                "  solver: %d/%d placed, soft %.1f, %d hard broken, %.1f s; today's "
                        + "practice: %d placed, soft %.1f%s%s",
                row.solver().placed(),
                row.solver().planned(),
                row.solver().softCost(),
                row.solver().hardBroken(),
                row.solveSeconds(),
                row.practice().placed(),
                row.practice().softCost(),
                row.lowerBound() == null
                        ? ""
                        : String.format(Locale.ROOT, "; flow bound %.1f (gap %.2f%%)", row.lowerBound(), gap(row))
                                + groupLine(row),
                row.exact() == null
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                "; CP-SAT %s %d placed, soft %.1f, %d hard " + "broken, %.0f s (gap %s)",
                                row.exact().optimal() ? "optimum" : "best",
                                row.optimum().placed(),
                                row.optimum().softCost(),
                                row.optimum().hardBroken(),
                                row.exact().seconds(),
                                exactGap(row)));
    }

    private static String groupLine(Row row) {
        GroupLagrangianBound.Result bound = row.groupBound();
        return bound == null
                ? ""
                : String.format(
                        Locale.ROOT,
                        "; group bound %.1f (gap %s; %d iterations, %.0f s)",
                        bound.bound(),
                        groupGap(row, row.solver()),
                        bound.iterations(),
                        bound.seconds());
    }

    /** The solver's soft cost against the sibling-aware bound at its own placed count. */
    private static String groupGap(Row row, PolicyCost solver) {
        GroupLagrangianBound.Result bound = row.groupBound();
        if (bound == null || solver.placed() != row.solver().placed() || bound.bound() <= 0) {
            return "n/a";
        }
        return String.format(
                Locale.ROOT,
                "%.2f%% (bound %.1f)",
                100 * (solver.softCost() - bound.bound()) / bound.bound(),
                bound.bound());
    }

    private static double gap(Row row) {
        return gap(row, row.solver());
    }

    private static double gap(Row row, PolicyCost solver) {
        return row.lowerBound() == null || row.lowerBound() == 0
                ? Double.NaN
                : 100 * (solver.softCost() - row.lowerBound()) / row.lowerBound();
    }

    private static String flowGap(Row row, PolicyCost solver) {
        return row.lowerBound() == null
                ? "n/a"
                : String.format(Locale.ROOT, "%.2f%% (bound %.1f)", gap(row, solver), row.lowerBound());
    }

    static String report(List<Row> rows, int seconds, String config, String arguments) {
        StringBuilder md = new StringBuilder();
        md.append("| size | children / homes | who | planned | placed | unplaced | hard broken | soft cost | gap to "
                + "optimum (CP-SAT) | gap to flow bound | gap to group bound | within 20 miles | outside council | sibling groups split | mean km to school | "
                + "weekly cost £ | time s |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            md.append(row(
                    row,
                    row.repeats().isEmpty() ? "solver" : "solver, run 1",
                    row.solver(),
                    row.solveSeconds(),
                    exactGap(row),
                    flowGap(row, row.solver()),
                    groupGap(row, row.solver())));
            for (int run = 0; run < row.repeats().size(); run++) {
                Repeat repeat = row.repeats().get(run);
                md.append(row(
                        row,
                        "solver, run " + (run + 2),
                        repeat.solver(),
                        repeat.seconds(),
                        exactGap(row, repeat.solver()),
                        flowGap(row, repeat.solver()),
                        groupGap(row, repeat.solver())));
            }
            md.append(row(row, "today's practice", row.practice(), row.practiceSeconds(), "", "", ""));
            if (row.exact() != null) {
                md.append(row(
                        row,
                        row.exact().optimal() ? "exact optimum (CP-SAT)" : "CP-SAT best found (not proven)",
                        row.optimum(),
                        row.exact().seconds(),
                        String.format(
                                Locale.ROOT,
                                "bound %.1f at %d unplaced",
                                row.exact().softBoundAt(row.optimum().unplaced()),
                                row.optimum().unplaced()),
                        "",
                        ""));
            }
        }
        rows.stream()
                .filter(r -> r.exactFailure() != null)
                .forEach(r -> md.append("\nSize ")
                        .append(r.size())
                        .append(": ")
                        .append(r.exactFailure())
                        .append(".\n"));
        rows.stream()
                .filter(r -> !r.repeats().isEmpty())
                .forEach(r -> md.append('\n').append(spread(r)));
        md.append("\nSolver configuration `")
                .append(config)
                .append("`, time limit ")
                .append(seconds)
                .append(" s per size; scores: ");
        rows.forEach(r -> md.append(r.size()).append(' ').append(r.score()).append("; "));
        md.append(machine(arguments)).append('\n');
        return md.toString();
    }

    /** The machine, the date and the arguments, as one line without a line break at the end. */
    public static String machine(String arguments) {
        return "Machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB max heap, " + System.getProperty("os.name")
                + ' ' + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version") + " ("
                + ManagementFactory.getRuntimeMXBean().getVmName() + "). Date: "
                + OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS) + ". Arguments: `" + arguments + "`.";
    }

    /**
     * The solver's soft cost against the least soft cost CP-SAT proved possible with as few children unplaced; when
     * CP-SAT proved a better count, that is reported instead (placing more children comes first in the policy).
     */
    static String exactGap(Row row) {
        return exactGap(row, row.solver());
    }

    /** As {@link #exactGap(Row)} for any of the size's solver runs. */
    static String exactGap(Row row, PolicyCost solver) {
        ExactOptimum.Result exact = row.exact();
        if (exact == null) {
            return "n/a";
        }
        int unplaced = solver.unplaced();
        if (exact.unplaced() < unplaced) {
            return String.format(Locale.ROOT, "%d more unplaced than CP-SAT's", unplaced - exact.unplaced());
        }
        double bound = exact.softBoundAt(unplaced);
        if (bound <= 0) {
            return String.format(
                    Locale.ROOT,
                    "%.2f%% above CP-SAT's best; no bound proved",
                    100 * (solver.softCost() - exact.softCost()) / exact.softCost());
        }
        double gap = 100 * (solver.softCost() - bound) / bound;
        return exact.optimal() && exact.unplaced() == unplaced
                ? String.format(Locale.ROOT, "%.2f%%", gap)
                : String.format(Locale.ROOT, "at most %.2f%% (bound %.1f)", gap, bound);
    }

    /** One line on how far a size's runs spread: placed and soft cost, least, mean and most. */
    static String spread(Row row) {
        List<PolicyCost> runs = new ArrayList<>();
        runs.add(row.solver());
        row.repeats().forEach(repeat -> runs.add(repeat.solver()));
        DoubleSummaryStatistics soft =
                runs.stream().mapToDouble(PolicyCost::softCost).summaryStatistics();
        IntSummaryStatistics placed = runs.stream().mapToInt(PolicyCost::placed).summaryStatistics();
        return String.format(
                Locale.ROOT,
                "Size %s, %d runs: placed %d–%d, soft cost %.1f–%.1f (mean %.1f).%n",
                row.size(),
                runs.size(),
                placed.getMin(),
                placed.getMax(),
                soft.getMin(),
                soft.getMax(),
                soft.getAverage());
    }

    private static String row(
            Row row, String who, PolicyCost cost, double seconds, String gap, String flowGap, String groupGap) {
        return String.format(
                Locale.ROOT,
                "| %s | %d / %d | %s | %d | %d | %d | %d | %.1f | %s | %s | %s | %.1f%% | %.1f%% | "
                        + "%d | %.1f | %,.0f | %.1f |%n",
                row.size(),
                row.children(),
                row.homes(),
                who,
                cost.planned(),
                cost.placed(),
                cost.unplaced(),
                cost.hardBroken(),
                cost.softCost(),
                gap,
                flowGap,
                groupGap,
                100 * cost.within20MilesShare(),
                100 * cost.outsideCouncilShare(),
                cost.siblingGroupsSplit(),
                cost.meanKmToSchool(),
                cost.weeklyCost(),
                seconds);
    }

    private static void write(Path file, String report) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, report);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
