package uk.rcc.sufficiency;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import uk.rcc.cli.CommandLine;
import uk.rcc.cli.Options;
import uk.rcc.exchange.ExchangeReader;
import uk.rcc.exchange.ExchangeWriter;
import uk.rcc.exchange.InvalidDatasetException;

/**
 * {@code forecast --episodes DIR --out DIR [--horizon-months 36] [--as-of DATE] [--runs N] [--seed N]
 * [--confidence 0.8] [--entry-rate-change -0.1] [--window-months 36] [--lenient] [--registry DIR | --supply FILE]
 * [--foster-approvals N] [--foster-resignations N] [--weekly-cost CATEGORY=POUNDS,...]
 * [--scenario name:entry=R,stepdown=S,recruit=N]... [--scenarios-only]}: reads SSDA903 returns without the
 * database and writes forecast.csv (as shared/formats/ssda903.md defines), places_needed.csv (with supply and the
 * gap when a registry is given), costs.csv, backtest.csv, backtest_forecasts.csv, supply.csv, scenarios.csv and
 * data_range.csv, with a short summary.
 */
public final class ForecastCommand {
    /** Weekly cost by category when none is given (£; children's homes from the national average). */
    static final Map<Category, Double> WEEKLY_COST = new EnumMap<>(Map.of(
            Category.FOSTER_KINSHIP,
            300.0,
            Category.FOSTER,
            500.0,
            Category.RESIDENTIAL,
            6100.0,
            Category.SUPPORTED,
            1500.0,
            Category.WITH_PARENTS,
            100.0,
            Category.ADOPTION,
            100.0,
            Category.OTHER,
            1000.0));

    static final String USAGE = "usage: forecast --episodes DIR --out DIR [--horizon-months N] [--as-of YYYY-MM-DD] "
            + "[--runs N] [--seed N] [--confidence 0.8] [--entry-rate-change R] [--window-months N] [--lenient] "
            + "[--registry DIR | --supply FILE] [--foster-approvals N] [--foster-resignations N] [--weekly-cost FOSTER=520,...] "
            + "[--scenario name:entry=R,stepdown=S,recruit=N]... [--scenarios-only]";

    /** What the command was asked for, checked. */
    record Request(
            Path episodes,
            Path outDir,
            Forecast.Settings settings,
            double confidence,
            Path registry,
            Path supply,
            Supply.Projection projection,
            Map<Category, Double> weeklyCosts,
            List<Scenario> scenarios,
            boolean scenariosOnly,
            boolean lenient,
            int backtestOrigins) {}

    private ForecastCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Request request;
        try {
            request = request(args);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            err.println("forecast: " + e.getMessage());
            err.println(USAGE);
            return CommandLine.USAGE;
        }
        Ssda903Reader.Result read;
        Supply supply;
        Path folder = request.episodes();
        try {
            read = Ssda903Reader.read(request.episodes(), request.lenient());
            folder = request.registry();
            supply = folder == null ? Supply.NONE : Supply.of(ExchangeReader.readDirectory(folder));
        } catch (InvalidDatasetException e) {
            Path inputs = folder;
            err.println("forecast: the input is invalid; nothing was forecast. "
                    + e.errors().size() + " error(s):");
            e.errors()
                    .forEach(error -> err.println(inputs.resolve(error.file()).normalize() + ":" + error.line() + ": "
                            + error.column() + ": " + error.message()));
            return CommandLine.BAD_INPUT;
        }
        if (request.supply() != null) {
            try {
                supply = Supply.parse(Files.readString(request.supply()));
            } catch (IOException | IllegalArgumentException e) {
                err.println("forecast: cannot read --supply " + request.supply() + ": " + e.getMessage());
                return CommandLine.BAD_INPUT;
            }
        }
        read.skipped()
                .forEach(error -> err.println(
                        "skipped " + request.episodes().resolve(error.file()).normalize() + ":" + error.line() + ": "
                                + error.column() + ": " + error.message()));
        if (!read.warnings().isEmpty()) {
            err.println("forecast: " + read.warnings().size() + " episode(s) left out, first: "
                    + read.warnings().get(0));
        }
        try {
            Files.createDirectories(request.outDir());
            out.print(forecast(request, read, supply));
            return CommandLine.OK;
        } catch (IOException e) {
            err.println("forecast: cannot write to " + request.outDir() + ": " + e.getMessage());
            return 1;
        }
    }

    static Request request(List<String> args) {
        Options options = Options.parse(
                args,
                Set.of(
                        "episodes",
                        "out",
                        "horizon-months",
                        "as-of",
                        "runs",
                        "seed",
                        "confidence",
                        "entry-rate-change",
                        "window-months",
                        "lenient",
                        "backtest-origins",
                        "registry",
                        "supply",
                        "foster-approvals",
                        "foster-resignations",
                        "weekly-cost",
                        "scenario",
                        "scenarios-only"));
        int horizon = options.intValue("horizon-months", 36);
        if (horizon < 1 || horizon > 60) {
            throw new IllegalArgumentException("--horizon-months must be 1 to 60");
        }
        double confidence = number(options, "confidence", 0.8);
        if (confidence < 0.5 || confidence > 0.975) {
            throw new IllegalArgumentException("--confidence must be between 0.5 and 0.975");
        }
        LocalDate asOf = options.get("as-of").map(LocalDate::parse).orElse(null);
        Forecast.Settings settings = new Forecast.Settings(
                asOf,
                horizon,
                options.intValue("runs", 1000),
                Long.parseLong(options.get("seed").orElse("903")),
                options.intValue("window-months", 0),
                number(options, "entry-rate-change", 0));
        List<Scenario> scenarios = new ArrayList<>();
        for (String text : options.all("scenario")) {
            Scenario scenario = Scenario.parse(text);
            if (scenario.baseline() || scenarios.stream().anyMatch(s -> s.name().equals(scenario.name()))) {
                throw new IllegalArgumentException(
                        "scenario names must be unique and not 'baseline': " + scenario.name());
            }
            scenarios.add(scenario);
        }
        return new Request(
                Path.of(options.require("episodes")),
                Path.of(options.require("out")),
                settings,
                confidence,
                options.get("registry").map(Path::of).orElse(null),
                options.get("supply").map(Path::of).orElse(null),
                new Supply.Projection(
                        number(options, "foster-approvals", 0), number(options, "foster-resignations", 0)),
                weeklyCosts(options.get("weekly-cost").orElse("")),
                scenarios,
                options.get("scenarios-only").isPresent(),
                options.get("lenient").isPresent(),
                options.intValue("backtest-origins", 4));
    }

    private static String forecast(Request request, Ssda903Reader.Result read, Supply supply) throws IOException {
        Ssda903Data data = read.data();
        LocalDate asOf = request.settings().asOf() != null ? request.settings().asOf() : data.lastDate();
        data = data.asOf(asOf);
        Forecast.Settings used = request.settings().at(asOf);
        Map<Category, Double> weeklyCosts = supply.weeklyCosts(WEEKLY_COST);
        weeklyCosts.putAll(request.weeklyCosts());
        Path outDir = request.outDir();
        long started = System.nanoTime();
        Forecast.Result result = Forecast.forecast(data, used);
        List<Forecast.Row> forecast = result.rows();
        double forecastSeconds = (System.nanoTime() - started) / 1e9;
        var baselineContext = new SufficiencyTables.SupplyContext(supply, request.projection(), Scenario.BASELINE);
        List<SufficiencyTables.Compared> compared = new ArrayList<>(SufficiencyTables.compare(
                Scenario.BASELINE_NAME, result, request.confidence(), baselineContext, weeklyCosts));
        for (Scenario scenario : request.scenarios()) {
            compared.addAll(SufficiencyTables.compare(
                    scenario.name(),
                    Forecast.forecast(data, used.with(scenario), result.choice()),
                    request.confidence(),
                    new SufficiencyTables.SupplyContext(supply, request.projection(), scenario),
                    weeklyCosts));
        }
        Files.write(outDir.resolve("scenarios.csv"), SufficiencyTables.comparisonCsv(compared));
        if (request.scenariosOnly()) {
            return scenarioSummary(compared, request.scenarios());
        }
        List<SufficiencyTables.Need> needs = SufficiencyTables.needs(forecast, request.confidence(), baselineContext);
        List<Backtest.Point> points = Backtest.run(
                data, asOf, request.backtestOrigins(), Math.min(300, used.runs()), used.seed(), used.windowMonths());
        List<Backtest.Summary> accuracy = Backtest.summarise(points);
        Files.write(outDir.resolve("forecast.csv"), forecastCsv(forecast));
        Files.write(outDir.resolve("forecast_by_age.csv"), forecastByAgeCsv(result.byAge()));
        Files.write(outDir.resolve("places_needed.csv"), SufficiencyTables.needsCsv(needs));
        Files.write(
                outDir.resolve("places_needed_by_age.csv"),
                SufficiencyTables.needsByAgeCsv(SufficiencyTables.needsByAge(result.byAge(), request.confidence())));
        Files.write(
                outDir.resolve("costs.csv"), SufficiencyTables.costsCsv(SufficiencyTables.costs(result, weeklyCosts)));
        Files.write(outDir.resolve("backtest.csv"), backtestCsv(accuracy, result.choice()));
        Files.write(outDir.resolve("backtest_forecasts.csv"), backtestForecastsCsv(points));
        Files.write(outDir.resolve("model_choice.csv"), modelChoiceCsv(result.choice()));
        Files.write(outDir.resolve("data_range.csv"), dataRangeCsv(data, asOf));
        if (supply.known()) {
            Files.write(outDir.resolve("supply.csv"), supply.csv());
        }
        return summary(data, asOf, used, forecast, accuracy, read.skipped().size(), forecastSeconds)
                + result.choice().summary()
                + System.lineSeparator()
                + coverageSummary(points)
                + gapSummary(needs)
                + scenarioSummary(compared, request.scenarios());
    }

    static byte[] forecastCsv(List<Forecast.Row> rows) {
        return ExchangeWriter.csv(
                List.of("month", "authority", "category", "p025", "p10", "p25", "p50", "p75", "p90", "p975"),
                rows,
                row -> {
                    List<Object> cells =
                            new ArrayList<>(List.of(row.month().toString(), row.authority(), row.category()));
                    Arrays.stream(row.quantiles()).forEach(q -> cells.add(round(q)));
                    return cells;
                });
    }

    static byte[] forecastByAgeCsv(List<Forecast.AgeRow> rows) {
        return ExchangeWriter.csv(
                List.of(
                        "month",
                        "authority",
                        "age_band",
                        "category",
                        "p025",
                        "p10",
                        "p25",
                        "p50",
                        "p75",
                        "p90",
                        "p975"),
                rows,
                row -> {
                    List<Object> cells = new ArrayList<>(List.of(
                            row.month().toString(), row.authority(), row.band().label(), row.category()));
                    Arrays.stream(row.quantiles()).forEach(q -> cells.add(round(q)));
                    return cells;
                });
    }

    /** Candidate codes in backtest.csv's columns, in order. */
    static List<String> candidateCodes() {
        return ModelChoice.Candidate.all().stream()
                .map(ModelChoice.Candidate::code)
                .toList();
    }

    /**
     * The accuracy of the forecast as run (model chosen at each origin) and, in added columns, the model chosen at
     * the as-of date and each candidate's WAPE ({@code wape_w12_trend}: 12-month window, trended entries).
     */
    static byte[] backtestCsv(List<Backtest.Summary> accuracy, ModelChoice choice) {
        List<String> header = new ArrayList<>(List.of(
                "horizon_months",
                "authority",
                "category",
                "origins",
                "model_wape",
                "last_value_wape",
                "linear_trend_wape",
                "model_bias",
                "coverage_50",
                "coverage_80",
                "coverage_95",
                "chosen_model"));
        candidateCodes().forEach(code -> header.add("wape_" + code));
        return ExchangeWriter.csv(header, accuracy, s -> {
            List<Object> cells = new ArrayList<>(List.of(
                    s.horizon(),
                    s.authority(),
                    s.category(),
                    s.origins(),
                    round3(s.modelWape()),
                    round3(s.lastValueWape()),
                    round3(s.trendWape()),
                    round3(s.modelBias()),
                    round3(s.coverage50()),
                    round3(s.coverage80()),
                    round3(s.coverage95()),
                    choice.label()));
            candidateCodes()
                    .forEach(code -> cells.add(
                            s.candidateWapes().containsKey(code)
                                    ? round3(s.candidateWapes().get(code))
                                    : ""));
            return cells;
        });
    }

    static final List<String> BACKTEST_FORECASTS_HEADER = List.of(
            "origin",
            "horizon_months",
            "month",
            "authority",
            "category",
            "actual",
            "p025",
            "p10",
            "p25",
            "p50",
            "p75",
            "p90",
            "p975");

    /**
     * The backtest's forecasts from each origin, 1 to 24 months ahead, with what then happened: the very points
     * backtest.csv scores, so the report draws the forecasts whose accuracy it states.
     */
    static byte[] backtestForecastsCsv(List<Backtest.Point> points) {
        return ExchangeWriter.csv(
                BACKTEST_FORECASTS_HEADER,
                points,
                p -> List.of(
                        p.origin().toString(),
                        p.horizon(),
                        p.origin().plusMonths(p.horizon()).toString(),
                        p.authority(),
                        p.category(),
                        Math.round(p.actual()),
                        p.low95(),
                        p.low80(),
                        p.low50(),
                        p.median(),
                        p.high50(),
                        p.high80(),
                        p.high95()));
    }

    /** Every candidate's score in the choice at the as-of date, per authority, and its weight in the forecast. */
    static byte[] modelChoiceCsv(ModelChoice choice) {
        return ExchangeWriter.csv(
                List.of("model", "label", "authority", "origins", "wape_12", "wape_24", "score", "weight", "chosen"),
                choice.scores(),
                s -> List.of(
                        s.model(),
                        s.label(),
                        s.authority(),
                        s.origins(),
                        nanBlank(s.wape12()),
                        nanBlank(s.wape24()),
                        nanBlank(s.score()),
                        round3(s.weight()),
                        s.weight() > 0));
    }

    private static Object nanBlank(double value) {
        return Double.isNaN(value) ? "" : round3(value);
    }

    /** The co-operative's WAPE over categories, as the choice scores models, and the intervals' coverage. */
    private static String coverageSummary(List<Backtest.Point> points) {
        StringBuilder text = new StringBuilder();
        for (int horizon : Backtest.HORIZONS) {
            double model = Backtest.wapeOverCategories(points, Forecast.ALL, horizon, "model");
            if (!Double.isNaN(model)) {
                text.append(String.format(
                        Locale.ROOT,
                        "Backtest %d months ahead, WAPE over the 7 categories "
                                + "(co-operative): model %.1f%%, last value %.1f%%, straight line %.1f%%.%n",
                        horizon,
                        100 * model,
                        100 * Backtest.wapeOverCategories(points, Forecast.ALL, horizon, "last_value"),
                        100 * Backtest.wapeOverCategories(points, Forecast.ALL, horizon, "trend")));
            }
        }
        double coverage = Backtest.coverage80(points);
        if (!Double.isNaN(coverage)) {
            text.append(String.format(
                    Locale.ROOT,
                    "80%% intervals covered %.0f%% of outcomes per council, category "
                            + "and month 1 to 24 ahead in the backtest (target 70-90%%).%n",
                    100 * coverage));
        }
        return text.toString();
    }

    private static String summary(
            Ssda903Data data,
            LocalDate asOf,
            Forecast.Settings settings,
            List<Forecast.Row> forecast,
            List<Backtest.Summary> accuracy,
            int skipped,
            double seconds) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                Locale.ROOT,
                "Data: %d children of %d councils, %s to %s%s.%n",
                data.children().size(),
                data.councils().size(),
                data.firstDate(),
                asOf,
                skipped == 0 ? "" : ", " + skipped + " invalid rows left out"));
        Forecast.Row last = forecast.stream()
                .filter(r -> r.authority().equals(Forecast.ALL) && r.category().equals(Forecast.ALL))
                .reduce((a, b) -> b)
                .orElseThrow();
        text.append(String.format(
                Locale.ROOT,
                "Forecast: %d months, %d simulations (seed %d) in %.1f s; %s: median "
                        + "%.0f children looked after (95%% interval %.0f-%.0f).%n",
                settings.horizonMonths(),
                settings.runs(),
                settings.seed(),
                seconds,
                last.month(),
                last.median(),
                last.quantiles()[0],
                last.quantiles()[6]));
        accuracy.stream()
                .filter(s -> s.authority().equals(Forecast.ALL) && s.category().equals(Forecast.ALL))
                .forEach(s -> text.append(String.format(
                        Locale.ROOT,
                        "Backtest %d months ahead (%d origins): WAPE model %.1f%%, last value %.1f%%, linear "
                                + "trend %.1f%%; the co-operative total's 80%% interval held the outcome at %d of "
                                + "the %d origins.%n",
                        s.horizon(),
                        s.origins(),
                        100 * s.modelWape(),
                        100 * s.lastValueWape(),
                        100 * s.trendWape(),
                        Math.round(s.coverage80() * s.origins()),
                        s.origins())));
        return text.toString();
    }

    /** Each council's data: first and last dates, the date forecast from, and how many children. */
    static byte[] dataRangeCsv(Ssda903Data data, LocalDate asOf) {
        List<List<Object>> rows = new ArrayList<>();
        for (String council : data.councils()) {
            Ssda903Data own = new Ssda903Data(data.children().stream()
                    .filter(c -> c.council().equals(council))
                    .toList());
            rows.add(List.of(
                    council,
                    own.firstDate(),
                    own.lastDate(),
                    asOf,
                    own.children().size()));
        }
        rows.add(List.of(
                Forecast.ALL,
                data.firstDate(),
                data.lastDate(),
                asOf,
                data.children().size()));
        return ExchangeWriter.csv(
                List.of("authority", "first_date", "last_date", "as_of", "children"), rows, row -> row);
    }

    private static String gapSummary(List<SufficiencyTables.Need> needs) {
        StringBuilder text = new StringBuilder();
        needs.stream()
                .filter(n -> n.authority().equals(Forecast.ALL) && n.gap() != null)
                .map(SufficiencyTables.Need::month)
                .max(YearMonth::compareTo)
                .ifPresent(last -> {
                    text.append(String.format(
                            Locale.ROOT,
                            "Gap at %.0f%% confidence, %s (co-operative):",
                            needs.get(0).confidence() * 100,
                            last));
                    needs.stream()
                            .filter(n -> n.authority().equals(Forecast.ALL)
                                    && n.gap() != null
                                    && n.month().equals(last))
                            .forEach(n -> text.append(String.format(
                                    Locale.ROOT,
                                    " %s %d needed, %.0f places, gap %.0f, %.0f expected out of area or far;",
                                    n.category().toLowerCase(Locale.ROOT),
                                    n.placesNeeded(),
                                    n.placesProjected(),
                                    n.gap(),
                                    n.outsideOrFar())));
                    text.setLength(text.length() - 1);
                    text.append(String.format(".%n"));
                });
        return text.toString();
    }

    private static String scenarioSummary(List<SufficiencyTables.Compared> compared, List<Scenario> scenarios) {
        StringBuilder text = new StringBuilder();
        for (Scenario scenario : scenarios) {
            SufficiencyTables.Need all = last(compared, scenario.name(), Forecast.ALL);
            SufficiencyTables.Need foster = last(compared, scenario.name(), Category.FOSTER.name());
            SufficiencyTables.Need homes = last(compared, scenario.name(), Category.RESIDENTIAL.name());
            text.append(String.format(
                    Locale.ROOT,
                    "Scenario %s (%s): %s median %.0f children looked after; places "
                            + "needed: foster %d, children's homes %d",
                    scenario.name(),
                    scenario.option(),
                    all.month(),
                    all.median(),
                    foster.placesNeeded(),
                    homes.placesNeeded()));
            if (foster.gap() != null) {
                text.append(String.format(Locale.ROOT, "; foster gap %.0f", foster.gap()));
            }
            text.append(String.format(".%n"));
        }
        return text.toString();
    }

    /** The co-operative's figures of a scenario and category at the last year end. */
    private static SufficiencyTables.Need last(
            List<SufficiencyTables.Compared> compared, String scenario, String category) {
        return compared.stream()
                .filter(c -> c.scenario().equals(scenario)
                        && c.need().authority().equals(Forecast.ALL)
                        && c.need().category().equals(category))
                .map(SufficiencyTables.Compared::need)
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    /** {@code FOSTER=520,RESIDENTIAL=5800}: weekly costs that override the registry's and the defaults. */
    static Map<Category, Double> weeklyCosts(String text) {
        Map<Category, Double> costs = new EnumMap<>(Category.class);
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] parts = pair.split("=", 2);
            try {
                costs.put(Category.valueOf(parts[0].trim().toUpperCase(Locale.ROOT)), Double.parseDouble(parts[1]));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "--weekly-cost takes CATEGORY=POUNDS pairs such as FOSTER=520, not '" + pair + "'");
            }
        }
        return costs;
    }

    private static double number(Options options, String name, double absent) {
        String value = options.get(name).orElse(null);
        try {
            return value == null ? absent : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, not '" + value + "'");
        }
    }

    static double interpolate(double[] quantiles, double level) {
        double[] levels = Forecast.QUANTILES;
        for (int i = 0; i < levels.length - 1; i++) {
            if (level <= levels[i + 1]) {
                double share = (level - levels[i]) / (levels[i + 1] - levels[i]);
                return quantiles[i] + share * (quantiles[i + 1] - quantiles[i]);
            }
        }
        return quantiles[levels.length - 1];
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static double round3(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
