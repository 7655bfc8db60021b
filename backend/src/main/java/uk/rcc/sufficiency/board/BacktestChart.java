package uk.rcc.sufficiency.board;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import uk.rcc.sufficiency.board.chart.Drawing;
import uk.rcc.sufficiency.board.chart.Plot;

/**
 * How past forecasts did: what happened (the returns' month-end counts) and, from each backtest origin, the
 * forecast's median 1 to 24 months ahead with its 80% interval, as the forecast command's backtest made them with
 * the model it chose ({@code backtest_forecasts.csv}: the points {@code backtest.csv} scores).
 */
final class BacktestChart {
    private BacktestChart() {}

    static Drawing draw(
            String id, String title, List<ChildrenChart.Count> history, ForecastTable forecasts, String authority) {
        List<List<String>> rows = forecasts.where("authority", authority, "category", "ALL");
        List<String> origins = rows.stream()
                .map(r -> forecasts.get(r, "origin"))
                .distinct()
                .sorted()
                .toList();
        List<Drawing.Mark> marks = new ArrayList<>();
        List<String> names = new ArrayList<>(List.of("What happened"));
        List<String> colours = new ArrayList<>(List.of(ChildrenChart.HISTORY));
        for (int i = 0; i < origins.size(); i++) {
            names.add("Forecast from " + ChildrenChart.monthName(YearMonth.parse(origins.get(i))));
            colours.add(ScenarioChart.COLOURS.get(1 + i % (ScenarioChart.COLOURS.size() - 1)));
        }
        double top = Plot.legend(marks, 56, 16, 700, names, colours) + 6;
        Plot plot = new Plot(56, top, 690, top + 210);
        YearMonth first = origins.isEmpty()
                ? history.get(0).month()
                : YearMonth.parse(origins.get(0)).minusMonths(12);
        List<ChildrenChart.Count> shown =
                history.stream().filter(c -> !c.month().isBefore(first)).toList();
        YearMonth last = shown.isEmpty()
                ? first.plusMonths(12)
                : shown.get(shown.size() - 1).month();
        double low =
                shown.stream().mapToDouble(ChildrenChart.Count::children).min().orElse(0);
        double high =
                shown.stream().mapToDouble(ChildrenChart.Count::children).max().orElse(1);
        for (List<String> row : rows) {
            low = Math.min(low, forecasts.number(row, "p10"));
            high = Math.max(high, forecasts.number(row, "p90"));
        }
        plot.yScale(low, high, false).yAxis(marks, Plot::count);
        plot.timeAxis(marks, first, last);
        List<double[]> actual = Plot.points();
        shown.forEach(c -> actual.add(new double[] {plot.x(at(first, c.month())), plot.y(c.children())}));
        marks.add(Drawing.Shape.line("actual", actual, ChildrenChart.HISTORY, 2, false, shown.size()));
        for (int i = 0; i < origins.size(); i++) {
            origin(marks, plot, first, history, forecasts, rows, origins.get(i), colours.get(i + 1));
        }
        return new Drawing(
                id,
                "backtest",
                title,
                "What happened is the black line; each coloured dashed line runs "
                        + "from a past date to what the model then forecast 12 and 24 months ahead, with its 80% interval.",
                720,
                plot.bottom() + 28,
                marks);
    }

    private static void origin(
            List<Drawing.Mark> marks,
            Plot plot,
            YearMonth first,
            List<ChildrenChart.Count> history,
            ForecastTable forecasts,
            List<List<String>> rows,
            String origin,
            String colour) {
        YearMonth start = YearMonth.parse(origin);
        List<double[]> path = Plot.points();
        Optional<ChildrenChart.Count> from =
                history.stream().filter(c -> c.month().equals(start)).findFirst();
        from.ifPresent(c -> path.add(new double[] {plot.x(at(first, start)), plot.y(c.children())}));
        int points = 0;
        for (List<String> row : rows) {
            if (!forecasts.get(row, "origin").equals(origin)) {
                continue;
            }
            double x = plot.x(at(first, YearMonth.parse(forecasts.get(row, "month"))));
            path.add(new double[] {x, plot.y(forecasts.number(row, "p50"))});
            marks.add(Drawing.Shape.line(
                    "interval-80",
                    List.of(
                            new double[] {x, plot.y(forecasts.number(row, "p10"))},
                            new double[] {x, plot.y(forecasts.number(row, "p90"))}),
                    colour,
                    2,
                    false,
                    1));
            points++;
        }
        marks.add(Drawing.Shape.line("backtest-median", path, colour, 2, true, points));
    }

    /**
     * The backtest's accuracy for an authority, all placements, in words: backtest.csv's scores of the forecast as
     * run, computed from the same points the chart draws.
     */
    static String inWords(ForecastTable backtest, String authority) {
        StringBuilder text = new StringBuilder();
        for (List<String> row : backtest.rows()) {
            String rowAuthority = backtest.header().contains("authority") ? backtest.get(row, "authority") : "ALL";
            if (!rowAuthority.equals(authority)
                    || !backtest.get(row, "category").equals("ALL")
                    || backtest.number(row, "model_wape") == null) {
                continue;
            }
            text.append(String.format(
                    Locale.UK,
                    "Forecasts %s months ahead from %s past dates were %s off on "
                            + "average (carrying the last count forward: %s; a straight line: %s), and the 80%% interval "
                            + "held what happened %s of the time. ",
                    backtest.get(row, "horizon_months"),
                    backtest.get(row, "origins"),
                    percent(backtest.number(row, "model_wape")),
                    percent(backtest.number(row, "last_value_wape")),
                    percent(backtest.number(row, "linear_trend_wape")),
                    percent(backtest.number(row, "coverage_80"))));
        }
        return (text + chosenModel(backtest, authority)).trim();
    }

    /** Which candidate the forecast chose by backtest, against the fixed 36-month window it used to take. */
    private static String chosenModel(ForecastTable backtest, String authority) {
        if (!backtest.header().contains("chosen_model") || !backtest.header().contains("wape_w36_flat")) {
            return "";
        }
        String chosen = null;
        List<String> fixed = new java.util.ArrayList<>();
        for (List<String> row : backtest.rows()) {
            String rowAuthority = backtest.header().contains("authority") ? backtest.get(row, "authority") : "ALL";
            if (rowAuthority.equals(authority) && backtest.get(row, "category").equals("ALL")) {
                chosen = backtest.get(row, "chosen_model");
                fixed.add(backtest.get(row, "horizon_months") + " months "
                        + percent(backtest.number(row, "wape_w36_flat")));
            }
        }
        return chosen == null || chosen.isBlank()
                ? ""
                : String.format(
                        Locale.UK,
                        "The model was chosen by backtest before the as-of date: %s (the fixed 36-month window with flat "
                                + "entries would have been off by %s).",
                        chosen,
                        String.join(", ", fixed));
    }

    private static String percent(Double share) {
        return share == null ? "–" : String.format(Locale.UK, "%.1f%%", share * 100);
    }

    private static long at(YearMonth first, YearMonth month) {
        return first.until(month, ChronoUnit.MONTHS);
    }
}
