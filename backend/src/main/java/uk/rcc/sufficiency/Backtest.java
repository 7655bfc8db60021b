package uk.rcc.sufficiency;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * How good the forecast would have been: the whole forecast (its model chosen from the data before each date, then
 * simulated) is run from several past dates, and the actual month-end counts 1 to 24 months later are compared with
 * it, with every candidate model's expected counts, and with two naive baselines (last value carried forward; a
 * straight line through the previous two years).
 */
public final class Backtest {
    public static final int[] HORIZONS = {12, 24};
    static final int AHEAD = 24;

    /**
     * One comparison: an origin, months ahead, an authority (or ALL for the co-operative) and a category (or ALL);
     * {@code candidates} holds each candidate model's expected count by its code.
     */
    public record Point(
            YearMonth origin,
            int horizon,
            String authority,
            String category,
            double actual,
            double median,
            double low50,
            double high50,
            double low80,
            double high80,
            double low95,
            double high95,
            double lastValue,
            double trend,
            Map<String, Double> candidates) {}

    /**
     * Accuracy per horizon, authority and category over all origins; {@code candidateWapes} each candidate model's
     * WAPE by its code.
     */
    public record Summary(
            int horizon,
            String authority,
            String category,
            int origins,
            double modelWape,
            double lastValueWape,
            double trendWape,
            double modelBias,
            double coverage50,
            double coverage80,
            double coverage95,
            Map<String, Double> candidateWapes) {}

    private Backtest() {}

    public static List<Point> run(
            Ssda903Data data, LocalDate lastDate, int origins, int runs, long seed, int windowMonths) {
        YearMonth end = Forecast.originMonth(lastDate);
        MonthlyFlows flows =
                MonthlyFlows.of(data.asOf(end.atEndOfMonth()), end, ModelChoice.SPAN + AHEAD + 6 * origins + 24);
        List<ModelChoice.Candidate> candidates = ModelChoice.Candidate.all();
        List<Point> points = new ArrayList<>();
        for (int k = 0; k < origins; k++) {
            YearMonth origin = end.minusMonths(AHEAD + 6L * k);
            if (flows.month(0, origin.minusMonths(12 + ModelChoice.MIN_HISTORY_MONTHS - 1)) == null) {
                break;
            }
            Forecast.Result forecast = Forecast.forecast(
                    data, new Forecast.Settings(origin.atEndOfMonth(), AHEAD, runs, seed + k, windowMonths, 0));
            Map<String, Forecast.Row> byKey = Forecast.index(forecast.rows());
            Map<String, double[][][]> projected = new LinkedHashMap<>();
            for (ModelChoice.Candidate candidate : candidates) {
                projected.put(candidate.code(), ModelChoice.project(flows, origin, candidate, AHEAD));
            }
            List<String> authorities = forecast.authorities();
            for (int a = 0; a < authorities.size(); a++) {
                int council =
                        a == authorities.size() - 1 ? -1 : flows.councils().indexOf(authorities.get(a));
                for (int c = -1; c < StockFlowModel.CATEGORIES; c++) {
                    int category = c;
                    String name = c < 0 ? Forecast.ALL : Category.values()[c].name();
                    double[] history = history(month -> count(flows, council, month, category), origin);
                    for (int ahead = 1; ahead <= AHEAD; ahead++) {
                        YearMonth target = origin.plusMonths(ahead);
                        Forecast.Row row = byKey.get(target + "|" + authorities.get(a) + "|" + name);
                        if (row == null || flows.month(0, target) == null) {
                            continue;
                        }
                        Map<String, Double> expected = new LinkedHashMap<>();
                        for (var p : projected.entrySet()) {
                            double[] counts = p.getValue()[council < 0 ? authorities.size() - 1 : council][ahead - 1];
                            expected.put(p.getKey(), c < 0 ? StockFlowModel.sum(counts) : counts[c]);
                        }
                        double[] q = row.quantiles();
                        points.add(new Point(
                                origin,
                                ahead,
                                authorities.get(a),
                                name,
                                count(flows, council, target, category),
                                q[3],
                                q[2],
                                q[4],
                                q[1],
                                q[5],
                                q[0],
                                q[6],
                                history[history.length - 1],
                                trend(history, ahead),
                                expected));
                    }
                }
            }
        }
        return points;
    }

    private static double count(MonthlyFlows flows, int council, YearMonth month, int category) {
        MonthlyFlows.Month counts = flows.month(council, month);
        return counts == null ? 0 : counts.count(-1, category);
    }

    public static List<Summary> summarise(List<Point> points) {
        List<Summary> summaries = new ArrayList<>();
        List<String> authorities =
                points.stream().map(Point::authority).distinct().toList();
        for (String authority : authorities) {
            for (int horizon : HORIZONS) {
                for (String category : categories()) {
                    List<Point> group = points.stream()
                            .filter(p -> p.horizon() == horizon
                                    && p.authority().equals(authority)
                                    && p.category().equals(category))
                            .toList();
                    if (!group.isEmpty()) {
                        summaries.add(summary(horizon, authority, category, group));
                    }
                }
            }
        }
        return summaries;
    }

    /**
     * WAPE over the 7 categories (not of the total) of the model, a candidate (by code), "last_value" or "trend",
     * for an authority at a horizon: the measure models are chosen by.
     */
    public static double wapeOverCategories(List<Point> points, String authority, int horizon, String model) {
        double error = 0;
        double actual = 0;
        for (Point p : points) {
            if (p.horizon() == horizon
                    && p.authority().equals(authority)
                    && !p.category().equals(Forecast.ALL)) {
                double forecast = switch (model) {
                    case "model" -> p.median();
                    case "last_value" -> p.lastValue();
                    case "trend" -> p.trend();
                    default -> p.candidates().get(model);
                };
                error += Math.abs(forecast - p.actual());
                actual += p.actual();
            }
        }
        return actual == 0 ? Double.NaN : error / actual;
    }

    /**
     * The share of outcomes inside the model's 80% interval, per council × category × month ahead (1 to 24), over
     * every origin: the figure the intervals are judged by.
     */
    public static double coverage80(List<Point> points) {
        List<Point> outcomes = points.stream()
                .filter(p ->
                        !p.authority().equals(Forecast.ALL) && !p.category().equals(Forecast.ALL))
                .toList();
        return outcomes.isEmpty() ? Double.NaN : share(outcomes, 1);
    }

    private static Summary summary(int horizon, String authority, String category, List<Point> group) {
        double actual = group.stream().mapToDouble(Point::actual).sum();
        Map<String, Double> candidates = new LinkedHashMap<>();
        group.get(0)
                .candidates()
                .keySet()
                .forEach(code -> candidates.put(
                        code,
                        wape(
                                group.stream()
                                        .mapToDouble(
                                                p -> Math.abs(p.candidates().get(code) - p.actual()))
                                        .sum(),
                                actual)));
        return new Summary(
                horizon,
                authority,
                category,
                group.size(),
                wape(
                        group.stream()
                                .mapToDouble(p -> Math.abs(p.median() - p.actual()))
                                .sum(),
                        actual),
                wape(
                        group.stream()
                                .mapToDouble(p -> Math.abs(p.lastValue() - p.actual()))
                                .sum(),
                        actual),
                wape(
                        group.stream()
                                .mapToDouble(p -> Math.abs(p.trend() - p.actual()))
                                .sum(),
                        actual),
                actual == 0
                        ? 0
                        : group.stream()
                                        .mapToDouble(p -> p.median() - p.actual())
                                        .sum()
                                / actual,
                share(group, 0),
                share(group, 1),
                share(group, 2),
                candidates);
    }

    static List<String> categories() {
        List<String> categories = new ArrayList<>();
        categories.add(Forecast.ALL);
        for (Category category : Category.values()) {
            categories.add(category.name());
        }
        return categories;
    }

    private static double share(List<Point> group, int level) {
        long inside = group.stream()
                .filter(p -> switch (level) {
                    case 0 -> p.actual() >= p.low50() && p.actual() <= p.high50();
                    case 1 -> p.actual() >= p.low80() && p.actual() <= p.high80();
                    default -> p.actual() >= p.low95() && p.actual() <= p.high95();
                })
                .count();
        return inside / (double) group.size();
    }

    private static double wape(double error, double actual) {
        return actual == 0 ? 0 : error / actual;
    }

    /** Monthly counts over the 24 months up to the origin. */
    static double[] history(ToDoubleFunction<YearMonth> count, YearMonth origin) {
        double[] counts = new double[24];
        for (int i = 0; i < 24; i++) {
            counts[i] = count.applyAsDouble(origin.minusMonths(23 - i));
        }
        return counts;
    }

    /** Least-squares line through the history, extended {@code ahead} months past its last point. */
    static double trend(double[] history, int ahead) {
        int n = history.length;
        double meanX = (n - 1) / 2.0;
        double meanY = 0;
        for (double y : history) {
            meanY += y / n;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (i - meanX) * (history[i] - meanY);
            sxx += (i - meanX) * (i - meanX);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        return Math.max(0, meanY + slope * (n - 1 + ahead - meanX));
    }
}
