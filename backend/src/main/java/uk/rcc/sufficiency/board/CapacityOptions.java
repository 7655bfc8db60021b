package uk.rcc.sufficiency.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uk.rcc.capacity.CapacityAnalysis;
import uk.rcc.capacity.CapacityOption;
import uk.rcc.capacity.CapacityService;
import uk.rcc.exchange.Codes.HomeKind;

/**
 * Each council's best capacity options from the latest co-operative matching run, shown beside its gap: one table
 * that the web page and the PDF show per council and the workbook holds as its "capacity options" sheet. Homes and
 * sites only, as a commissioner or board member may see them: no child is named.
 *
 * @param source which matching run they come from, in words; null when no run has ended with proposals
 */
record CapacityOptions(String source, ForecastTable table) {
    /** Options shown per council. */
    static final int PER_COUNCIL = 3;

    static final List<String> HEADER =
            List.of("authority", "rank", "option", "kind", "where", "placed_delta", "soft_cost_delta", "km_delta");

    static CapacityOptions latest(CapacityService capacity) {
        Map<String, List<CapacityAnalysis.Ranked>> top = capacity.topByCouncil(PER_COUNCIL);
        String source = capacity.latest()
                .map(options -> "co-operative matching run " + options.runId())
                .orElse(null);
        List<List<String>> rows = new ArrayList<>();
        top.forEach((council, ranked) -> ranked.forEach(r -> rows.add(row(council, r))));
        return new CapacityOptions(source, new ForecastTable(HEADER, rows));
    }

    private static List<String> row(String council, CapacityAnalysis.Ranked ranked) {
        CapacityOption option = ranked.option();
        return List.of(
                council,
                String.valueOf(ranked.rank()),
                option.option() == CapacityOption.Kind.EXTRA_PLACE ? "extra place" : "new home",
                kind(option.kind()),
                option.site() == null ? "" : option.site(),
                String.valueOf(option.placedDelta()),
                number(option.softCostDelta()),
                number(option.kmDelta()));
    }

    /** The council's options as the page and the PDF show them, with a sentence when there are none. */
    SufficiencyReport.Table forCouncil(String authority) {
        List<List<String>> rows = new ArrayList<>();
        for (List<String> r : table.rows()) {
            if (table.get(r, "authority").equals(authority)) {
                rows.add(List.of(
                        capitalised(table.get(r, "option")) + ": " + table.get(r, "kind"),
                        table.get(r, "where"),
                        signed(table.get(r, "placed_delta")),
                        signed(table.get(r, "soft_cost_delta")),
                        signed(table.get(r, "km_delta"))));
            }
        }
        String note = source == null
                ? "No co-operative matching run has ended with proposals yet, so there are no capacity options to show."
                : rows.isEmpty()
                        ? "No extra place or new home in this council would place more children or lower the cost in "
                                + "the latest " + source + "."
                        : "The " + PER_COUNCIL + " options in this council that helped most when the latest " + source
                                + " was solved again with each of them: children placed more, the change in the "
                                + "matching's soft cost (negative is better) and in total km from school or home.";
        return new SufficiencyReport.Table(
                "Capacity options beside the gap",
                List.of("Option", "Where", "Children placed", "Soft-cost change", "Distance change (km)"),
                rows,
                note);
    }

    private static String kind(HomeKind kind) {
        return switch (kind) {
            case FOSTER -> "foster home";
            case CHILDRENS_HOME -> "children's home";
            case SUPPORTED -> "supported accommodation";
        };
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String signed(String number) {
        return number.startsWith("-") || number.matches("0(\\.0)?") ? number : "+" + number;
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
