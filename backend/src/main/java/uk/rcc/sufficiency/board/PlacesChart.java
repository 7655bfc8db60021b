package uk.rcc.sufficiency.board;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.rcc.sufficiency.board.chart.Bars;
import uk.rcc.sufficiency.board.chart.Drawing;
import uk.rcc.sufficiency.board.chart.Plot;

/** Places needed at the chosen confidence against projected places, by kind of place and year end, with the gap. */
final class PlacesChart {
    static final List<String> KINDS = List.of("FOSTER", "RESIDENTIAL", "SUPPORTED");
    static final String NEEDED = "#1d70b8";
    static final String PROJECTED = "#85994b";
    static final String SHORT = "#d4351c";
    static final String ENOUGH = "#00703c";
    private static final DateTimeFormatter YEAR_END = DateTimeFormatter.ofPattern("MMM yy", Locale.UK);

    private PlacesChart() {}

    static Drawing draw(String id, String title, ForecastTable needed, String authority, int confidence) {
        List<Drawing.Mark> marks = new ArrayList<>();
        String neededName = "Places needed (" + confidence + "% confidence)";
        double top =
                Plot.legend(marks, 8, 16, 712, List.of(neededName, "Projected places"), List.of(NEEDED, PROJECTED));
        marks.add(new Drawing.Label(
                "legend", 712, 16, "Above the bars: gap (+ too few places)", "end", Plot.FONT, false, Plot.INK));
        StringBuilder description = new StringBuilder();
        double width = 712.0 / KINDS.size();
        for (int k = 0; k < KINDS.size(); k++) {
            List<Bars.Group> groups = new ArrayList<>();
            for (List<String> row : needed.where("authority", authority, "category", KINDS.get(k))) {
                groups.add(group(needed, row, neededName));
            }
            Bars.panel(
                    marks, 4 + k * width, top, width, 230, SufficiencyReport.label(KINDS.get(k)), groups, Plot::count);
            describe(description, needed, authority, KINDS.get(k));
        }
        return new Drawing(id, "places", title, description.toString().trim(), 720, top + 236, marks);
    }

    private static Bars.Group group(ForecastTable needed, List<String> row, String neededName) {
        List<Bars.Bar> bars = new ArrayList<>();
        bars.add(new Bars.Bar(neededName, NEEDED, needed.number(row, "places_needed")));
        Double projected = needed.number(row, "places_projected");
        Double gap = needed.number(row, "gap");
        if (projected != null) {
            bars.add(new Bars.Bar("Projected places", PROJECTED, projected));
        }
        String label = YEAR_END.format(YearMonth.parse(needed.get(row, "month")));
        return new Bars.Group(label, bars, gap == null ? null : signed(gap), gap != null && gap > 0 ? SHORT : ENOUGH);
    }

    private static void describe(StringBuilder text, ForecastTable needed, String authority, String kind) {
        List<List<String>> rows = needed.where("authority", authority, "category", kind);
        if (rows.isEmpty()) {
            return;
        }
        List<String> last = rows.get(rows.size() - 1);
        text.append(SufficiencyReport.label(kind))
                .append(", ")
                .append(ChildrenChart.monthName(YearMonth.parse(needed.get(last, "month"))))
                .append(": ")
                .append(Plot.count(needed.number(last, "places_needed")))
                .append(" places needed");
        Double projected = needed.number(last, "places_projected");
        if (projected != null) {
            text.append(" against ")
                    .append(Plot.count(projected))
                    .append(" projected, gap ")
                    .append(signed(needed.number(last, "gap")));
        }
        text.append(". ");
    }

    static String signed(double value) {
        long whole = Math.round(value);
        return whole > 0 ? "+" + whole : whole < 0 ? "−" + -whole : "0";
    }
}
