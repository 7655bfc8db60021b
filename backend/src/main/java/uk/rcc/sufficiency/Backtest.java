package uk.rcc.sufficiency;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * How good the forecast would have been: fitted on the data up to several past dates, it forecasts the next 12
 * and 24 months, and the co-operative's actual counts are compared with it and with two naive baselines (last
 * value carried forward; a straight line through the previous two years).
 */
public final class Backtest {
    public static final int[] HORIZONS = { 12, 24 };

    /** One comparison: an origin, a horizon, an authority (or ALL for the co-operative) and a category. */
    public record Point(YearMonth origin, int horizon, String authority, String category, double actual, double median, double low50,
            double high50, double low80, double high80, double low95, double high95, double lastValue,
            double trend) {
    }

    /** Accuracy per horizon, authority and category over all origins. */
    public record Summary(int horizon, String authority, String category, int origins, double modelWape, double lastValueWape,
            double trendWape, double modelBias, double coverage50, double coverage80, double coverage95) {
    }

    private Backtest() {
    }

    public static List<Point> run(Ssda903Data data, LocalDate lastDate, int origins, int runs, long seed,
            int windowMonths) {
        List<Point> points = new ArrayList<>();
        List<String> authorities = new ArrayList<>(List.of(Forecast.ALL));
        authorities.addAll(data.councils());
        Map<YearMonth, Map<String, Map<Category, Integer>>> counts = new HashMap<>();
        YearMonth end = YearMonth.from(lastDate);
        for (int k = 0; k < origins; k++) {
            YearMonth origin = end.minusMonths(24 + 6L * k);
            LocalDate originDate = origin.atEndOfMonth();
            if (YearMonth.from(data.firstDate()).plusMonths(windowMonths + 12).isAfter(origin)) {
                break;
            }
            List<Forecast.Row> forecast = Forecast.run(data.asOf(originDate), new Forecast.Settings(
                    originDate.plusDays(1), 24, runs, seed + k, windowMonths, 0));
            Map<String, Forecast.Row> byKey = Forecast.index(forecast);
            for (String authority : authorities) {
                for (String category : categories()) {
                    double[] history = history(month -> count(counts.computeIfAbsent(month, data::countsAt),
                            authority, category), origin);
                    for (int horizon : HORIZONS) {
                        YearMonth target = origin.plusMonths(horizon);
                        Forecast.Row row = byKey.get(target + "|" + authority + "|" + category);
                        if (row == null) {
                            continue;
                        }
                        double actual = count(counts.computeIfAbsent(target, data::countsAt), authority, category);
                        double[] q = row.quantiles();
                        points.add(new Point(origin, horizon, authority, category, actual, q[3], q[2], q[4], q[1],
                                q[5], q[0], q[6], history[history.length - 1], trend(history, horizon)));
                    }
                }
            }
        }
        return points;
    }

    public static List<Summary> summarise(List<Point> points) {
        List<Summary> summaries = new ArrayList<>();
        List<String> authorities = points.stream().map(Point::authority).distinct().toList();
        for (String authority : authorities) {
            for (int horizon : HORIZONS) {
                for (String category : categories()) {
                    List<Point> group = points.stream().filter(p -> p.horizon() == horizon
                            && p.authority().equals(authority) && p.category().equals(category)).toList();
                    if (!group.isEmpty()) {
                        summaries.add(summary(horizon, authority, category, group));
                    }
                }
            }
        }
        return summaries;
    }

    private static Summary summary(int horizon, String authority, String category, List<Point> group) {
        double actual = group.stream().mapToDouble(Point::actual).sum();
        return new Summary(horizon, authority, category, group.size(),
                wape(group.stream().mapToDouble(p -> Math.abs(p.median() - p.actual())).sum(), actual),
                wape(group.stream().mapToDouble(p -> Math.abs(p.lastValue() - p.actual())).sum(), actual),
                wape(group.stream().mapToDouble(p -> Math.abs(p.trend() - p.actual())).sum(), actual),
                actual == 0 ? 0 : group.stream().mapToDouble(p -> p.median() - p.actual()).sum() / actual,
                share(group, 0), share(group, 1), share(group, 2));
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
        long inside = group.stream().filter(p -> switch (level) {
            case 0 -> p.actual() >= p.low50() && p.actual() <= p.high50();
            case 1 -> p.actual() >= p.low80() && p.actual() <= p.high80();
            default -> p.actual() >= p.low95() && p.actual() <= p.high95();
        }).count();
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

    /** Children of an authority (or ALL) in a category (or ALL) from month-end counts by council and category. */
    static double count(Map<String, Map<Category, Integer>> counts, String authority, String category) {
        double total = 0;
        for (Map.Entry<String, Map<Category, Integer>> council : counts.entrySet()) {
            if (!authority.equals(Forecast.ALL) && !authority.equals(council.getKey())) {
                continue;
            }
            for (Map.Entry<Category, Integer> entry : council.getValue().entrySet()) {
                if (category.equals(Forecast.ALL) || entry.getKey().name().equals(category)) {
                    total += entry.getValue();
                }
            }
        }
        return total;
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
