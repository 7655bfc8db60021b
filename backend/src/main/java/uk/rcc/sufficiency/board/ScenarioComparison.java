package uk.rcc.sufficiency.board;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.rcc.exchange.ExchangeWriter;
import uk.rcc.jobs.JobStatus;
import uk.rcc.sufficiency.Scenario;
import uk.rcc.sufficiency.SufficiencyTables;

/**
 * A run's scenarios side by side with its baseline: the baseline's rows of the run's scenarios.csv and each
 * finished scenario's stored rows, in the same columns ({@link SufficiencyTables#COMPARISON_HEADER}).
 */
final class ScenarioComparison {

    /** One scenario's figures for a year end, authority and category; blank figures are null. */
    record Figures(
            Long placesNeeded,
            Double median,
            Double p10,
            Double p90,
            Double placesProjected,
            Double gap,
            Double gapMedian,
            Double outsideOrFar,
            String financialYear,
            Long spendP10,
            Long spendP50,
            Long spendP90) {}

    /** A year end, authority and category with every scenario's figures, the baseline first. */
    record Line(String month, String authority, String category, Map<String, Figures> scenarios) {}

    /** The comparison as the API returns it. */
    record View(long runId, double confidence, List<Scenario> scenarios, List<String> pending, List<Line> rows) {}

    private ScenarioComparison() {}

    /** The header and the rows of one scenario from a scenarios.csv. */
    static String only(String csv, String scenario) {
        ForecastTable table = ForecastTable.parse(csv);
        int column = table.header().indexOf("scenario");
        List<List<String>> rows = table.rows().stream()
                .filter(r -> r.get(column).equals(scenario))
                .toList();
        return new String(
                ExchangeWriter.csv(table.header(), rows, row -> row), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The baseline rows followed by every finished scenario's rows. */
    static ForecastTable merged(ForecastRuns forecasts, long runId) {
        List<List<String>> rows = new ArrayList<>();
        forecasts
                .output(runId, "scenarios.csv")
                .ifPresent(csv -> rows.addAll(
                        ForecastTable.parse(only(csv, Scenario.BASELINE_NAME)).rows()));
        for (ForecastRuns.StoredScenario scenario : forecasts.scenarios(runId)) {
            if (scenario.status() == JobStatus.FINISHED && scenario.result() != null) {
                rows.addAll(ForecastTable.parse(scenario.result()).rows());
            }
        }
        return new ForecastTable(SufficiencyTables.COMPARISON_HEADER, rows);
    }

    static byte[] csv(ForecastTable merged) {
        return ExchangeWriter.csv(merged.header(), merged.rows(), row -> row);
    }

    /** Lines for an authority (or every authority when null), each with the figures of every scenario. */
    static List<Line> lines(ForecastTable merged, String authority) {
        Map<String, Line> lines = new LinkedHashMap<>();
        List<String> header = merged.header();
        for (List<String> row : merged.rows()) {
            String rowAuthority = row.get(header.indexOf("authority"));
            if (authority != null && !authority.equals(rowAuthority)) {
                continue;
            }
            String month = row.get(header.indexOf("month"));
            String category = row.get(header.indexOf("category"));
            lines.computeIfAbsent(
                            month + "|" + rowAuthority + "|" + category,
                            k -> new Line(month, rowAuthority, category, new LinkedHashMap<>()))
                    .scenarios()
                    .put(row.get(header.indexOf("scenario")), figures(header, row));
        }
        return new ArrayList<>(lines.values());
    }

    private static Figures figures(List<String> header, List<String> row) {
        return new Figures(
                whole(header, row, "places_needed"),
                number(header, row, "median_children"),
                number(header, row, "p10_children"),
                number(header, row, "p90_children"),
                number(header, row, "places_projected"),
                number(header, row, "gap"),
                number(header, row, "gap_median"),
                number(header, row, "outside_or_far"),
                row.get(header.indexOf("financial_year")),
                whole(header, row, "spend_p10"),
                whole(header, row, "spend_p50"),
                whole(header, row, "spend_p90"));
    }

    private static Double number(List<String> header, List<String> row, String column) {
        String cell = row.get(header.indexOf(column));
        return cell.isBlank() ? null : Double.valueOf(cell);
    }

    private static Long whole(List<String> header, List<String> row, String column) {
        Double value = number(header, row, column);
        return value == null ? null : Math.round(value);
    }
}
