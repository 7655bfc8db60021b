package uk.rcc.sufficiency.board;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import uk.rcc.sufficiency.board.chart.Bars;
import uk.rcc.sufficiency.board.chart.Drawing;
import uk.rcc.sufficiency.board.chart.Plot;

/**
 * Scenarios against the baseline at each year end: children looked after (median and 80% interval), places needed,
 * the foster gap and spend in the financial year (median and 10%–90%).
 */
final class ScenarioChart {
    static final List<String> COLOURS = List.of("#505a5f", "#1d70b8", "#f47738", "#912b88", "#28a197", "#b58840");
    private static final DateTimeFormatter YEAR_END = DateTimeFormatter.ofPattern("MMM yy", Locale.UK);

    /** What one panel shows of a scenario's figures. */
    private record Measure(
            String title,
            Function<ScenarioComparison.Figures, Double> value,
            Function<ScenarioComparison.Figures, Double> low,
            Function<ScenarioComparison.Figures, Double> high,
            java.util.function.DoubleFunction<String> format) {}

    private ScenarioChart() {}

    static Drawing draw(String id, String title, List<String> scenarios, List<ScenarioComparison.Line> lines) {
        List<Drawing.Mark> marks = new ArrayList<>();
        double top = Plot.legend(
                marks, 8, 16, 712, scenarios, COLOURS.subList(0, Math.min(COLOURS.size(), scenarios.size())));
        List<ScenarioComparison.Line> all =
                lines.stream().filter(l -> l.category().equals("ALL")).toList();
        List<ScenarioComparison.Line> foster =
                lines.stream().filter(l -> l.category().equals("FOSTER")).toList();
        List<Measure> measures = List.of(
                new Measure(
                        "Children looked after (median, 80% interval)",
                        f -> f.median(), f -> f.p10(), f -> f.p90(), Plot::count),
                new Measure(
                        "Places needed, all kinds",
                        f -> f.placesNeeded() == null ? null : f.placesNeeded().doubleValue(),
                        f -> null,
                        f -> null,
                        Plot::count),
                new Measure(
                        "Foster places: gap (needed − projected)",
                        ScenarioComparison.Figures::gap,
                        f -> null,
                        f -> null,
                        Plot::count),
                new Measure(
                        "Spend in the financial year (median, 10%–90%)",
                        f -> whole(f.spendP50()),
                        f -> whole(f.spendP10()),
                        f -> whole(f.spendP90()),
                        ScenarioChart::millions));
        for (int m = 0; m < measures.size(); m++) {
            Measure measure = measures.get(m);
            List<ScenarioComparison.Line> source = m == 2 ? foster : all;
            Bars.panel(
                    marks,
                    4 + (m % 2) * 356,
                    top + (m / 2) * 200,
                    356,
                    196,
                    measure.title(),
                    groups(scenarios, source, measure),
                    measure.format());
        }
        return new Drawing(id, "scenarios", title, description(scenarios, all), 720, top + 400, marks);
    }

    private static List<Bars.Group> groups(
            List<String> scenarios, List<ScenarioComparison.Line> lines, Measure measure) {
        List<Bars.Group> groups = new ArrayList<>();
        for (ScenarioComparison.Line line : lines) {
            List<Bars.Bar> bars = new ArrayList<>();
            for (int s = 0; s < scenarios.size(); s++) {
                ScenarioComparison.Figures figures = line.scenarios().get(scenarios.get(s));
                Double value = figures == null ? null : measure.value().apply(figures);
                if (value != null) {
                    bars.add(new Bars.Bar(
                            scenarios.get(s),
                            COLOURS.get(s % COLOURS.size()),
                            value,
                            measure.low().apply(figures),
                            measure.high().apply(figures)));
                }
            }
            groups.add(new Bars.Group(YEAR_END.format(YearMonth.parse(line.month())), bars, null, null));
        }
        return groups;
    }

    static String description(List<String> scenarios, List<ScenarioComparison.Line> all) {
        if (all.isEmpty()) {
            return "No scenarios.";
        }
        ScenarioComparison.Line last = all.get(all.size() - 1);
        StringBuilder text =
                new StringBuilder("At the end of " + ChildrenChart.monthName(YearMonth.parse(last.month())) + ": ");
        for (String scenario : scenarios) {
            ScenarioComparison.Figures f = last.scenarios().get(scenario);
            if (f != null && f.median() != null) {
                text.append(scenario)
                        .append(", median ")
                        .append(Plot.count(f.median()))
                        .append(" children, ")
                        .append(f.placesNeeded())
                        .append(" places needed")
                        .append(f.spendP50() == null ? "" : ", " + millions(f.spendP50()) + " in " + f.financialYear())
                        .append("; ");
            }
        }
        return text.substring(0, text.length() - 2) + ".";
    }

    static String millions(double pounds) {
        return String.format(Locale.UK, "£%.1fm", pounds / 1e6);
    }

    private static Double whole(Long value) {
        return value == null ? null : value.doubleValue();
    }
}
