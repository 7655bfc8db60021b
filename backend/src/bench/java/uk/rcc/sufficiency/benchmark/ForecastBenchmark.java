package uk.rcc.sufficiency.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.util.FileSystemUtils;
import uk.rcc.cli.CommandLine;
import uk.rcc.cli.Options;
import uk.rcc.sufficiency.Backtest;
import uk.rcc.sufficiency.Forecast;
import uk.rcc.sufficiency.ForecastCommand;
import uk.rcc.sufficiency.ModelChoice;
import uk.rcc.sufficiency.Ssda903Data;
import uk.rcc.sufficiency.Ssda903Generator;
import uk.rcc.sufficiency.Ssda903Generator.Demand;
import uk.rcc.sufficiency.Ssda903Reader;

/**
 * {@code bench-forecast [--external DIR] [--runs 300] [--origins 4] [--seeds 2] [--shapes LIST] [--out FILE]}: how accurate the
 * forecast is where the outcome is known. Over generated four-council co-operatives whose demand rises, falls,
 * steps down, changes its step-downs or surges, and over the external SSDA903 sets, a backtest from several origins
 * (each forecast fitted, and its model chosen, on the data before its origin) gives the WAPE over the 7 categories
 * of the co-operative's month-end counts 12 and 24 months ahead for the chosen model, each fixed-window model, last
 * value carried forward and the straight line, and the 80% interval's coverage, per set and then per shape over its
 * seeds (means, and on how many seeds the chosen model beats both naive forecasts); then the time of one full forecast
 * command (1,000 futures, 36 months, with its backtest) on a four-council co-operative. Writes Markdown with the
 * machine and date.
 */
public final class ForecastBenchmark {
    static final List<String> COUNCILS = List.of("E06000057", "E06000047", "E06000063", "E06000064");
    static final LocalDate START = LocalDate.of(2014, 4, 1);
    static final int YEARS = 10;
    /** Starts a month per council of mean size: about 2,000 children looked after in four councils. */
    static final double STARTS = 17;

    static final String USAGE = """
            Usage: bench-forecast [OPTIONS]   (mvn -B -q -pl backend exec:java@bench -Dbench.args="bench-forecast ...")

              --external DIR   folder of the external SSDA903 sets (../shared/external)
              --runs N         simulated futures per backtest origin (300)
              --origins N      backtest origins, 6 months apart, 24 months before the data's end and earlier (4)
              --seeds N        generated co-operatives per shape (2)
              --out FILE       also write the Markdown report to FILE
              --shapes LIST    only the generated shapes whose names start so (rising,stepped): no external
                               sets, no timed command
            """;

    /** One generated shape of demand: each council's changes. */
    record Shape(String name, List<Demand> demands) {}

    /** One set's results. */
    record Result(
            String shape,
            String set,
            int children,
            double lookedAfter,
            String chosen,
            double[] chosenWape,
            List<double[]> windowWapes,
            double[] lastValue,
            double[] straightLine,
            double[] floor,
            double coverage,
            double seconds) {}

    private ForecastBenchmark() {}

    /** The generated shapes; months count from the start, the data end at month 120, the last origin at 96. */
    static List<Shape> shapes() {
        Demand rising = Demand.trend(0.08);
        Demand falling = Demand.trend(-0.05).withStep(-0.15, 72).withStepDowns(0.002, 0.02, 72);
        return List.of(
                new Shape("steady", List.of(Demand.STEADY)),
                new Shape("rising 8% a year", List.of(rising)),
                new Shape(
                        "rising 4-12% a year",
                        List.of(Demand.trend(0.04), Demand.trend(0.08), Demand.trend(0.12), Demand.trend(0.06))),
                new Shape("falling 5% a year, 15% step down and more step-downs at month 72", List.of(falling)),
                new Shape("stepped: 15% down at month 84", List.of(Demand.STEADY.withStep(-0.15, 84))),
                new Shape(
                        "mixed: rising, falling, stepped, unaccompanied surge",
                        List.of(
                                rising,
                                Demand.trend(-0.05),
                                Demand.STEADY.withStep(-0.2, 78).withStepDowns(0.002, 0.03, 78),
                                Demand.STEADY.withUascSurge(4, 80, 18))));
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(USAGE);
            return CommandLine.OK;
        }
        Options options;
        try {
            options = Options.parse(args, Set.of("external", "runs", "origins", "seeds", "out", "shapes"));
        } catch (IllegalArgumentException e) {
            err.println("bench-forecast: " + e.getMessage());
            err.print(USAGE);
            return CommandLine.USAGE;
        }
        int runs = options.intValue("runs", 300);
        int origins = options.intValue("origins", 4);
        int seeds = options.intValue("seeds", 2);
        // While iterating: only the generated shapes whose names start with one of these words, nothing else.
        List<String> only =
                options.get("shapes").map(list -> List.of(list.split(","))).orElse(List.of());
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Path external = Path.of(options.get("external").orElse("../shared/external"));
        OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
        List<Result> results = new ArrayList<>();
        Path temp = null;
        try {
            temp = Files.createTempDirectory("rcc-bench-forecast");
            for (Shape shape : shapes()) {
                if (!only.isEmpty() && only.stream().noneMatch(shape.name()::startsWith)) {
                    continue;
                }
                for (int seed = 1; seed <= seeds; seed++) {
                    Path folder = temp.resolve(shape.name().replaceAll("[^a-z0-9]+", "-") + seed);
                    Ssda903Generator.write(
                            new Ssda903Generator.Spec(COUNCILS, STARTS, 0.0, START, YEARS, seed, shape.demands(), 18),
                            folder);
                    Result result = measure(
                            shape.name(),
                            shape.name() + " (seed " + seed + ")",
                            Ssda903Reader.read(folder, false).data(),
                            runs,
                            origins);
                    out.println(line(result));
                    results.add(result);
                }
            }
            double commandSeconds = Double.NaN;
            double commandCpuSeconds = Double.NaN;
            int exit = -1;
            if (only.isEmpty()) {
                for (String set : List.of("demand-model-regional-v1", "ssda903-validator-fake")) {
                    Path folder = external.resolve(set);
                    if (Files.isDirectory(folder)) {
                        Result result = measure(
                                set, set, Ssda903Reader.read(folder, true).data(), runs, origins);
                        out.println(line(result));
                        results.add(result);
                    }
                }
                Path timed = temp.resolve("timed");
                Ssda903Generator.write(
                        new Ssda903Generator.Spec(
                                COUNCILS, STARTS, 0.0, START, YEARS, 9, List.of(Demand.trend(0.08)), 18),
                        timed);
                long t0 = System.nanoTime();
                long cpu0 = processCpuNanos();
                exit = ForecastCommand.run(
                        List.of(
                                "--episodes",
                                timed.toString(),
                                "--out",
                                temp.resolve("out").toString(),
                                "--horizon-months",
                                "36"),
                        new PrintStream(new ByteArrayOutputStream()),
                        err);
                commandSeconds = (System.nanoTime() - t0) / 1e9;
                commandCpuSeconds = (processCpuNanos() - cpu0) / 1e9;
            }
            String report =
                    report(results, commandSeconds, commandCpuSeconds, exit, runs, origins, seeds, args, started)
                            + String.format(
                                    Locale.ROOT,
                                    "Load average (1 minute) at the start: %.1f, at the end: %.1f.%n",
                                    loadBefore,
                                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            out.print(report);
            if (options.get("out").isPresent()) {
                Files.writeString(Path.of(options.get("out").get()), report, StandardCharsets.UTF_8);
            }
            return CommandLine.OK;
        } catch (IOException e) {
            err.println("bench-forecast: " + e.getMessage());
            return 1;
        } finally {
            if (temp != null) {
                FileSystemUtils.deleteRecursively(temp.toFile());
            }
        }
    }

    /** The backtest of one data set from origins before its last date. */
    static Result measure(String shape, String name, Ssda903Data data, int runs, int origins) {
        long t0 = System.nanoTime();
        LocalDate last = data.lastDate();
        List<Backtest.Point> points = Backtest.run(data, last, origins, runs, 903, 0);
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<double[]> windows = new ArrayList<>();
        for (ModelChoice.Candidate candidate : ModelChoice.Candidate.all()) {
            windows.add(wapes(points, candidate.code()));
        }
        ModelChoice choice = Forecast.forecast(data, new Forecast.Settings(last, 1, 1, 1, 0, 0))
                .choice();
        double lookedAfter = data.countsAt(Forecast.originMonth(last)).values().stream()
                .mapToInt(m -> m.values().stream().mapToInt(Integer::intValue).sum())
                .sum();
        return new Result(
                shape,
                name,
                data.children().size(),
                lookedAfter,
                choice.label(),
                wapes(points, "model"),
                windows,
                wapes(points, "last_value"),
                wapes(points, "trend"),
                new double[] {floor(points, 12), floor(points, 24)},
                Backtest.coverage80(points),
                seconds);
    }

    /**
     * The WAPE a perfect model would still have from chance alone, estimated from the model's own futures: the
     * mean absolute deviation from the median of a normal spread with the same 80% interval (0.312 × its width).
     */
    static double floor(List<Backtest.Point> points, int horizon) {
        double spread = 0;
        double actual = 0;
        for (Backtest.Point p : points) {
            if (p.horizon() == horizon
                    && p.authority().equals(Forecast.ALL)
                    && !p.category().equals(Forecast.ALL)) {
                spread += 0.312 * (p.high80() - p.low80());
                actual += p.actual();
            }
        }
        return actual == 0 ? Double.NaN : spread / actual;
    }

    private static double[] wapes(List<Backtest.Point> points, String model) {
        return new double[] {
            Backtest.wapeOverCategories(points, Forecast.ALL, 12, model),
            Backtest.wapeOverCategories(points, Forecast.ALL, 24, model)
        };
    }

    private static String line(Result r) {
        return String.format(
                Locale.ROOT,
                "%s: model %s / %s, last value %s / %s, straight line %s / %s, " + "coverage %s (%.1f s)",
                r.set(),
                pct(r.chosenWape()[0]),
                pct(r.chosenWape()[1]),
                pct(r.lastValue()[0]),
                pct(r.lastValue()[1]),
                pct(r.straightLine()[0]),
                pct(r.straightLine()[1]),
                pct(r.coverage()),
                r.seconds());
    }

    /** CPU time of the whole process: on a shared machine the wall clock says more about the others' load. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
    }

    static String report(
            List<Result> results,
            double commandSeconds,
            double commandCpuSeconds,
            int exit,
            int runs,
            int origins,
            int seeds,
            List<String> args,
            OffsetDateTime started) {
        StringBuilder text = new StringBuilder();
        text.append("| data set | children (looked after at the end) | chosen at the end | chosen model 12 / 24 m | ");
        List<ModelChoice.Candidate> candidates = ModelChoice.Candidate.all();
        for (ModelChoice.Candidate candidate : candidates) {
            text.append(candidate.windowMonths())
                    .append("-month ")
                    .append(candidate.entries().code())
                    .append(" | ");
        }
        text.append("last value | straight line | chance alone | 80% coverage | time s |\n|");
        text.append("---|".repeat(9 + candidates.size())).append('\n');
        for (Result r : results) {
            text.append(String.format(
                    Locale.ROOT,
                    "| %s | %,d (%,.0f) | %s | **%s / %s** | ",
                    r.set(),
                    r.children(),
                    r.lookedAfter(),
                    r.chosen(),
                    pct(r.chosenWape()[0]),
                    pct(r.chosenWape()[1])));
            for (double[] w : r.windowWapes()) {
                text.append(pct(w[0])).append(" / ").append(pct(w[1])).append(" | ");
            }
            text.append(String.format(
                    Locale.ROOT,
                    "%s / %s | %s / %s | %s / %s | %s | %.1f |%n",
                    pct(r.lastValue()[0]),
                    pct(r.lastValue()[1]),
                    pct(r.straightLine()[0]),
                    pct(r.straightLine()[1]),
                    pct(r.floor()[0]),
                    pct(r.floor()[1]),
                    pct(r.coverage()),
                    r.seconds()));
        }
        text.append(shapeSummary(results));
        if (exit >= 0) {
            text.append(String.format(
                    Locale.ROOT,
                    "%nOne full `forecast` command (four councils rising 8%% a year, 1,000 "
                            + "futures, 36 months, model choice, 4-origin backtest, all output files): %.1f s wall clock, %.1f s CPU "
                            + "(exit %d).%n",
                    commandSeconds,
                    commandCpuSeconds,
                    exit));
        }
        text.append(String.format(
                Locale.ROOT,
                "%nSettings: %d futures per backtest origin, %d origins, %d seeds per "
                        + "shape. Machine: %d cores, %d MiB max heap, %s %s, Java %s. Date: %s. Arguments: `%s`.%n",
                runs,
                origins,
                seeds,
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                System.getProperty("java.version"),
                started.truncatedTo(ChronoUnit.SECONDS),
                String.join(" ", args)));
        text.append("JVM: ")
                .append(ManagementFactory.getRuntimeMXBean().getVmName())
                .append('\n');
        return text.toString();
    }

    /**
     * Per shape over its seeds: mean WAPE of the chosen model, last value and the straight line, and on how many
     * seeds the chosen model beats both at 12 and at 24 months (issue #15's criterion, one seed at a time).
     */
    static String shapeSummary(List<Result> results) {
        StringBuilder text =
                new StringBuilder("\n| shape | seeds | chosen model 12 / 24 m (mean) | last value | straight line | "
                        + "beats both at 12 m | beats both at 24 m | 80% coverage (mean) |\n"
                        + "|---|---|---|---|---|---|---|---|\n");
        List<String> shapes = results.stream().map(Result::shape).distinct().toList();
        for (String shape : shapes) {
            List<Result> sets =
                    results.stream().filter(r -> r.shape().equals(shape)).toList();
            text.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | **%s / %s** | %s / %s | %s / %s | %d | %d | %s |%n",
                    shape,
                    sets.size(),
                    pct(mean(sets, r -> r.chosenWape()[0])),
                    pct(mean(sets, r -> r.chosenWape()[1])),
                    pct(mean(sets, r -> r.lastValue()[0])),
                    pct(mean(sets, r -> r.lastValue()[1])),
                    pct(mean(sets, r -> r.straightLine()[0])),
                    pct(mean(sets, r -> r.straightLine()[1])),
                    sets.stream().filter(r -> beatsBoth(r, 0)).count(),
                    sets.stream().filter(r -> beatsBoth(r, 1)).count(),
                    pct(mean(sets, Result::coverage))));
        }
        return text.toString();
    }

    /** Whether the chosen model's WAPE at the horizon (0 = 12, 1 = 24 months) is below both naive forecasts'. */
    static boolean beatsBoth(Result r, int horizon) {
        double chosen = r.chosenWape()[horizon];
        return chosen < r.lastValue()[horizon] && chosen < r.straightLine()[horizon];
    }

    private static double mean(List<Result> sets, java.util.function.ToDoubleFunction<Result> figure) {
        return sets.stream().mapToDouble(figure).average().orElse(Double.NaN);
    }

    private static String pct(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * value);
    }
}
