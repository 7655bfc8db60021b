package uk.rcc.sufficiency;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.rcc.exchange.ExchangeWriter;

/**
 * From a forecast to what a board decides on: places needed at a confidence level against supply (today's and
 * projected), the gap, the children expected to be placed out of area or far away, spend, and the side-by-side
 * comparison of scenarios with the baseline. Pure functions of the forecast rows, so the headless command and
 * the service give the same figures.
 */
public final class SufficiencyTables {

    /** Places needed at a year end (March, and the last forecast month) for an authority and category. */
    public record Need(
            YearMonth month,
            String authority,
            String category,
            double confidence,
            long placesNeeded,
            double median,
            double p10,
            double p90,
            Double placesNow,
            Double placesProjected,
            Double gap,
            Double gapMedian,
            Double outsideOrFar) {}

    /** Spend in a financial year (April to March) for an authority and category: p10, p50 and p90. */
    public record Cost(
            String financialYear,
            String authority,
            String category,
            Double weeklyCost,
            int months,
            double p10,
            double p50,
            double p90) {}

    /** One scenario's figures for a year end, authority and category, as compared side by side. */
    public record Compared(String scenario, Need need, Cost cost) {}

    /** Supply, its projection and the scenario whose recruitment adds foster places. */
    public record SupplyContext(Supply supply, Supply.Projection projection, Scenario scenario) {
        public static final SupplyContext NONE =
                new SupplyContext(Supply.NONE, Supply.Projection.NONE, Scenario.BASELINE);
    }

    private SufficiencyTables() {}

    /**
     * Places needed: the forecast's {@code confidence} quantile of the month-end count, rounded up. Where the
     * registry has places of the category, the gap is places needed minus projected places (positive: too few).
     * Children expected outside the co-operative or more than 20 miles away if nothing changes: every child
     * beyond the projected places (median forecast), plus today's share placed out of area or far among those
     * who do get a place.
     */
    public static List<Need> needs(List<Forecast.Row> rows, double confidence, SupplyContext context) {
        YearMonth first =
                rows.stream().map(Forecast.Row::month).min(YearMonth::compareTo).orElse(null);
        YearMonth last =
                rows.stream().map(Forecast.Row::month).max(YearMonth::compareTo).orElse(null);
        List<Need> needs = new ArrayList<>();
        for (Forecast.Row row : rows) {
            if (row.month().getMonthValue() == 3 || row.month().equals(last)) {
                int monthsAhead = (int) ChronoUnit.MONTHS.between(first, row.month()) + 1;
                needs.add(need(row, confidence, context, monthsAhead));
            }
        }
        return needs;
    }

    private static Need need(Forecast.Row row, double confidence, SupplyContext context, int monthsAhead) {
        double[] q = row.quantiles();
        long needed = (long) Math.ceil(ForecastCommand.interpolate(q, confidence) - 1e-9);
        Category category = row.category().equals(Forecast.ALL) ? null : Category.valueOf(row.category());
        if (category == null || !context.supply().known() || !Supply.PLANNED.contains(category)) {
            return new Need(
                    row.month(),
                    row.authority(),
                    row.category(),
                    confidence,
                    needed,
                    q[3],
                    q[1],
                    q[5],
                    null,
                    null,
                    null,
                    null,
                    null);
        }
        Supply supply = context.supply();
        double now = supply.line(row.authority(), category).places();
        double projected = round(supply.projected(
                row.authority(),
                category,
                monthsAhead,
                context.projection(),
                context.scenario().fosterRecruitment()));
        double placed = Math.min(row.median(), projected);
        double outside =
                Math.max(0, row.median() - projected) + supply.outsideShare(row.authority(), category) * placed;
        return new Need(
                row.month(),
                row.authority(),
                row.category(),
                confidence,
                needed,
                q[3],
                q[1],
                q[5],
                now,
                projected,
                round(needed - projected),
                round(row.median() - projected),
                round(outside));
    }

    /**
     * Projected spend per financial year: weekly cost × 52 / 12 for every month-end count of each simulated
     * future, summed over the year's forecast months within that future; p10/p50/p90 are quantiles of those
     * yearly sums (so a quantile of the year's spend, not a sum of monthly quantiles).
     */
    public static List<Cost> costs(Forecast.Result forecast, Map<Category, Double> weeklyCosts) {
        int categories = Category.values().length;
        int horizon = forecast.futures()[0][0].length;
        Map<String, List<Integer>> monthsByYear = new TreeMap<>();
        for (int m = 0; m < horizon; m++) {
            monthsByYear
                    .computeIfAbsent(financialYear(forecast.firstMonth().plusMonths(m)), y -> new ArrayList<>())
                    .add(m);
        }
        List<Cost> costs = new ArrayList<>();
        for (var year : monthsByYear.entrySet()) {
            for (int a = 0; a < forecast.authorities().size(); a++) {
                double[][][] futures = forecast.futures()[a];
                int runs = futures[0][0].length;
                double[] total = new double[runs];
                for (int c = 0; c < categories; c++) {
                    double monthly = weeklyCosts.get(Category.values()[c]) * 52 / 12;
                    double[] spend = new double[runs];
                    for (int m : year.getValue()) {
                        for (int run = 0; run < runs; run++) {
                            spend[run] += monthly * futures[c][m][run];
                        }
                    }
                    for (int run = 0; run < runs; run++) {
                        total[run] += spend[run];
                    }
                    costs.add(cost(
                            year.getKey(),
                            forecast.authorities().get(a),
                            Category.values()[c].name(),
                            round2(monthly * 12 / 52),
                            year.getValue().size(),
                            spend));
                }
                costs.add(cost(
                        year.getKey(),
                        forecast.authorities().get(a),
                        Forecast.ALL,
                        null,
                        year.getValue().size(),
                        total));
            }
        }
        costs.sort(java.util.Comparator.comparing(Cost::financialYear)
                .thenComparing(Cost::authority)
                .thenComparing(Cost::category));
        return costs;
    }

    private static Cost cost(
            String year, String authority, String category, Double weekly, int months, double[] spend) {
        double[] sorted = spend.clone();
        java.util.Arrays.sort(sorted);
        return new Cost(
                year,
                authority,
                category,
                weekly,
                months,
                Math.round(quantile(sorted, 0.10)),
                Math.round(quantile(sorted, 0.5)),
                Math.round(quantile(sorted, 0.90)));
    }

    private static double quantile(double[] sorted, double level) {
        double position = level * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(sorted.length - 1, lower + 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }

    /** Places needed by age band: each band's {@code confidence} quantile at the same year ends as {@link #needs}. */
    public static List<AgeNeed> needsByAge(List<Forecast.AgeRow> rows, double confidence) {
        YearMonth last = rows.stream()
                .map(Forecast.AgeRow::month)
                .max(YearMonth::compareTo)
                .orElse(null);
        List<AgeNeed> needs = new ArrayList<>();
        for (Forecast.AgeRow row : rows) {
            if (row.month().getMonthValue() == 3 || row.month().equals(last)) {
                double[] q = row.quantiles();
                needs.add(new AgeNeed(
                        row.month(),
                        row.authority(),
                        row.band().label(),
                        row.category(),
                        confidence,
                        (long) Math.ceil(ForecastCommand.interpolate(q, confidence) - 1e-9),
                        q[3],
                        q[1],
                        q[5]));
            }
        }
        return needs;
    }

    /** Places needed at a year end for an authority, age band and category (no supply: homes' age ranges vary). */
    public record AgeNeed(
            YearMonth month,
            String authority,
            String ageBand,
            String category,
            double confidence,
            long placesNeeded,
            double median,
            double p10,
            double p90) {}

    public static byte[] needsByAgeCsv(List<AgeNeed> needs) {
        return ExchangeWriter.csv(
                List.of(
                        "month",
                        "authority",
                        "age_band",
                        "category",
                        "confidence",
                        "places_needed",
                        "median_children",
                        "p10_children",
                        "p90_children"),
                needs,
                n -> cells(
                        n.month().toString(),
                        n.authority(),
                        n.ageBand(),
                        n.category(),
                        n.confidence(),
                        n.placesNeeded(),
                        n.median(),
                        n.p10(),
                        n.p90()));
    }

    /** The financial year a month falls in, e.g. 2025-26 for April 2025 to March 2026. */
    public static String financialYear(YearMonth month) {
        int start = month.getMonthValue() >= 4 ? month.getYear() : month.getYear() - 1;
        return start + "-" + String.format("%02d", (start + 1) % 100);
    }

    /** One scenario's places needed, gap and spend for every year end, authority and category. */
    public static List<Compared> compare(
            String scenario,
            Forecast.Result forecast,
            double confidence,
            SupplyContext context,
            Map<Category, Double> weeklyCosts) {
        List<Forecast.Row> rows = forecast.rows();
        Map<String, Cost> costs = new TreeMap<>();
        costs(forecast, weeklyCosts)
                .forEach(c -> costs.put(c.financialYear() + "|" + c.authority() + "|" + c.category(), c));
        List<Compared> compared = new ArrayList<>();
        for (Need need : needs(rows, confidence, context)) {
            compared.add(new Compared(
                    scenario,
                    need,
                    costs.get(financialYear(need.month()) + "|" + need.authority() + "|" + need.category())));
        }
        return compared;
    }

    public static byte[] needsCsv(List<Need> needs) {
        return ExchangeWriter.csv(
                List.of(
                        "month",
                        "authority",
                        "category",
                        "confidence",
                        "places_needed",
                        "median_children",
                        "p10_children",
                        "p90_children",
                        "places_now",
                        "places_projected",
                        "gap",
                        "gap_median",
                        "outside_or_far"),
                needs,
                n -> cells(
                        n.month().toString(),
                        n.authority(),
                        n.category(),
                        n.confidence(),
                        n.placesNeeded(),
                        n.median(),
                        n.p10(),
                        n.p90(),
                        n.placesNow(),
                        n.placesProjected(),
                        n.gap(),
                        n.gapMedian(),
                        n.outsideOrFar()));
    }

    public static byte[] costsCsv(List<Cost> costs) {
        return ExchangeWriter.csv(
                List.of(
                        "financial_year",
                        "authority",
                        "category",
                        "weekly_cost",
                        "months",
                        "spend_p10",
                        "spend_p50",
                        "spend_p90"),
                costs,
                c -> cells(
                        c.financialYear(),
                        c.authority(),
                        c.category(),
                        c.weeklyCost(),
                        c.months(),
                        (long) c.p10(),
                        (long) c.p50(),
                        (long) c.p90()));
    }

    public static final List<String> COMPARISON_HEADER = List.of(
            "scenario",
            "month",
            "authority",
            "category",
            "places_needed",
            "median_children",
            "p10_children",
            "p90_children",
            "places_projected",
            "gap",
            "gap_median",
            "outside_or_far",
            "financial_year",
            "spend_p10",
            "spend_p50",
            "spend_p90");

    public static byte[] comparisonCsv(List<Compared> compared) {
        return ExchangeWriter.csv(COMPARISON_HEADER, compared, c -> {
            Need n = c.need();
            Cost cost = c.cost();
            return cells(
                    c.scenario(),
                    n.month().toString(),
                    n.authority(),
                    n.category(),
                    n.placesNeeded(),
                    n.median(),
                    n.p10(),
                    n.p90(),
                    n.placesProjected(),
                    n.gap(),
                    n.gapMedian(),
                    n.outsideOrFar(),
                    financialYear(n.month()),
                    cost == null ? null : (long) cost.p10(),
                    cost == null ? null : (long) cost.p50(),
                    cost == null ? null : (long) cost.p90());
        });
    }

    /** Cells with blanks for figures that do not apply (no supply for the category). */
    private static List<Object> cells(Object... values) {
        List<Object> cells = new ArrayList<>();
        for (Object value : values) {
            cells.add(value == null ? "" : value);
        }
        return cells;
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
