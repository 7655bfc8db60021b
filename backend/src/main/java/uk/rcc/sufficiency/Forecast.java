package uk.rcc.sufficiency;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Monte Carlo forecast: many simulated futures of every council from the fitted model, summed for the
 * co-operative, summarised as quantiles for every month, council (and ALL) and category (and ALL).
 */
public final class Forecast {
    public static final String ALL = "ALL";
    public static final double[] QUANTILES = {0.025, 0.10, 0.25, 0.50, 0.75, 0.90, 0.975};

    /** One row of forecast.csv. */
    public record Row(YearMonth month, String authority, String category, double[] quantiles) {
        public double median() {
            return quantiles[3];
        }
    }

    /**
     * What to forecast; the scenario's demand levers apply (its supply lever does not change the count).
     * {@code windowMonths} 0 lets the backtest choose the model; a positive value fixes a flat-entry model with
     * that reference window.
     */
    public record Settings(
            LocalDate asOf, int horizonMonths, int runs, long seed, int windowMonths, Scenario scenario) {

        /** A forecast with only an entry rate change (0 for the baseline). */
        public Settings(LocalDate asOf, int horizonMonths, int runs, long seed, int windowMonths, double entryChange) {
            this(
                    asOf,
                    horizonMonths,
                    runs,
                    seed,
                    windowMonths,
                    entryChange == 0 ? Scenario.BASELINE : new Scenario("entry", entryChange, 0, 0));
        }

        public Settings with(Scenario other) {
            return new Settings(asOf, horizonMonths, runs, seed, windowMonths, other);
        }

        public Settings at(LocalDate date) {
            return new Settings(date, horizonMonths, runs, seed, windowMonths, scenario);
        }
    }

    /** One row of forecast_by_age.csv: like {@link Row}, for one age band. */
    public record AgeRow(YearMonth month, String authority, AgeBand band, String category, double[] quantiles) {
        public double median() {
            return quantiles[3];
        }
    }

    /**
     * A forecast: its rows by category, by age band and category, the model used and how it was chosen, and every
     * simulated future's month-end counts ({@code futures[authority][category][month][run]}, authorities as in
     * {@link #authorities}, ALL last; categories in {@link Category} order), from which spend is computed per future.
     */
    public record Result(
            List<Row> rows,
            List<AgeRow> byAge,
            ModelChoice choice,
            List<String> authorities,
            YearMonth firstMonth,
            double[][][][] futures) {}

    private Forecast() {}

    /** The forecast's rows by category (forecast.csv). */
    public static List<Row> run(Ssda903Data data, Settings settings) {
        return forecast(data, settings).rows();
    }

    /**
     * The last month whose end is on or before the as-of date: the forecast starts from the children looked after
     * then and uses nothing dated later.
     */
    public static YearMonth originMonth(LocalDate asOf) {
        YearMonth month = YearMonth.from(asOf);
        return asOf.equals(month.atEndOfMonth()) ? month : month.minusMonths(1);
    }

    public static Result forecast(Ssda903Data data, Settings settings) {
        YearMonth origin = originMonth(settings.asOf());
        Ssda903Data known = data.asOf(origin.atEndOfMonth());
        MonthlyFlows flows = MonthlyFlows.of(known, origin, ModelChoice.SPAN);
        ModelChoice choice = settings.windowMonths() > 0
                ? ModelChoice.fixed(settings.windowMonths())
                : ModelChoice.choose(flows, origin);
        return simulate(flows, origin, choice, settings);
    }

    /** A forecast with a model already chosen (a scenario beside its baseline uses the baseline's). */
    public static Result forecast(Ssda903Data data, Settings settings, ModelChoice choice) {
        YearMonth origin = originMonth(settings.asOf());
        return simulate(
                MonthlyFlows.of(data.asOf(origin.atEndOfMonth()), origin, ModelChoice.SPAN), origin, choice, settings);
    }

    private static Result simulate(MonthlyFlows flows, YearMonth origin, ModelChoice choice, Settings settings) {
        List<String> councils = flows.councils();
        int models = choice.models().size();
        StockFlowModel.Rates[][] rates = new StockFlowModel.Rates[models][];
        Entries[][] entries = new Entries[models][];
        for (int m = 0; m < models; m++) {
            ModelChoice.Candidate candidate = choice.models().get(m);
            rates[m] = StockFlowModel.fit(flows, origin, candidate.windowMonths());
            entries[m] = Entries.fit(flows, origin, candidate.windowMonths(), candidate.entries());
        }
        int horizon = settings.horizonMonths();
        int runs = settings.runs();
        int categories = StockFlowModel.CATEGORIES;
        int bands = StockFlowModel.BANDS;
        int all = councils.size();
        // futures[council incl. ALL][category incl. ALL][month][run]; byAge[council incl. ALL][band][category incl.
        // ALL][month][run]
        double[][][][] futures = new double[all + 1][categories + 1][horizon][runs];
        int[][][][][] byAge = new int[all + 1][bands][categories + 1][horizon][runs];
        SplittableRandom random = new SplittableRandom(settings.seed());
        double[] assigned = new double[models];
        for (int run = 0; run < runs; run++) {
            // A blend's models share the futures in their shares; each future also draws its own rates and trend.
            int m = furthestBehind(choice.shares(), assigned, run);
            assigned[m]++;
            for (int council = 0; council < all; council++) {
                SplittableRandom stream = random.split();
                int[][][] counts = StockFlowModel.simulate(
                        rates[m][council].draw(stream),
                        entries[m][council].draw(stream),
                        horizon,
                        stream,
                        settings.scenario());
                for (int month = 0; month < horizon; month++) {
                    for (int b = 0; b < bands; b++) {
                        for (int c = 0; c < categories; c++) {
                            int n = counts[month][b][c];
                            for (int a : new int[] {council, all}) {
                                futures[a][c][month][run] += n;
                                futures[a][categories][month][run] += n;
                                byAge[a][b][c][month][run] += n;
                                byAge[a][b][categories][month][run] += n;
                            }
                        }
                    }
                }
            }
        }
        List<String> authorities = new ArrayList<>(councils);
        authorities.add(ALL);
        List<Row> rows = new ArrayList<>();
        List<AgeRow> ageRows = new ArrayList<>();
        for (int month = 0; month < horizon; month++) {
            YearMonth label = origin.plusMonths(month + 1L);
            for (int a = 0; a <= all; a++) {
                for (int c = 0; c <= categories; c++) {
                    String category = c == categories ? ALL : Category.values()[c].name();
                    rows.add(new Row(label, authorities.get(a), category, quantiles(futures[a][c][month])));
                    for (int b = 0; b < bands; b++) {
                        ageRows.add(new AgeRow(
                                label,
                                authorities.get(a),
                                AgeBand.values()[b],
                                category,
                                quantiles(java.util.Arrays.stream(byAge[a][b][c][month])
                                        .asDoubleStream()
                                        .toArray())));
                    }
                }
            }
        }
        return new Result(rows, ageRows, choice, authorities, origin.plusMonths(1), futures);
    }

    /**
     * The model whose share of the futures so far is furthest below its share: interleaves the models, in equal
     * shares one after another (0, 1, 2, 0, 1, 2, ...).
     */
    static int furthestBehind(List<Double> shares, double[] assigned, int run) {
        int best = 0;
        double most = Double.NEGATIVE_INFINITY;
        for (int m = 0; m < assigned.length; m++) {
            double behind = shares.get(m) * (run + 1) - assigned[m];
            if (behind > most + 1e-9) {
                most = behind;
                best = m;
            }
        }
        return best;
    }

    static double[] quantiles(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] result = new double[QUANTILES.length];
        for (int i = 0; i < QUANTILES.length; i++) {
            double position = QUANTILES[i] * (sorted.length - 1);
            int lower = (int) Math.floor(position);
            int upper = Math.min(sorted.length - 1, lower + 1);
            // Rounded as forecast.csv prints them, so figures read back from the file are the same.
            result[i] = Math.round((sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower])) * 10) / 10.0;
        }
        return result;
    }

    /** Rows by (month, authority, category) for lookups. */
    public static Map<String, Row> index(List<Row> rows) {
        Map<String, Row> index = new LinkedHashMap<>();
        rows.forEach(row -> index.put(row.month() + "|" + row.authority() + "|" + row.category(), row));
        return index;
    }
}
