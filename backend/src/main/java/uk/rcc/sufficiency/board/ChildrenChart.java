package uk.rcc.sufficiency.board;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.rcc.sufficiency.board.chart.Drawing;
import uk.rcc.sufficiency.board.chart.Plot;

/**
 * Children looked after: the monthly history from the returns, then the forecast's median and its 50%, 80% and 95%
 * bands, with the as-of date marked, on dated axes.
 */
final class ChildrenChart {
    static final String HISTORY = "#0b0c0c";
    static final String MEDIAN = "#1d70b8";
    static final String BAND_95 = "#d2e2f1";
    static final String BAND_80 = "#a6c5e3";
    static final String BAND_50 = "#6d9ecf";
    /** Six years of history before the as-of date, where the returns have it. */
    static final int HISTORY_SHOWN = 72;

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);

    /** One month-end count from the returns. */
    record Count(YearMonth month, double children) {}

    private ChildrenChart() {}

    static Drawing draw(String id, String title, List<Count> allHistory, List<ForecastTable.Point> forecast) {
        List<Count> history = allHistory.subList(Math.max(0, allHistory.size() - HISTORY_SHOWN), allHistory.size());
        List<Drawing.Mark> marks = new ArrayList<>();
        double top = Plot.legend(
                        marks,
                        56,
                        16,
                        700,
                        List.of("History (returns)", "Forecast median", "50% interval", "80% interval", "95% interval"),
                        List.of(HISTORY, MEDIAN, BAND_50, BAND_80, BAND_95))
                + 6;
        Plot plot = new Plot(56, top, 690, top + 210);
        YearMonth first = !history.isEmpty() ? history.get(0).month() : month(forecast.get(0));
        YearMonth last =
                forecast.isEmpty() ? history.get(history.size() - 1).month() : month(forecast.get(forecast.size() - 1));
        double low = Math.min(
                history.stream().mapToDouble(Count::children).min().orElse(Double.MAX_VALUE),
                forecast.stream().mapToDouble(ForecastTable.Point::p025).min().orElse(Double.MAX_VALUE));
        double high = Math.max(
                history.stream().mapToDouble(Count::children).max().orElse(0),
                forecast.stream().mapToDouble(ForecastTable.Point::p975).max().orElse(0));
        plot.yScale(low, high, false).yAxis(marks, Plot::count);
        plot.timeAxis(marks, first, last);
        marks.add(band(plot, first, forecast, 0, BAND_95));
        marks.add(band(plot, first, forecast, 1, BAND_80));
        marks.add(band(plot, first, forecast, 2, BAND_50));
        List<double[]> median = Plot.points();
        forecast.forEach(p -> median.add(new double[] {plot.x(at(first, month(p))), plot.y(p.p50())}));
        marks.add(Drawing.Shape.line("median", median, MEDIAN, 2, false, forecast.size()));
        List<double[]> past = Plot.points();
        history.forEach(c -> past.add(new double[] {plot.x(at(first, c.month())), plot.y(c.children())}));
        marks.add(Drawing.Shape.line("history", past, HISTORY, 2, false, history.size()));
        if (!history.isEmpty()) {
            asOf(
                    marks,
                    plot,
                    plot.x(at(first, history.get(history.size() - 1).month())),
                    history.get(history.size() - 1).month());
        }
        return new Drawing(id, "children", title, description(history, forecast), 720, plot.bottom() + 28, marks);
    }

    private static void asOf(List<Drawing.Mark> marks, Plot plot, double x, YearMonth month) {
        marks.add(Drawing.Shape.line(
                "as-of",
                List.of(new double[] {x, plot.top()}, new double[] {x, plot.bottom()}),
                Plot.MUTED,
                1,
                true,
                0));
        boolean nearRight = x > plot.right() - 110;
        marks.add(new Drawing.Label(
                "as-of",
                nearRight ? x - 4 : x + 4,
                plot.top() + 12,
                "as of end " + MONTH.format(month),
                nearRight ? "end" : "start",
                Plot.FONT,
                false,
                Plot.INK));
    }

    private static Drawing.Shape band(
            Plot plot, YearMonth first, List<ForecastTable.Point> points, int level, String colour) {
        List<double[]> path = Plot.points();
        for (ForecastTable.Point p : points) {
            double upper = level == 0 ? p.p975() : level == 1 ? p.p90() : p.p75();
            path.add(new double[] {plot.x(at(first, month(p))), plot.y(upper)});
        }
        for (int i = points.size() - 1; i >= 0; i--) {
            ForecastTable.Point p = points.get(i);
            double lower = level == 0 ? p.p025() : level == 1 ? p.p10() : p.p25();
            path.add(new double[] {plot.x(at(first, month(p))), plot.y(lower)});
        }
        return Drawing.Shape.area(new String[] {"band-95", "band-80", "band-50"}[level], path, colour, points.size());
    }

    static String description(List<Count> history, List<ForecastTable.Point> forecast) {
        StringBuilder text = new StringBuilder();
        if (!history.isEmpty()) {
            Count start = history.get(0);
            Count end = history.get(history.size() - 1);
            text.append(String.format(
                    Locale.UK,
                    "From the returns: %s children at the end of %s and %s at the end " + "of %s. ",
                    Plot.count(start.children()),
                    MONTH.format(start.month()),
                    Plot.count(end.children()),
                    MONTH.format(end.month())));
        }
        if (!forecast.isEmpty()) {
            ForecastTable.Point end = forecast.get(forecast.size() - 1);
            text.append(String.format(
                    Locale.UK,
                    "Forecast for %s: median %s (95%% interval %s to %s).",
                    MONTH.format(month(end)),
                    Plot.count(end.p50()),
                    Plot.count(end.p025()),
                    Plot.count(end.p975())));
        }
        return text.toString().trim();
    }

    static YearMonth month(ForecastTable.Point point) {
        return YearMonth.parse(point.month());
    }

    private static long at(YearMonth first, YearMonth month) {
        return first.until(month, java.time.temporal.ChronoUnit.MONTHS);
    }

    static String monthName(YearMonth month) {
        return MONTH.format(month);
    }
}
