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
import uk.rcc.exchange.ExchangeWriter;
import uk.rcc.exchange.InvalidDatasetException;

/**
 * {@code forecast --episodes DIR --out DIR [--horizon-months 36] [--as-of DATE] [--runs N] [--seed N]
 * [--confidence 0.8] [--entry-rate-change -0.1] [--window-months 36] [--lenient]}: reads SSDA903 returns without
 * the database and writes forecast.csv (as shared/formats/ssda903.md defines), places_needed.csv, costs.csv and
 * backtest.csv, with a short summary.
 */
public final class ForecastCommand {
    /** Weekly cost by category when none is given (£; children's homes from the national average). */
    static final Map<Category, Double> WEEKLY_COST = new EnumMap<>(Map.of(Category.FOSTER_KINSHIP, 300.0,
            Category.FOSTER, 500.0, Category.RESIDENTIAL, 6100.0, Category.SUPPORTED, 1500.0,
            Category.WITH_PARENTS, 100.0, Category.ADOPTION, 100.0, Category.OTHER, 1000.0));

    private ForecastCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Options options;
        Path episodes;
        Path outDir;
        Forecast.Settings settings;
        double confidence;
        try {
            options = Options.parse(args, Set.of("episodes", "out", "horizon-months", "as-of", "runs", "seed",
                    "confidence", "entry-rate-change", "window-months", "lenient", "backtest-origins"));
            episodes = Path.of(options.require("episodes"));
            outDir = Path.of(options.require("out"));
            int horizon = options.intValue("horizon-months", 36);
            if (horizon < 1 || horizon > 60) {
                throw new IllegalArgumentException("--horizon-months must be 1 to 60");
            }
            confidence = Double.parseDouble(options.get("confidence").orElse("0.8"));
            if (confidence < 0.5 || confidence > 0.975) {
                throw new IllegalArgumentException("--confidence must be between 0.5 and 0.975");
            }
            LocalDate asOf = options.get("as-of").map(LocalDate::parse).orElse(null);
            settings = new Forecast.Settings(asOf, horizon, options.intValue("runs", 1000),
                    Long.parseLong(options.get("seed").orElse("903")), options.intValue("window-months", 36),
                    Double.parseDouble(options.get("entry-rate-change").orElse("0")));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            err.println("forecast: " + e.getMessage());
            err.println("usage: forecast --episodes DIR --out DIR [--horizon-months N] [--as-of YYYY-MM-DD] "
                    + "[--runs N] [--seed N] [--confidence 0.8] [--entry-rate-change R] [--lenient]");
            return CommandLine.USAGE;
        }
        Ssda903Reader.Result read;
        try {
            read = Ssda903Reader.read(episodes, options.get("lenient").isPresent());
        } catch (InvalidDatasetException e) {
            err.println("forecast: the returns are invalid; nothing was forecast. " + e.errors().size() + " error(s):");
            e.errors().forEach(error -> err.println(episodes.resolve(error.file()).normalize() + ":" + error.line()
                    + ": " + error.column() + ": " + error.message()));
            return CommandLine.BAD_INPUT;
        }
        read.skipped().forEach(error -> err.println("skipped " + episodes.resolve(error.file()).normalize() + ":"
                + error.line() + ": " + error.column() + ": " + error.message()));
        if (!read.warnings().isEmpty()) {
            err.println("forecast: " + read.warnings().size() + " episode(s) left out, first: "
                    + read.warnings().get(0));
        }
        Ssda903Data data = read.data();
        LocalDate asOf = settings.asOf() != null ? settings.asOf() : data.lastDate();
        data = data.asOf(asOf);
        Forecast.Settings used = new Forecast.Settings(asOf, settings.horizonMonths(), settings.runs(),
                settings.seed(), settings.windowMonths(), settings.entryChange());
        long started = System.nanoTime();
        List<Forecast.Row> forecast = Forecast.run(data, used);
        double forecastSeconds = (System.nanoTime() - started) / 1e9;
        List<Backtest.Point> backtest = Backtest.run(data, asOf, options.intValue("backtest-origins", 4),
                Math.min(300, used.runs()), used.seed(), used.windowMonths());
        List<Backtest.Summary> accuracy = Backtest.summarise(backtest);
        try {
            Files.createDirectories(outDir);
            Files.write(outDir.resolve("forecast.csv"), forecastCsv(forecast));
            Files.write(outDir.resolve("places_needed.csv"), placesNeeded(forecast, confidence));
            Files.write(outDir.resolve("costs.csv"), costs(forecast));
            Files.write(outDir.resolve("backtest.csv"), backtestCsv(accuracy));
        } catch (IOException e) {
            err.println("forecast: cannot write to " + outDir + ": " + e.getMessage());
            return 1;
        }
        out.print(summary(data, asOf, used, forecast, accuracy, read.skipped().size(), forecastSeconds));
        return CommandLine.OK;
    }

    static byte[] forecastCsv(List<Forecast.Row> rows) {
        return ExchangeWriter.csv(List.of("month", "authority", "category", "p025", "p10", "p25", "p50", "p75", "p90",
                "p975"), rows, row -> {
                    List<Object> cells = new ArrayList<>(List.of(row.month().toString(), row.authority(),
                            row.category()));
                    Arrays.stream(row.quantiles()).forEach(q -> cells.add(round(q)));
                    return cells;
                });
    }

    /** Places needed at each year end: the chosen quantile of the forecast count, rounded up. */
    static byte[] placesNeeded(List<Forecast.Row> rows, double confidence) {
        List<Forecast.Row> yearEnds = rows.stream().filter(r -> r.month().getMonthValue() == 3).toList();
        return ExchangeWriter.csv(List.of("month", "authority", "category", "confidence", "places_needed",
                "median_children"), yearEnds, row -> List.of(row.month().toString(), row.authority(), row.category(),
                        confidence, (long) Math.ceil(interpolate(row.quantiles(), confidence)), round(row.median())));
    }

    /** Projected spend per financial year: weekly cost × 52 × the average month-end count, with an interval. */
    static byte[] costs(List<Forecast.Row> rows) {
        Map<String, double[]> byYear = new java.util.TreeMap<>();
        for (Forecast.Row row : rows) {
            if (row.category().equals(Forecast.ALL)) {
                continue;
            }
            YearMonth month = row.month();
            int financialYear = month.getMonthValue() >= 4 ? month.getYear() : month.getYear() - 1;
            double weekly = WEEKLY_COST.get(Category.valueOf(row.category()));
            String key = financialYear + "-" + (financialYear + 1) % 100 + "|" + row.authority() + "|" + row.category();
            double[] totals = byYear.computeIfAbsent(key, k -> new double[5]);
            totals[0] += weekly * 52 / 12 * row.quantiles()[1];
            totals[1] += weekly * 52 / 12 * row.median();
            totals[2] += weekly * 52 / 12 * row.quantiles()[5];
            totals[3] = weekly;
            totals[4]++;
        }
        return ExchangeWriter.csv(List.of("financial_year", "authority", "category", "weekly_cost", "months",
                "spend_p10", "spend_p50", "spend_p90"), byYear.entrySet(), entry -> {
                    String[] key = entry.getKey().split("\\|");
                    double[] t = entry.getValue();
                    return List.of(key[0], key[1], key[2], t[3], (int) t[4], Math.round(t[0]), Math.round(t[1]),
                            Math.round(t[2]));
                });
    }

    static byte[] backtestCsv(List<Backtest.Summary> accuracy) {
        return ExchangeWriter.csv(List.of("horizon_months", "category", "origins", "model_wape", "last_value_wape",
                "linear_trend_wape", "model_bias", "coverage_50", "coverage_80", "coverage_95"), accuracy,
                s -> List.of(s.horizon(), s.category(), s.origins(), round3(s.modelWape()),
                        round3(s.lastValueWape()), round3(s.trendWape()), round3(s.modelBias()),
                        round3(s.coverage50()), round3(s.coverage80()), round3(s.coverage95())));
    }

    private static String summary(Ssda903Data data, LocalDate asOf, Forecast.Settings settings,
            List<Forecast.Row> forecast, List<Backtest.Summary> accuracy, int skipped, double seconds) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Data: %d children of %d councils, %s to %s%s.%n",
                data.children().size(), data.councils().size(), data.firstDate(), asOf,
                skipped == 0 ? "" : ", " + skipped + " invalid rows left out"));
        Forecast.Row last = forecast.stream().filter(r -> r.authority().equals(Forecast.ALL)
                && r.category().equals(Forecast.ALL)).reduce((a, b) -> b).orElseThrow();
        text.append(String.format(Locale.ROOT, "Forecast: %d months, %d simulations (seed %d) in %.1f s; %s: median "
                + "%.0f children looked after (95%% interval %.0f-%.0f).%n", settings.horizonMonths(),
                settings.runs(), settings.seed(), seconds, last.month(), last.median(), last.quantiles()[0],
                last.quantiles()[6]));
        accuracy.stream().filter(s -> s.category().equals(Forecast.ALL)).forEach(s -> text.append(String.format(
                Locale.ROOT, "Backtest %d months ahead (%d origins): WAPE model %.1f%%, last value %.1f%%, linear "
                        + "trend %.1f%%; 80%% interval covered %.0f%%.%n", s.horizon(), s.origins(),
                100 * s.modelWape(), 100 * s.lastValueWape(), 100 * s.trendWape(), 100 * s.coverage80())));
        return text.toString();
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
