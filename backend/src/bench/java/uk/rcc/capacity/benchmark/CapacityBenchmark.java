package uk.rcc.capacity.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import uk.rcc.capacity.CapacityAnalysis;
import uk.rcc.capacity.CapacityCommand;
import uk.rcc.capacity.CapacityOption;
import uk.rcc.cli.CommandLine;
import uk.rcc.cli.Options;
import uk.rcc.demo.DemoCooperativeGenerator;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeDataset.HomeRow;
import uk.rcc.matching.PolicyCost;
import uk.rcc.matching.SolverConfigs;
import uk.rcc.matching.benchmark.BenchmarkCommand;
import uk.rcc.matching.benchmark.ExactOptimum;
import uk.rcc.matching.benchmark.FlowLowerBound;
import uk.rcc.matching.policy.MatchingPolicy;

/**
 * {@code bench-capacity}: the capacity tool measured. At a size up to a few thousand planned children, its top
 * {@code EXTRA_PLACE} options against CP-SAT ({@link ExactOptimum}), both measured from CP-SAT's answer: the exact
 * top ten found by asking CP-SAT, again and again, for the best home among all those not yet found to take one
 * place more (so every home is considered, and a proven answer bounds all the others), and the exact figure of each
 * of the tool's rows. At national scale, the {@code capacity} command's own code path over the generated set, timed
 * (wall and CPU).
 */
public final class CapacityBenchmark {
    static final String USAGE = """
            Usage: bench-capacity [OPTIONS]   (mvn -B -q -pl backend exec:java@bench -Dbench.args="bench-capacity ...")

              --size 1000|CHILDREN/HOMES|national  the generated co-operative, as bench names it (1000)
              --seconds N          national: the capacity command's --seconds; otherwise the solver's answer CP-SAT
                                   starts from (60)
              --top N              options per kind (10)
              --exact-seconds N    CP-SAT's answer the options are measured against (300)
              --resolve-seconds N  each exact re-solve with a place more (30)
              --exact-top N        homes in the exact top list (10)
              --confirm-seconds N  the tool's confirming re-solves, shared (30)
              --workers N          CP-SAT workers (2)
              --csv FILE           also write the tool's rows as the capacity command does
              --out FILE           also write the Markdown report to FILE
            """;

    private static final MatchingPolicy POLICY = MatchingPolicy.reference();
    private static final int EXACT_TOP = 10;

    private CapacityBenchmark() {}

    /** One home's extra place as CP-SAT found it, from CP-SAT's answer; the soft delta is NaN when it found none. */
    record Exact(String home, int placedDelta, double softCostDelta, boolean proven, double seconds, String note) {
        boolean known() {
            return !Double.isNaN(softCostDelta);
        }

        String figures() {
            return known()
                    ? String.format(Locale.ROOT, "%+d / %.2f", placedDelta, softCostDelta)
                    : "none found (" + note + ")";
        }
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(USAGE);
            return CommandLine.OK;
        }
        Options options;
        try {
            options = Options.parse(
                    args,
                    Set.of(
                            "size",
                            "seconds",
                            "top",
                            "exact-seconds",
                            "resolve-seconds",
                            "exact-top",
                            "confirm-seconds",
                            "workers",
                            "csv",
                            "out"));
            if (options.intValue("workers", ExactOptimum.DEFAULT_WORKERS) < 1) {
                throw new IllegalArgumentException("--workers must be at least 1");
            }
            for (String number :
                    List.of("seconds", "top", "exact-seconds", "resolve-seconds", "exact-top", "confirm-seconds")) {
                options.intValue(number, 0);
            }
            BenchmarkCommand.spec(options.get("size").orElse("1000"));
        } catch (IllegalArgumentException e) {
            err.println("bench-capacity: " + e.getMessage());
            err.print(USAGE);
            return CommandLine.USAGE;
        }
        String size = options.get("size").orElse("1000");
        String report = size.equals("national") ? national(options, out) : againstExact(size, options, out);
        String arguments = String.join(" ", args);
        String full = report
                + BenchmarkCommand.machine(arguments)
                + String.format(Locale.ROOT, " Load average (1 min) at the end: %.2f.%n", loadAverage());
        out.println(full);
        options.get("out").ifPresent(file -> write(Path.of(file), full.getBytes()));
        return CommandLine.OK;
    }

    /** The capacity command's code path (its settings, its solver configuration, its CSV) over the national set. */
    private static String national(Options options, PrintStream out) {
        int seconds = options.intValue("seconds", 60);
        int top = options.intValue("top", 20);
        double loadAtStart = loadAverage();
        long generating = System.nanoTime();
        ExchangeDataset dataset = DemoCooperativeGenerator.generate(BenchmarkCommand.spec("national"));
        double generated = (System.nanoTime() - generating) / 1e9;
        out.printf("national set generated in %.1f s; capacity --seconds %d --top %d ...%n", generated, seconds, top);
        long wallStart = System.nanoTime();
        long cpuStart = processCpuNanos();
        CapacityAnalysis.Report report = CapacityAnalysis.analyse(
                dataset,
                POLICY,
                SolverConfigs.fromClasspath(SolverConfigs.INTERACTIVE),
                CapacityCommand.settings(seconds, top),
                null);
        byte[] csv = CapacityCommand.csv(report);
        double wall = (System.nanoTime() - wallStart) / 1e9;
        double cpu = (processCpuNanos() - cpuStart) / 1e9;
        options.get("csv").ifPresent(file -> write(Path.of(file), csv));
        StringBuilder md = new StringBuilder();
        md.append(String.format(
                Locale.ROOT,
                "| set | children / homes | planned | answer placed | answer soft cost | homes screened | options "
                        + "confirmed | extra places | new homes | wall s | CPU s | load average at start |%n"
                        + "|---|---|---|---|---|---|---|---|---|---|---|---|%n"
                        + "| national | %d / %d | %d | %d | %.1f | %d | %d | %d | %d | %.1f | %.1f | %.2f |%n%n",
                dataset.children().size(),
                dataset.homes().size(),
                report.baseline().planned(),
                report.baseline().placed(),
                report.baseline().softCost(),
                report.homesScreened(),
                report.confirmed(),
                report.extraPlaces().size(),
                report.newHomes().size(),
                wall,
                cpu,
                loadAtStart));
        md.append(String.format(
                Locale.ROOT,
                "Generating the set (not part of the command, which reads it from files): %.1f s. Best options:%n%n",
                generated));
        md.append(optionTable(report.rows().stream().limit(5).toList()));
        report.rows().stream()
                .filter(r -> r.option().option() == CapacityOption.Kind.NEW_HOME && r.rank() == 1)
                .forEach(r -> md.append(optionRow(r)));
        return md.append('\n').toString();
    }

    private static String againstExact(String size, Options options, PrintStream out) {
        int seconds = options.intValue("seconds", 60);
        int top = options.intValue("top", EXACT_TOP);
        Duration exactLimit = Duration.ofSeconds(options.intValue("exact-seconds", 300));
        Duration resolve = Duration.ofSeconds(options.intValue("resolve-seconds", 30));
        int workers = options.intValue("workers", ExactOptimum.DEFAULT_WORKERS);
        double loadAtStart = loadAverage();
        ExchangeDataset dataset = DemoCooperativeGenerator.generate(BenchmarkCommand.spec(size));
        out.printf(
                "Solving %s for %d s, then CP-SAT at its placed count for up to %s ...%n", size, seconds, exactLimit);
        Map<String, String> solver =
                BenchmarkCommand.proposed(BenchmarkCommand.solve(dataset, "interactive-solver.xml", seconds));
        int placed = PolicyCost.of(dataset, solver, POLICY).placed();
        Map<String, String> from = solver;
        String fromWhom;
        try {
            ExactOptimum.Result optimum =
                    ExactOptimum.solveAtPlacedCount(dataset, POLICY, exactLimit, placed, solver, workers);
            from = optimum.assignment();
            fromWhom = String.format(
                    Locale.ROOT,
                    "CP-SAT at the solver's placed count (%s; bound %.1f; %.0f s)",
                    optimum.optimal() ? "proven optimal" : "not proven optimal",
                    optimum.softBoundAt(optimum.unplaced()),
                    optimum.seconds());
        } catch (IllegalStateException none) {
            // measured from the solver's answer instead, and said so
            fromWhom = "the solver's answer (" + none.getMessage() + " within " + exactLimit.toSeconds() + " s)";
        }
        PolicyCost answer = PolicyCost.of(dataset, from, POLICY);
        out.printf(
                Locale.ROOT,
                "From %s: %d placed, soft %.1f; the tool from there ...%n",
                fromWhom,
                answer.placed(),
                answer.softCost());
        long toolStart = System.nanoTime();
        CapacityAnalysis.Report report = CapacityAnalysis.analyse(
                dataset,
                POLICY,
                SolverConfigs.fromClasspath(SolverConfigs.INTERACTIVE),
                new CapacityAnalysis.Settings(
                        Duration.ofSeconds(seconds), Duration.ofSeconds(options.intValue("confirm-seconds", 30)), top),
                from);
        double toolSeconds = (System.nanoTime() - toolStart) / 1e9;
        Exacts exacts = new Exacts(dataset, answer, from, resolve, workers, out);
        Map<String, Exact> exactTop = exacts.top(options.intValue("exact-top", EXACT_TOP));
        List<Exact> ofClaims = new ArrayList<>();
        for (CapacityOption claim : report.extraPlaces()) {
            ofClaims.add(
                    exactTop.containsKey(claim.homeId()) ? exactTop.get(claim.homeId()) : exacts.of(claim.homeId()));
        }
        return againstExactReport(
                size, dataset, answer, fromWhom, report, toolSeconds, exactTop, ofClaims, exacts.stops, loadAtStart);
    }

    /** CP-SAT's figures for one place more, all measured from the same answer. */
    private static final class Exacts {
        private final ExchangeDataset dataset;
        private final PolicyCost answer;
        private final Map<String, String> hint;
        private final Duration limit;
        private final int workers;
        private final PrintStream out;
        private final Map<String, HomeRow> rows = new LinkedHashMap<>();
        /** Notes on the searches for the next best home that ended without one. */
        final List<String> stops = new ArrayList<>();

        Exacts(
                ExchangeDataset dataset,
                PolicyCost answer,
                Map<String, String> hint,
                Duration limit,
                int workers,
                PrintStream out) {
            this.dataset = dataset;
            this.answer = answer;
            this.hint = hint;
            this.limit = limit;
            this.workers = workers;
            this.out = out;
            dataset.homes().forEach(home -> rows.put(home.homeId(), home));
        }

        /**
         * The best homes, each CP-SAT's best among all homes not yet found: first those placing a child more, then
         * those lowering the soft cost at the same count.
         */
        Map<String, Exact> top(int count) {
            Map<String, Exact> top = new LinkedHashMap<>();
            Set<String> left = new HashSet<>(rows.keySet());
            for (int more = 1; more >= 0 && top.size() < count; more--) {
                while (top.size() < count) {
                    if (more == 1 && !flowPlacesMore(left)) {
                        stops.add("no home left lets a child more be placed (flow bound)");
                        break;
                    }
                    ExactOptimum.OnePlaceMore best;
                    try {
                        best = ExactOptimum.solveWithOnePlaceMore(
                                dataset, POLICY, limit, answer.placed() + more, hint, workers, left);
                    } catch (IllegalStateException none) {
                        stops.add("+" + more + " placed: " + none.getMessage());
                        break;
                    }
                    double delta = best.result().softCost() - answer.softCost();
                    if (best.home() == null || more == 0 && delta > -0.005) {
                        stops.add("+" + more + " placed: no further home helps in CP-SAT's best ("
                                + (best.result().optimal() ? "proven" : "not proven") + ")");
                        break;
                    }
                    Exact exact = new Exact(
                            best.home(),
                            more,
                            round(delta),
                            best.result().optimal(),
                            best.result().seconds(),
                            "best of " + left.size() + " homes left; bound "
                                    + round(best.result().softBoundAt(unplaced(more)) - answer.softCost()));
                    out.println("  exact #" + (top.size() + 1) + ": " + exact);
                    top.put(best.home(), exact);
                    left.remove(best.home());
                }
            }
            return top;
        }

        /** One home's extra place. */
        Exact of(String home) {
            for (int more = 1; more >= 0; more--) {
                if (more == 1 && !flowPlacesMore(Set.of(home))) {
                    continue;
                }
                try {
                    ExactOptimum.OnePlaceMore best = ExactOptimum.solveWithOnePlaceMore(
                            dataset, POLICY, limit, answer.placed() + more, hint, workers, Set.of(home));
                    Exact exact = new Exact(
                            home,
                            more,
                            round(best.result().softCost() - answer.softCost()),
                            best.result().optimal(),
                            best.result().seconds(),
                            "this home alone");
                    out.println("  exact for the tool's " + exact);
                    return exact;
                } catch (IllegalStateException none) {
                    if (!none.getMessage().contains("INFEASIBLE")) {
                        return new Exact(home, more, Double.NaN, false, limit.toSeconds(), none.getMessage());
                    }
                }
            }
            return new Exact(home, 0, 0, false, 0, "no assignment at the answer's own count");
        }

        /** Whether the flow bound, with one place more in every home given, places a child more (else none can). */
        private boolean flowPlacesMore(Set<String> homes) {
            List<HomeRow> widened = new ArrayList<>();
            for (HomeRow home : dataset.homes()) {
                widened.add(homes.contains(home.homeId()) ? home.withPlaces(home.places() + 1) : home);
            }
            ExchangeDataset more = new ExchangeDataset(
                    dataset.asOf(),
                    dataset.name(),
                    dataset.authorities(),
                    widened,
                    dataset.children(),
                    dataset.avoidZones(),
                    dataset.keyPlaces());
            return FlowLowerBound.costByPlacedCount(more, POLICY).length > answer.placed() + 1;
        }

        private int unplaced(int more) {
            return answer.unplaced() - more;
        }
    }

    private static String againstExactReport(
            String size,
            ExchangeDataset dataset,
            PolicyCost answer,
            String fromWhom,
            CapacityAnalysis.Report report,
            double toolSeconds,
            Map<String, Exact> exactTop,
            List<Exact> ofClaims,
            List<String> stops,
            double loadAtStart) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(
                Locale.ROOT,
                "Size %s (%d children, %d homes, %d planned). Answer measured from: %s, %d placed, soft %.1f. "
                        + "The tool's own baseline after its polish: %d placed, soft %.1f. The tool took %.1f s. Load "
                        + "average (1 min) at start: %.2f.%n%n",
                size,
                dataset.children().size(),
                dataset.homes().size(),
                answer.planned(),
                fromWhom,
                answer.placed(),
                answer.softCost(),
                report.baseline().placed(),
                report.baseline().softCost(),
                toolSeconds,
                loadAtStart));
        md.append(
                "Exact top list (CP-SAT's best home among all not yet found):\n\n"
                        + "| rank | home | placed delta | soft cost delta | proven | s | note |\n|---|---|---|---|---|---|---|\n");
        int rank = 1;
        for (Exact exact : exactTop.values()) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %d | %s | %+d | %.2f | %s | %.0f | %s |%n",
                    rank++,
                    exact.home(),
                    exact.placedDelta(),
                    exact.softCostDelta(),
                    exact.proven() ? "yes" : "no",
                    exact.seconds(),
                    exact.note()));
        }
        md.append("\nThe tool's top rows against the exact figure of each:\n\n"
                + "| rank | home | claimed placed / soft delta | exact placed / soft delta | proven | in exact top ten "
                + "| soft error |\n|---|---|---|---|---|---|---|\n");
        int found = 0;
        int known = 0;
        int placedRight = 0;
        double worstError = 0;
        for (int i = 0; i < report.extraPlaces().size(); i++) {
            CapacityOption claim = report.extraPlaces().get(i);
            Exact exact = ofClaims.get(i);
            boolean inTop = exactTop.containsKey(claim.homeId());
            found += inTop ? 1 : 0;
            known += exact.known() ? 1 : 0;
            placedRight += exact.known() && claim.placedDelta() == exact.placedDelta() ? 1 : 0;
            double error = Math.abs(claim.softCostDelta() - exact.softCostDelta());
            worstError = exact.known() ? Math.max(worstError, error) : worstError;
            md.append(String.format(
                    Locale.ROOT,
                    "| %d | %s | %+d / %.2f | %s | %s | %s | %s |%n",
                    i + 1,
                    claim.homeId(),
                    claim.placedDelta(),
                    claim.softCostDelta(),
                    exact.figures(),
                    exact.proven() ? "yes" : "no",
                    inTop ? "yes" : "no",
                    exact.known() ? String.format(Locale.ROOT, "%.2f", error) : "n/a"));
        }
        long proven = exactTop.values().stream().filter(Exact::proven).count()
                + ofClaims.stream()
                        .filter(e -> !exactTop.containsKey(e.home()) && e.proven())
                        .count();
        long solves = exactTop.size()
                + ofClaims.stream().filter(e -> !exactTop.containsKey(e.home())).count();
        md.append(String.format(
                Locale.ROOT,
                "%nThe tool found %d of the exact top %d; CP-SAT gave a figure for %d of its %d rows, the placed "
                        + "delta right in %d; largest soft cost error %.2f points. Exact re-solves proven optimal: %d of %d. The search for the exact top "
                        + "ended: %s.%n%n",
                found,
                exactTop.size(),
                known,
                report.extraPlaces().size(),
                placedRight,
                worstError,
                proven,
                solves,
                stops.isEmpty() ? "after ten homes" : String.join("; ", stops)));
        return md.toString();
    }

    private static String optionTable(List<CapacityAnalysis.Ranked> rows) {
        StringBuilder md =
                new StringBuilder("| rank | option | home / kind | placed delta | soft cost delta | km delta | "
                        + "siblings together delta | own council delta |\n|---|---|---|---|---|---|---|---|\n");
        rows.forEach(row -> md.append(optionRow(row)));
        return md.toString();
    }

    private static String optionRow(CapacityAnalysis.Ranked row) {
        CapacityOption o = row.option();
        return String.format(
                Locale.ROOT,
                "| %d | %s | %s | %+d | %.2f | %.1f | %+d | %+d |%n",
                row.rank(),
                o.option(),
                o.homeId() == null ? o.kind() + " at " + o.site() : o.homeId(),
                o.placedDelta(),
                o.softCostDelta(),
                o.kmDelta(),
                o.siblingsTogetherDelta(),
                o.ownCouncilDelta());
    }

    private static double round(double points) {
        return Math.round(points * 100) / 100.0;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : -1;
    }

    private static void write(Path file, byte[] content) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
