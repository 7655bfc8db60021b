package uk.rcc.sufficiency.board;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import uk.rcc.capacity.CapacityService;
import uk.rcc.jobs.JobStatus;
import uk.rcc.sufficiency.Forecast;
import uk.rcc.sufficiency.Scenario;
import uk.rcc.sufficiency.board.chart.Drawing;
import uk.rcc.sufficiency.board.chart.SvgWriter;

/**
 * The sufficiency report a board can read in ten minutes, as a web page (inline SVG charts) and the same
 * content as PDF: for the co-operative and then each council, the forecast with intervals, places needed against
 * supply and the gap, each council's capacity options beside its gap, unmet demand from matching, costs, scenarios side
 * by side, backtest accuracy and the data's date range. Aggregates only: no child is named.
 */
@Component
class SufficiencyReport {
    /** Every stored table a reader can download, in report order. */
    static final List<String> DOWNLOADS = List.of(
            "forecast.csv",
            "forecast_by_age.csv",
            "places_needed.csv",
            "supply.csv",
            "unmet_demand.csv",
            "costs.csv",
            "scenarios.csv",
            "backtest.csv",
            "data_range.csv",
            "history.csv",
            "backtest_forecasts.csv");

    private static final List<String> SHOWN = List.of("FOSTER", "RESIDENTIAL", "SUPPORTED", "ALL");

    /** A chart with its text alternative shown beside it. */
    record Figure(Drawing drawing, String words) {}

    /** A table as the reader sees it, with a note under it. */
    record Table(String title, List<String> header, List<List<String>> rows, String note) {}

    /** The co-operative's or one council's section. */
    record Part(String id, String title, String dataRange, List<Figure> figures, List<Table> tables) {}

    record Content(
            ForecastRuns.ForecastRun run,
            ReportSummary.Summary summary,
            List<String> notes,
            List<Part> parts,
            CapacityOptions capacity,
            List<String> downloads) {}

    private final JdbcTemplate jdbc;
    private final CapacityService capacity;

    SufficiencyReport(JdbcTemplate jdbc, CapacityService capacity) {
        this.jdbc = jdbc;
        this.capacity = capacity;
    }

    Content build(ForecastRuns forecasts, ForecastRuns.ForecastRun run) {
        Inputs inputs = new Inputs(forecasts, run);
        CapacityOptions options = CapacityOptions.latest(capacity);
        List<Part> parts = new ArrayList<>();
        List<String> authorities =
                inputs.forecast.map(f -> f.distinct("authority")).orElse(List.of());
        parts.add(part(inputs, Forecast.ALL, "The co-operative", options));
        Map<String, String> names = councilNames();
        for (String authority : authorities) {
            if (!authority.equals(Forecast.ALL)) {
                String name = names.get(authority);
                String title = name == null ? "Council " + authority : name + " (" + authority + ")";
                parts.add(part(inputs, authority, title, options));
            }
        }
        List<String> downloads = new ArrayList<>(
                DOWNLOADS.stream().filter(run.outputs()::contains).toList());
        downloads.add("comparison.csv");
        return new Content(run, ReportSummary.of(inputs, Forecast.ALL), notes(run), parts, options, downloads);
    }

    /** What the board's page opens on: a run's headline figures in words and its main chart. */
    record Overview(
            long runId,
            String name,
            String reviewStatus,
            java.time.OffsetDateTime publishedAt,
            List<String> summary,
            String chartTitle,
            String chartSvg,
            String chartText) {}

    Overview overview(ForecastRuns forecasts, ForecastRuns.ForecastRun run) {
        Inputs inputs = new Inputs(forecasts, run);
        ReportSummary.Summary summary = ReportSummary.of(inputs, Forecast.ALL);
        Figure main = inputs.forecast
                .map(f -> children(inputs, f, "overview-chart", Forecast.ALL, "ALL", "the co-operative"))
                .orElse(null);
        return new Overview(
                run.id(),
                run.name(),
                run.reviewStatus(),
                run.publishedAt(),
                summary.sentences(),
                main == null ? null : main.drawing().title(),
                main == null ? null : SvgWriter.svg(main.drawing()),
                main == null ? null : main.words());
    }

    /** The run's stored outputs, parsed once. */
    static final class Inputs {
        final ForecastRuns.ForecastRun run;
        final Optional<ForecastTable> forecast;
        final Optional<ForecastTable> needed;
        final Optional<ForecastTable> costs;
        final Optional<ForecastTable> backtest;
        final Optional<ForecastTable> ranges;
        final Optional<ForecastTable> unmet;
        final Optional<ForecastTable> history;
        final Optional<ForecastTable> backtestForecasts;
        final ForecastTable comparison;
        final List<String> scenarios = new ArrayList<>();

        Inputs(ForecastRuns forecasts, ForecastRuns.ForecastRun run) {
            this.run = run;
            forecast = table(forecasts, run, "forecast.csv");
            needed = table(forecasts, run, "places_needed.csv");
            costs = table(forecasts, run, "costs.csv");
            backtest = table(forecasts, run, "backtest.csv");
            ranges = table(forecasts, run, "data_range.csv");
            unmet = table(forecasts, run, "unmet_demand.csv");
            history = table(forecasts, run, "history.csv");
            backtestForecasts = table(forecasts, run, "backtest_forecasts.csv");
            comparison = ScenarioComparison.merged(forecasts, run.id());
            scenarios.add(Scenario.BASELINE_NAME);
            forecasts.scenarios(run.id()).stream()
                    .filter(s -> s.status() == JobStatus.FINISHED)
                    .forEach(s -> scenarios.add(s.scenario().name()));
        }

        /** Month-end counts from the returns before the as-of date; none for runs made before they were kept. */
        List<ChildrenChart.Count> history(String authority, String category) {
            if (historyBySeries == null) {
                historyBySeries = new HashMap<>();
                history.ifPresent(h -> h.rows()
                        .forEach(r -> historyBySeries
                                .computeIfAbsent(
                                        h.get(r, "authority") + "|" + h.get(r, "category"), k -> new ArrayList<>())
                                .add(new ChildrenChart.Count(
                                        java.time.YearMonth.parse(h.get(r, "month")), h.number(r, "children")))));
            }
            return historyBySeries.getOrDefault(authority + "|" + category, List.of());
        }

        private Map<String, List<ChildrenChart.Count>> historyBySeries;

        private static Optional<ForecastTable> table(
                ForecastRuns forecasts, ForecastRuns.ForecastRun run, String name) {
            return forecasts.output(run.id(), name).map(ForecastTable::parse);
        }
    }

    private Part part(Inputs in, String authority, String title, CapacityOptions options) {
        List<Figure> figures = new ArrayList<>();
        String id = "chart-" + authority;
        String who = authority.equals(Forecast.ALL) ? "the co-operative" : title;
        in.forecast.ifPresent(forecast -> figures.add(children(in, forecast, id + "-ALL", authority, "ALL", who)));
        in.needed.ifPresent(needed -> {
            Drawing places = PlacesChart.draw(
                    id + "-places", "Places needed against projected supply, " + who, needed, authority, (int)
                            Math.round(in.run.parameters().confidence() * 100));
            figures.add(new Figure(places, places.description()));
        });
        if (in.scenarios.size() > 1 && !in.comparison.rows().isEmpty()) {
            Drawing scenarios = ScenarioChart.draw(
                    id + "-scenarios",
                    "Scenarios against the baseline, " + who,
                    in.scenarios,
                    ScenarioComparison.lines(in.comparison, authority));
            figures.add(new Figure(scenarios, scenarios.description()));
        }
        List<ChildrenChart.Count> history = in.history(authority, "ALL");
        if (in.backtestForecasts.isPresent() && !history.isEmpty()) {
            Drawing backtest = BacktestChart.draw(
                    id + "-backtest", "How past forecasts did, " + who, history, in.backtestForecasts.get(), authority);
            figures.add(new Figure(
                    backtest,
                    in.backtest
                            .map(b -> BacktestChart.inWords(b, authority))
                            .filter(t -> !t.isBlank())
                            .orElse(backtest.description())));
        }
        in.forecast.ifPresent(forecast -> categoriesOf(forecast, authority)
                .forEach(category ->
                        figures.add(children(in, forecast, id + "-" + category, authority, category, who))));
        List<Table> tables = new ArrayList<>();
        in.needed.ifPresent(needed -> tables.add(placesTable(in, needed, authority)));
        if (!authority.equals(Forecast.ALL)) {
            tables.add(options.forCouncil(authority));
        }
        in.unmet.ifPresent(unmet -> tables.add(unmetTable(unmet, authority)));
        in.costs.ifPresent(costs -> tables.add(costsTable(costs, authority)));
        if (!in.comparison.rows().isEmpty()) {
            tables.add(scenarioTable(in, authority));
        }
        in.backtest.ifPresent(backtest -> tables.add(backtestTable(backtest, authority)));
        return new Part("council-" + authority, title, dataRange(in, authority), figures, tables);
    }

    private static Figure children(
            Inputs in, ForecastTable forecast, String id, String authority, String category, String who) {
        Drawing drawing = ChildrenChart.draw(
                id,
                "Children looked after, " + who + ": " + label(category).toLowerCase(Locale.UK),
                in.history(authority, category),
                forecast.series(authority, category));
        return new Figure(drawing, drawing.description());
    }

    /** Every category for the co-operative; the three kinds of place the councils commission for a council. */
    private static List<String> categoriesOf(ForecastTable forecast, String authority) {
        return forecast.distinct("category").stream()
                .filter(c -> !c.equals("ALL") && (authority.equals(Forecast.ALL) || PlacesChart.KINDS.contains(c)))
                .toList();
    }

    private static Table placesTable(Inputs in, ForecastTable needed, String authority) {
        Map<String, String> unplaced = new HashMap<>();
        in.unmet.ifPresent(unmet -> unmet.rows().forEach(r -> {
            if (cell(unmet, r, "authority").equals(authority)) {
                unplaced.put(cell(unmet, r, "category"), cell(unmet, r, "unplaced"));
                unplaced.merge(
                        "ALL",
                        cell(unmet, r, "unplaced"),
                        (a, b) -> String.valueOf(Long.parseLong(a) + Long.parseLong(b)));
            }
        }));
        List<List<String>> rows = new ArrayList<>();
        for (List<String> r : needed.rows()) {
            String category = cell(needed, r, "category");
            if (cell(needed, r, "authority").equals(authority) && SHOWN.contains(category)) {
                rows.add(List.of(
                        cell(needed, r, "month"),
                        label(category),
                        whole(cell(needed, r, "median_children"))
                                + " (" + whole(cell(needed, r, "p10_children")) + "–"
                                + whole(cell(needed, r, "p90_children"))
                                + ")",
                        cell(needed, r, "places_needed"),
                        whole(cell(needed, r, "places_now")),
                        whole(cell(needed, r, "places_projected")),
                        signed(cell(needed, r, "gap")),
                        whole(cell(needed, r, "outside_or_far")),
                        unplaced.getOrDefault(category, "–")));
            }
        }
        int confidence = (int) Math.round(in.run.parameters().confidence() * 100);
        return new Table(
                "Places needed against supply",
                List.of(
                        "Year end",
                        "Category",
                        "Children (median, 80% interval)",
                        "Places needed (" + confidence + "%)",
                        "Places now",
                        "Places projected",
                        "Gap",
                        "Out of area or far",
                        "Unplaced in matching"),
                rows,
                "Places needed: enough places " + confidence + "% of the time. Gap: places needed minus projected "
                        + "places (positive: too few). Out of area or far: the estimate explained at the top.");
    }

    private static Table unmetTable(ForecastTable unmet, String authority) {
        List<List<String>> rows = new ArrayList<>();
        String run = "";
        for (List<String> r : unmet.rows()) {
            run = "matching run " + cell(unmet, r, "matching_run") + " of " + cell(unmet, r, "run_ended");
            if (cell(unmet, r, "authority").equals(authority)) {
                rows.add(List.of(
                        label(cell(unmet, r, "category")),
                        cell(unmet, r, "children"),
                        cell(unmet, r, "unplaced"),
                        cell(unmet, r, "placed_over_20_miles"),
                        cell(unmet, r, "siblings_apart")));
            }
        }
        return new Table(
                "Unmet demand from matching",
                List.of(
                        "Kind of place",
                        "Children matched",
                        "Unplaced",
                        "Placed over 20 miles",
                        "Placed apart from siblings"),
                rows,
                unmet.rows().isEmpty()
                        ? "No co-operative matching run has completed yet."
                        : "From the latest completed " + run + ", as the forecast run found it.");
    }

    private static Table costsTable(ForecastTable costs, String authority) {
        List<List<String>> rows = new ArrayList<>();
        for (List<String> r : costs.rows()) {
            String category = cell(costs, r, "category");
            if (cell(costs, r, "authority").equals(authority) && SHOWN.contains(category)) {
                rows.add(List.of(
                        cell(costs, r, "financial_year"),
                        label(category),
                        cell(costs, r, "months"),
                        money(cell(costs, r, "spend_p50")),
                        money(cell(costs, r, "spend_p10")) + " – " + money(cell(costs, r, "spend_p90"))));
            }
        }
        return new Table(
                "Projected costs",
                List.of("Financial year", "Category", "Months forecast", "Spend (median)", "Spend (10%–90%)"),
                rows,
                "Weekly cost by category from the registry's homes "
                        + "(places-weighted), else national averages; months outside the forecast are not counted.");
    }

    private static Table scenarioTable(Inputs in, String authority) {
        List<String> header = new ArrayList<>(List.of("Year end", "Category"));
        header.addAll(in.scenarios);
        List<List<String>> rows = new ArrayList<>();
        for (ScenarioComparison.Line line : ScenarioComparison.lines(in.comparison, authority)) {
            if (!List.of("FOSTER", "RESIDENTIAL", "ALL").contains(line.category())) {
                continue;
            }
            List<String> row = new ArrayList<>(List.of(line.month(), label(line.category())));
            for (String scenario : in.scenarios) {
                ScenarioComparison.Figures f = line.scenarios().get(scenario);
                row.add(
                        f == null
                                ? "–"
                                : f.placesNeeded() + " needed"
                                        + (f.gap() == null ? "" : ", gap " + signed(String.valueOf(f.gap())))
                                        + (f.spendP50() == null
                                                ? ""
                                                : ", " + money(String.valueOf(f.spendP50())) + " in "
                                                        + f.financialYear()));
            }
            rows.add(row);
        }
        return new Table(
                "Scenarios side by side",
                header,
                rows,
                "Each scenario is forecast from the same data "
                        + "and seed as the baseline. Levers: entry rate change, step-down share of children's home "
                        + "placements a year to foster care, net foster places recruited a year.");
    }

    private static Table backtestTable(ForecastTable backtest, String authority) {
        List<String> categories =
                authority.equals(Forecast.ALL) ? List.of("ALL", "FOSTER", "RESIDENTIAL") : List.of("ALL");
        List<List<String>> rows = new ArrayList<>();
        for (List<String> r : backtest.rows()) {
            String rowAuthority =
                    backtest.header().contains("authority") ? cell(backtest, r, "authority") : Forecast.ALL;
            if (rowAuthority.equals(authority) && categories.contains(cell(backtest, r, "category"))) {
                rows.add(List.of(
                        cell(backtest, r, "horizon_months") + " months",
                        label(cell(backtest, r, "category")),
                        cell(backtest, r, "origins"),
                        percent(cell(backtest, r, "model_wape")),
                        percent(cell(backtest, r, "last_value_wape")),
                        percent(cell(backtest, r, "linear_trend_wape")),
                        percent(cell(backtest, r, "model_bias")),
                        percent(cell(backtest, r, "coverage_80"))));
            }
        }
        return new Table(
                "Backtest: how accurate past forecasts were",
                List.of(
                        "Ahead",
                        "Category",
                        "Origins",
                        "Error (model)",
                        "Error (last value)",
                        "Error (straight line)",
                        "Bias",
                        "80% interval covered"),
                rows,
                "Error: total absolute error over the total actual count (WAPE); lower is better. The model should "
                        + "beat both naive forecasts, and its 80% interval should cover about 80% of outcomes.");
    }

    private static String dataRange(Inputs in, String authority) {
        return in.ranges
                .flatMap(ranges -> ranges.rows().stream()
                        .filter(r -> cell(ranges, r, "authority").equals(authority))
                        .findFirst()
                        .map(r -> "Data from " + cell(ranges, r, "first_date") + " to "
                                + cell(ranges, r, "last_date") + " (" + cell(ranges, r, "children")
                                + " children); forecast from " + cell(ranges, r, "as_of") + "."))
                .orElse("");
    }

    private static List<String> notes(ForecastRuns.ForecastRun run) {
        ForecastRuns.Parameters p = run.parameters();
        return List.of(
                "Forecast: the median and the 50%, 80% and 95% intervals of many simulated futures of the "
                        + "children looked after, from the councils' SSDA903 returns.",
                "Supply: places in the registry's homes in each council's area (foster, children's homes, supported "
                        + "accommodation). Foster places change by the approvals less resignations a year ("
                        + num(p.fosterApprovalsPerYear()) + " less " + num(p.fosterResignationsPerYear())
                        + " across the co-operative), shared among councils by today's foster places.",
                "Out of area or far, if nothing changes: every child beyond the projected places (median forecast) "
                        + "plus, of the children who do get a place, today's share of the council's children in that "
                        + "kind of place who live outside the member councils' areas or more than 20 miles from home.",
                "Unmet demand: children the latest co-operative matching run could not place, placed more than 20 "
                        + "miles away or apart from their siblings — today's shortfall beside the forecast one.");
    }

    private Map<String, String> councilNames() {
        Map<String, String> names = new HashMap<>();
        jdbc.query("SELECT authority_code, name FROM authority", rs -> {
            names.put(rs.getString(1), rs.getString(2));
        });
        return names;
    }

    String html(Content content) {
        ForecastRuns.ForecastRun run = content.run();
        StringBuilder page = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Sufficiency report</title><link rel="stylesheet" href="/css/report.css"></head><body>
                """);
        page.append("<header><h1>Sufficiency report: ")
                .append(esc(run.name()))
                .append("</h1><p>")
                .append(esc(heading(run)))
                .append("</p><p><a href=\"/api/sufficiency/runs/")
                .append(run.id())
                .append("/report.pdf\">Download as PDF</a> · <a id=\"workbook\" href=\"/api/sufficiency/runs/")
                .append(run.id())
                .append("/report.xlsx\">Download as Excel workbook</a></p><nav><ul>");
        content.parts()
                .forEach(part -> page.append("<li><a href=\"#")
                        .append(esc(part.id()))
                        .append("\">")
                        .append(esc(part.title()))
                        .append("</a></li>"));
        page.append("</ul></nav></header><main>");
        page.append("<section id=\"summary\"><h2>Summary</h2>");
        content.summary()
                .sentences()
                .forEach(sentence -> page.append("<p>").append(esc(sentence)).append("</p>"));
        page.append(table(content.summary().table())).append("</section>");
        page.append("<section><h2>How to read this report</h2><ul>");
        content.notes().forEach(note -> page.append("<li>").append(esc(note)).append("</li>"));
        page.append("</ul></section>");
        for (Part part : content.parts()) {
            page.append("<section class=\"council\" id=\"")
                    .append(esc(part.id()))
                    .append("\"><h2>")
                    .append(esc(part.title()))
                    .append("</h2><p>")
                    .append(esc(part.dataRange()))
                    .append("</p>");
            for (Figure figure : part.figures()) {
                page.append("<figure><figcaption>")
                        .append(esc(figure.drawing().title()))
                        .append("</figcaption>")
                        .append(SvgWriter.svg(figure.drawing()))
                        .append("<p class=\"chart-text\">")
                        .append(esc(figure.words()))
                        .append("</p></figure>");
            }
            part.tables().forEach(table -> page.append(table(table)));
            page.append("</section>");
        }
        page.append("<section><h2>Downloads (CSV)</h2><ul>");
        for (String name : content.downloads()) {
            String href = name.equals("comparison.csv")
                    ? "/api/sufficiency/runs/" + run.id() + "/comparison.csv"
                    : "/api/sufficiency/runs/" + run.id() + "/outputs/" + name;
            page.append("<li><a href=\"")
                    .append(esc(href))
                    .append("\">")
                    .append(esc(name))
                    .append("</a></li>");
        }
        return page.append("</ul></section></main></body></html>").toString();
    }

    static String heading(ForecastRuns.ForecastRun run) {
        return "Forecast run " + run.id() + ", " + run.reviewStatus().toLowerCase(Locale.ROOT)
                + (run.publishedAt() == null
                        ? ""
                        : ", published " + run.publishedAt().toLocalDate()) + ". Horizon "
                + run.parameters().horizonMonths() + " months, seed "
                + run.parameters().seed() + ", "
                + run.parameters().runs() + " simulations; places needed at "
                + Math.round(run.parameters().confidence() * 100) + "% confidence.";
    }

    static String table(Table table) {
        StringBuilder html =
                new StringBuilder("<h3>").append(esc(table.title())).append("</h3>");
        if (table.rows().isEmpty()) {
            return html.append("<p>").append(esc(table.note())).append("</p>").toString();
        }
        html.append("<table><thead><tr>");
        table.header()
                .forEach(h -> html.append("<th scope=\"col\">").append(esc(h)).append("</th>"));
        html.append("</tr></thead><tbody>");
        table.rows().forEach(row -> {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(esc(cell)).append("</td>"));
            html.append("</tr>");
        });
        return html.append("</tbody></table><p class=\"note\">")
                .append(esc(table.note()))
                .append("</p>")
                .toString();
    }

    private static String cell(ForecastTable table, List<String> row, String column) {
        int index = table.header().indexOf(column);
        return index < 0 || index >= row.size() ? "" : row.get(index);
    }

    static String label(String category) {
        return switch (category) {
            case "ALL" -> "All placements";
            case "RESIDENTIAL" -> "Children's homes";
            case "FOSTER" -> "Foster care";
            case "FOSTER_KINSHIP" -> "Kinship foster care";
            case "SUPPORTED" -> "Supported accommodation";
            default ->
                category.charAt(0)
                        + category.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    private static String whole(String number) {
        return number == null || number.isBlank() ? "–" : String.valueOf(Math.round(Double.parseDouble(number)));
    }

    private static String signed(String number) {
        if (number == null || number.isBlank() || number.equals("null")) {
            return "–";
        }
        long value = Math.round(Double.parseDouble(number));
        return value > 0 ? "+" + value : String.valueOf(value);
    }

    private static String money(String pounds) {
        if (pounds == null || pounds.isBlank()) {
            return "–";
        }
        double value = Double.parseDouble(pounds);
        return value >= 1e6
                ? String.format(Locale.ROOT, "£%.1fm", value / 1e6)
                : String.format(Locale.ROOT, "£%,.0fk", value / 1e3);
    }

    private static String percent(String share) {
        return share == null || share.isBlank()
                ? "–"
                : String.format(Locale.ROOT, "%.1f%%", Double.parseDouble(share) * 100);
    }

    private static String num(Double value) {
        return value == null ? "0" : String.format(Locale.ROOT, "%.0f", value);
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text);
    }
}
