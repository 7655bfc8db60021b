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
    public static final double[] QUANTILES = { 0.025, 0.10, 0.25, 0.50, 0.75, 0.90, 0.975 };

    /** One row of forecast.csv. */
    public record Row(YearMonth month, String authority, String category, double[] quantiles) {
        public double median() {
            return quantiles[3];
        }
    }

    /** What to forecast; the scenario's demand levers apply (its supply lever does not change the count). */
    public record Settings(LocalDate asOf, int horizonMonths, int runs, long seed, int windowMonths,
            Scenario scenario) {

        /** A forecast with only an entry rate change (0 for the baseline). */
        public Settings(LocalDate asOf, int horizonMonths, int runs, long seed, int windowMonths, double entryChange) {
            this(asOf, horizonMonths, runs, seed, windowMonths, entryChange == 0 ? Scenario.BASELINE
                    : new Scenario("entry", entryChange, 0, 0));
        }

        public Settings with(Scenario other) {
            return new Settings(asOf, horizonMonths, runs, seed, windowMonths, other);
        }

        public Settings at(LocalDate date) {
            return new Settings(date, horizonMonths, runs, seed, windowMonths, scenario);
        }
    }

    private Forecast() {
    }

    public static List<Row> run(Ssda903Data data, Settings settings) {
        Map<String, StockFlowModel.Rates> rates = StockFlowModel.fit(data, settings.asOf(), settings.windowMonths());
        List<String> councils = new ArrayList<>(rates.keySet());
        int horizon = settings.horizonMonths();
        int categories = StockFlowModel.CATEGORIES;
        // samples[council incl. ALL][category incl. ALL][month][run]
        double[][][][] samples = new double[councils.size() + 1][categories + 1][horizon][settings.runs()];
        SplittableRandom random = new SplittableRandom(settings.seed());
        for (int run = 0; run < settings.runs(); run++) {
            for (int council = 0; council < councils.size(); council++) {
                int[][] counts = StockFlowModel.simulate(rates.get(councils.get(council)), horizon, random.split(),
                        settings.scenario());
                for (int month = 0; month < horizon; month++) {
                    for (int c = 0; c < categories; c++) {
                        double n = counts[month][c];
                        samples[council][c][month][run] += n;
                        samples[council][categories][month][run] += n;
                        samples[councils.size()][c][month][run] += n;
                        samples[councils.size()][categories][month][run] += n;
                    }
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        YearMonth start = YearMonth.from(settings.asOf().minusDays(1));
        for (int month = 0; month < horizon; month++) {
            for (int council = 0; council <= councils.size(); council++) {
                String authority = council == councils.size() ? ALL : councils.get(council);
                for (int c = 0; c <= categories; c++) {
                    String category = c == categories ? ALL : Category.values()[c].name();
                    rows.add(new Row(start.plusMonths(month + 1), authority, category,
                            quantiles(samples[council][c][month])));
                }
            }
        }
        return rows;
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
