package uk.rcc.sufficiency.board;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.rcc.sufficiency.Scenario;
import uk.rcc.sufficiency.board.chart.Plot;

/**
 * The report's first page for the co-operative, in plain words and one table: children in care now and at each
 * year end ahead, places needed against projected places by kind, spend with its interval, what each scenario
 * changes and how accurate past forecasts were.
 */
final class ReportSummary {
    record Summary(List<String> sentences, SufficiencyReport.Table table) {}

    private ReportSummary() {}

    static Summary of(SufficiencyReport.Inputs in, String authority) {
        List<ChildrenChart.Count> history = in.history(authority, "ALL");
        List<ScenarioComparison.Line> lines = ScenarioComparison.lines(in.comparison, authority);
        List<String> yearEnds = lines.stream()
                .filter(l -> l.category().equals("ALL"))
                .map(ScenarioComparison.Line::month)
                .distinct()
                .toList();
        List<String> sentences = new ArrayList<>();
        ChildrenChart.Count now = history.isEmpty() ? null : history.get(history.size() - 1);
        if (now != null) {
            sentences.add(String.format(
                    Locale.UK,
                    "%s children were looked after at the end of %s, by the councils' " + "returns.",
                    Plot.count(now.children()),
                    ChildrenChart.monthName(now.month())));
        }
        if (!yearEnds.isEmpty()) {
            String last = yearEnds.get(yearEnds.size() - 1);
            figures(lines, last, "ALL", Scenario.BASELINE_NAME)
                    .ifPresent(f -> sentences.add(String.format(
                            Locale.UK,
                            "By the end of %s the forecast is %s (80%% interval %s to %s)%s.",
                            name(last),
                            Plot.count(f.median()),
                            Plot.count(f.p10()),
                            Plot.count(f.p90()),
                            f.spendP50() == null
                                    ? ""
                                    : String.format(
                                            Locale.UK,
                                            ", costing %s in %s (10%%–90%%: %s to %s)",
                                            ScenarioChart.millions(f.spendP50()),
                                            f.financialYear(),
                                            ScenarioChart.millions(f.spendP10()),
                                            ScenarioChart.millions(f.spendP90())))));
            sentences.add(places(lines, last));
            sentences.addAll(scenarios(in.scenarios, lines, last));
        }
        in.backtest
                .map(b -> BacktestChart.inWords(b, authority))
                .filter(t -> !t.isBlank())
                .ifPresent(sentences::add);
        return new Summary(sentences.stream().filter(s -> !s.isBlank()).toList(), table(in, lines, yearEnds, now));
    }

    private static String places(List<ScenarioComparison.Line> lines, String month) {
        List<String> parts = new ArrayList<>();
        for (String kind : PlacesChart.KINDS) {
            figures(lines, month, kind, Scenario.BASELINE_NAME)
                    .filter(f -> f.placesNeeded() != null)
                    .ifPresent(f -> parts.add(label(kind) + " " + f.placesNeeded() + " needed"
                            + (f.gap() == null
                                    ? ""
                                    : " against " + Plot.count(f.placesProjected()) + " projected (" + gapWords(f.gap())
                                            + ")")));
        }
        return parts.isEmpty() ? "" : "Places at the end of " + name(month) + ": " + String.join("; ", parts) + ".";
    }

    private static List<String> scenarios(List<String> scenarios, List<ScenarioComparison.Line> lines, String month) {
        List<String> sentences = new ArrayList<>();
        var base = figures(lines, month, "ALL", Scenario.BASELINE_NAME);
        var baseFoster = figures(lines, month, "FOSTER", Scenario.BASELINE_NAME);
        for (String scenario : scenarios.subList(1, scenarios.size())) {
            var all = figures(lines, month, "ALL", scenario);
            var foster = figures(lines, month, "FOSTER", scenario);
            if (base.isEmpty() || all.isEmpty()) {
                continue;
            }
            StringBuilder text = new StringBuilder(String.format(
                    Locale.UK,
                    "“%s” changes, by %s: children %s, " + "places needed %s",
                    scenario,
                    name(month),
                    change(base.get().median(), all.get().median()),
                    change(base.get().placesNeeded(), all.get().placesNeeded())));
            if (baseFoster.isPresent()
                    && foster.isPresent()
                    && baseFoster.get().gap() != null
                    && foster.get().gap() != null) {
                text.append(", foster gap ")
                        .append(change(baseFoster.get().gap(), foster.get().gap()));
            }
            if (base.get().spendP50() != null && all.get().spendP50() != null) {
                text.append(", spend ")
                        .append(money(all.get().spendP50() - base.get().spendP50()));
            }
            sentences.add(text.append('.').toString());
        }
        return sentences;
    }

    private static SufficiencyReport.Table table(
            SufficiencyReport.Inputs in,
            List<ScenarioComparison.Line> lines,
            List<String> yearEnds,
            ChildrenChart.Count now) {
        List<String> header = new ArrayList<>(
                List.of("", now == null ? "Now" : "Now (" + ChildrenChart.monthName(now.month()) + ")"));
        yearEnds.forEach(month -> header.add(name(month)));
        List<List<String>> rows = new ArrayList<>();
        rows.add(row(
                "Children looked after (median, 80% interval)",
                now == null ? "–" : Plot.count(now.children()),
                yearEnds,
                m -> figures(lines, m, "ALL", Scenario.BASELINE_NAME)
                        .map(f -> Plot.count(f.median()) + " (" + Plot.count(f.p10()) + "–" + Plot.count(f.p90()) + ")")
                        .orElse("–")));
        for (String kind : PlacesChart.KINDS) {
            rows.add(row(
                    label(kind) + ": places needed",
                    "",
                    yearEnds,
                    m -> figures(lines, m, kind, Scenario.BASELINE_NAME)
                            .map(f -> String.valueOf(f.placesNeeded()))
                            .orElse("–")));
            rows.add(row(
                    label(kind) + ": projected places",
                    placesNow(in, kind),
                    yearEnds,
                    m -> figures(lines, m, kind, Scenario.BASELINE_NAME)
                            .map(f -> f.placesProjected() == null ? "–" : Plot.count(f.placesProjected()))
                            .orElse("–")));
            rows.add(row(
                    label(kind) + ": gap (+ too few)",
                    "",
                    yearEnds,
                    m -> figures(lines, m, kind, Scenario.BASELINE_NAME)
                            .map(f -> f.gap() == null ? "–" : PlacesChart.signed(f.gap()))
                            .orElse("–")));
        }
        rows.add(row(
                "Spend in the financial year (10%–90%)",
                "",
                yearEnds,
                m -> figures(lines, m, "ALL", Scenario.BASELINE_NAME)
                        .filter(f -> f.spendP50() != null)
                        .map(f -> ScenarioChart.millions(f.spendP50()) + " (" + ScenarioChart.millions(f.spendP10())
                                + "–" + ScenarioChart.millions(f.spendP90()) + ")")
                        .orElse("–")));
        for (String scenario : in.scenarios.subList(1, in.scenarios.size())) {
            rows.add(row(
                    scenario + ": places needed, all kinds",
                    "",
                    yearEnds,
                    m -> figures(lines, m, "ALL", scenario)
                            .map(f -> String.valueOf(f.placesNeeded()))
                            .orElse("–")));
        }
        return new SufficiencyReport.Table(
                "The co-operative at a glance",
                header,
                rows,
                "Forecast figures are "
                        + "the baseline's unless a scenario is named; places needed at "
                        + Math.round(in.run.parameters().confidence() * 100)
                        + "% confidence; spend in the financial year ending at that date.");
    }

    /** Places in the registry's homes today, for the co-operative. */
    private static String placesNow(SufficiencyReport.Inputs in, String kind) {
        return in.needed
                .flatMap(needed -> needed.where("authority", "ALL", "category", kind).stream()
                        .findFirst()
                        .map(r -> needed.number(r, "places_now"))
                        .map(Plot::count))
                .orElse("");
    }

    private static List<String> row(
            String what, String now, List<String> months, java.util.function.Function<String, String> cell) {
        List<String> row = new ArrayList<>(List.of(what, now));
        months.forEach(m -> row.add(cell.apply(m)));
        return row;
    }

    private static java.util.Optional<ScenarioComparison.Figures> figures(
            List<ScenarioComparison.Line> lines, String month, String category, String scenario) {
        return lines.stream()
                .filter(l -> l.month().equals(month) && l.category().equals(category))
                .map(l -> l.scenarios().get(scenario))
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    private static String change(Number from, Number to) {
        if (from == null || to == null) {
            return "–";
        }
        long difference = Math.round(to.doubleValue() - from.doubleValue());
        return Plot.count(from.doubleValue()) + " → " + Plot.count(to.doubleValue()) + " ("
                + (difference > 0 ? "+" : "") + difference + ")";
    }

    private static String gapWords(double gap) {
        long whole = Math.round(gap);
        return whole > 0 ? whole + " too few" : whole == 0 ? "just enough" : -whole + " to spare";
    }

    private static String money(long pounds) {
        return (pounds >= 0 ? "+" : "−") + ScenarioChart.millions(Math.abs(pounds));
    }

    private static String label(String kind) {
        return SufficiencyReport.label(kind);
    }

    private static String name(String month) {
        return ChildrenChart.monthName(YearMonth.parse(month));
    }
}
