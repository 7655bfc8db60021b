package uk.rcc.sufficiency.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The sufficiency report a board can read in ten minutes, as a web page (inline SVG charts) and the same
 * content as PDF: trend and forecast with intervals, places needed against supply, costs, scenarios and the
 * backtest accuracy, for the co-operative and each council. Aggregates only: no child is named.
 */
@Component
class SufficiencyReport {
    static final List<String> TABLES = List.of("places_needed.csv", "costs.csv", "backtest.csv");

    record Chart(String title, List<ForecastTable.Point> points) {
    }

    record Section(String title, ForecastTable table) {
    }

    record Content(ForecastRuns.ForecastRun run, List<Chart> charts, List<Section> sections) {
    }

    Content build(ForecastRuns forecasts, ForecastRuns.ForecastRun run) {
        List<Chart> charts = new ArrayList<>();
        forecasts.output(run.id(), "forecast.csv").map(ForecastTable::parse).ifPresent(forecast -> {
            charts.add(new Chart("Children looked after — co-operative, all placement types",
                    forecast.series("ALL", "ALL")));
            for (String category : forecast.distinct("category")) {
                if (!category.equals("ALL")) {
                    charts.add(new Chart("Co-operative — " + label(category), forecast.series("ALL", category)));
                }
            }
            for (String authority : forecast.distinct("authority")) {
                if (!authority.equals("ALL")) {
                    charts.add(new Chart("Council " + authority + " — all placement types",
                            forecast.series(authority, "ALL")));
                }
            }
        });
        List<Section> sections = new ArrayList<>();
        for (String name : TABLES) {
            forecasts.output(run.id(), name).map(ForecastTable::parse)
                    .ifPresent(table -> sections.add(new Section(title(name), table)));
        }
        return new Content(run, charts, sections);
    }

    String html(Content content) {
        ForecastRuns.ForecastRun run = content.run();
        StringBuilder page = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Sufficiency report</title><link rel="stylesheet" href="/css/report.css"></head><body>
                """);
        page.append("<header><h1>Sufficiency report: ").append(esc(run.name())).append("</h1><p>Forecast run ")
                .append(run.id()).append(", ").append(esc(run.reviewStatus().toLowerCase(Locale.ROOT)))
                .append(run.publishedAt() == null ? "" : ", published " + run.publishedAt().toLocalDate())
                .append(". Horizon ").append(run.parameters().horizonMonths()).append(" months, seed ")
                .append(run.parameters().seed()).append(", ").append(run.parameters().runs())
                .append(" simulations; places needed at ")
                .append(Math.round(run.parameters().confidence() * 100)).append("% confidence.</p>");
        page.append("<p><a href=\"/api/sufficiency/runs/").append(run.id())
                .append("/report.pdf\">Download as PDF</a></p></header><main>");
        if (run.summary() != null) {
            page.append("<section><h2>Summary</h2><pre>").append(esc(run.summary())).append("</pre></section>");
        }
        page.append("<section><h2>Forecast with intervals</h2><p>Line: median. Bands: 50%, 80% and 95% "
                + "intervals of the simulated count of children looked after at each month end.</p>");
        for (Chart chart : content.charts()) {
            page.append("<figure><figcaption>").append(esc(chart.title())).append("</figcaption>")
                    .append(svg(chart.points())).append("</figure>");
        }
        page.append("</section>");
        for (Section section : content.sections()) {
            page.append("<section><h2>").append(esc(section.title())).append("</h2>").append(table(section.table()))
                    .append("<p><a href=\"/api/sufficiency/runs/").append(run.id()).append("/outputs/")
                    .append(fileOf(section.title())).append("\">Download CSV</a></p></section>");
        }
        return page.append("</main></body></html>").toString();
    }

    private static String svg(List<ForecastTable.Point> points) {
        if (points.isEmpty()) {
            return "<p>No forecast for this series.</p>";
        }
        double max = Math.max(1, points.stream().mapToDouble(ForecastTable.Point::p975).max().orElse(1) * 1.05);
        int width = 640;
        int height = 220;
        StringBuilder svg = new StringBuilder("<svg viewBox=\"0 0 " + width + " " + (height + 30)
                + "\" role=\"img\" aria-label=\"forecast chart\" class=\"chart\">");
        svg.append(band(points, max, width, height, 0, "#d2e2f1"));
        svg.append(band(points, max, width, height, 1, "#a6c5e3"));
        svg.append(band(points, max, width, height, 2, "#6d9ecf"));
        StringBuilder median = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            median.append(i == 0 ? "M" : "L").append(x(i, points.size(), width)).append(',')
                    .append(y(points.get(i).p50(), max, height));
        }
        svg.append("<path d=\"").append(median).append("\" fill=\"none\" stroke=\"#0b0c0c\" stroke-width=\"2\"/>");
        svg.append("<text x=\"0\" y=\"").append(height + 20).append("\" font-size=\"12\">")
                .append(points.get(0).month()).append("</text>");
        svg.append("<text x=\"").append(width - 50).append("\" y=\"").append(height + 20)
                .append("\" font-size=\"12\">").append(points.get(points.size() - 1).month()).append("</text>");
        svg.append("<text x=\"4\" y=\"12\" font-size=\"12\">").append(Math.round(max)).append("</text>");
        ForecastTable.Point last = points.get(points.size() - 1);
        svg.append("<text x=\"").append(width - 200).append("\" y=\"12\" font-size=\"12\">last month: median ")
                .append(Math.round(last.p50())).append(" (95%: ").append(Math.round(last.p025())).append("–")
                .append(Math.round(last.p975())).append(")</text>");
        return svg.append("</svg>").toString();
    }

    private static String band(List<ForecastTable.Point> points, double max, int width, int height, int level,
            String colour) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            ForecastTable.Point p = points.get(i);
            double upper = level == 0 ? p.p975() : level == 1 ? p.p90() : p.p75();
            path.append(i == 0 ? "M" : "L").append(x(i, points.size(), width)).append(',')
                    .append(y(upper, max, height));
        }
        for (int i = points.size() - 1; i >= 0; i--) {
            ForecastTable.Point p = points.get(i);
            double lower = level == 0 ? p.p025() : level == 1 ? p.p10() : p.p25();
            path.append('L').append(x(i, points.size(), width)).append(',').append(y(lower, max, height));
        }
        return "<path d=\"" + path + "Z\" fill=\"" + colour + "\" stroke=\"none\"/>";
    }

    static double x(int index, int count, int width) {
        return count <= 1 ? 0 : Math.round(index * (width - 1.0) / (count - 1) * 10) / 10.0;
    }

    static double y(double value, double max, int height) {
        return Math.round((height - value / max * height) * 10) / 10.0;
    }

    private static String table(ForecastTable table) {
        StringBuilder html = new StringBuilder("<table><thead><tr>");
        table.header().forEach(h -> html.append("<th scope=\"col\">").append(esc(h)).append("</th>"));
        html.append("</tr></thead><tbody>");
        table.rows().stream().limit(200).forEach(row -> {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(esc(cell)).append("</td>"));
            html.append("</tr>");
        });
        if (table.rows().size() > 200) {
            html.append("<tr><td colspan=\"").append(table.header().size()).append("\">… ")
                    .append(table.rows().size() - 200).append(" more rows in the CSV</td></tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    static String title(String file) {
        return switch (file) {
            case "places_needed.csv" -> "Places needed against supply";
            case "costs.csv" -> "Projected costs";
            case "backtest.csv" -> "Backtest: how accurate past forecasts were";
            default -> file;
        };
    }

    private static String fileOf(String title) {
        return TABLES.stream().filter(f -> title(f).equals(title)).findFirst().orElse("");
    }

    static String label(String category) {
        return category.charAt(0) + category.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text);
    }
}
