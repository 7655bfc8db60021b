package uk.rcc.sufficiency.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import uk.rcc.imports.DatasetImporter;
import uk.rcc.support.DemoForecastRun;
import uk.rcc.support.SharedData;
import uk.rcc.support.TestRegistry;
import uk.rcc.support.Users;
import uk.rcc.ui.BrowserTest;

/** The report of the demo's forecast: history beside the forecast, the other charts, the summary, the PDF. */
@BrowserTest
class SufficiencyReportChartsTest {
    private static final List<String> COUNCILS = List.of("E06000047", "E06000057", "E06000063", "E06000064");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestRegistry registry;

    @Autowired
    DatasetImporter importer;

    @Autowired
    ForecastRuns forecasts;

    long runId;

    @BeforeEach
    void theDemoForecast() {
        registry.reset();
        importer.importDirectory(SharedData.sample());
        runId = DemoForecastRun.id(forecasts, registry.jdbc());
    }

    @Test
    void theChildrenChartDrawsSixYearsOfHistoryAndEveryForecastMonthOnDatedAxes() throws Exception {
        String svg = chart(html(), "chart-ALL-FOSTER");
        ForecastTable history =
                ForecastTable.parse(forecasts.output(runId, "history.csv").orElseThrow());
        List<List<String>> foster = history.where("authority", "ALL", "category", "FOSTER");

        assertThat(foster.size()).isGreaterThanOrEqualTo(72);
        assertThat(attribute(svg, "history", "data-points")).isEqualTo("72");
        assertThat(attribute(svg, "median", "data-points")).isEqualTo("36");
        assertThat(attribute(svg, "band-95", "data-points")).isEqualTo("36");
        YearMonth lastHistory = YearMonth.parse(history.get(foster.get(foster.size() - 1), "month"));
        List<String> years = labels(svg, "axis-x");
        assertThat(years)
                .contains(
                        String.valueOf(lastHistory.getYear()),
                        String.valueOf(lastHistory.getYear() - 4),
                        String.valueOf(lastHistory.getYear() + 2));
        List<Double> counts = labels(svg, "axis-y").stream()
                .map(t -> Double.parseDouble(t.replace(",", "")))
                .toList();
        double lowest = foster.subList(foster.size() - 72, foster.size()).stream()
                .mapToDouble(r -> history.number(r, "children"))
                .min()
                .orElseThrow();
        assertThat(counts.get(0))
                .as("the y axis starts near the data, not at zero")
                .isGreaterThan(0)
                .isLessThanOrEqualTo(lowest);
        assertThat(counts).hasSizeGreaterThanOrEqualTo(4);
        assertThat(labels(svg, "as-of")).containsExactly("as of end " + ChildrenChart.monthName(lastHistory));
        assertThat(svg).contains("<title id=\"chart-ALL-FOSTER-title\">").contains("<desc");
    }

    @Test
    void everyKindOfChartIsDrawnForTheCooperativeAndEachCouncil() throws Exception {
        String html = html();
        for (String authority : concat("ALL", COUNCILS)) {
            assertThat(chart(html, "chart-" + authority + "-ALL")).contains("data-series=\"history\"");
            String places = chart(html, "chart-" + authority + "-places");
            assertThat(labels(places, "panel-title"))
                    .containsExactly("Foster care", "Children's homes", "Supported accommodation");
            assertThat(places).contains("data-series=\"Projected places\"");
            String scenarios = chart(html, "chart-" + authority + "-scenarios");
            assertThat(labels(scenarios, "legend"))
                    .containsExactly("baseline", "Step down 10% a year", "Recruit 20 foster places a year");
            String backtest = chart(html, "chart-" + authority + "-backtest");
            assertThat(count(backtest, "data-series=\"backtest-median\"")).isEqualTo(4);
        }
        assertThat(html).contains("Forecasts 12 months ahead from 4 past dates were");
    }

    @Test
    void theBacktestChartDrawsTheRowsOfBacktestForecastsCsvFromEachOrigin() throws Exception {
        ForecastTable forecastsCsv = ForecastTable.parse(
                forecasts.output(runId, "backtest_forecasts.csv").orElseThrow());
        String svg = chart(html(), "chart-ALL-backtest");
        List<String> origins = forecastsCsv.distinct("origin");
        List<List<Double>> drawn = drawnValues(svg, "backtest-median");

        assertThat(origins).hasSize(4);
        assertThat(drawn).hasSize(origins.size());
        double pixel = valuePerPixel(svg);
        for (int i = 0; i < origins.size(); i++) {
            String origin = origins.get(i);
            List<Double> medians = forecastsCsv.where("authority", "ALL", "category", "ALL").stream()
                    .filter(r -> forecastsCsv.get(r, "origin").equals(origin))
                    .map(r -> forecastsCsv.number(r, "p50"))
                    .toList();
            assertThat(medians).hasSize(24);
            List<Double> line = drawn.get(i);
            // the line starts at what happened at the origin, then draws each forecast month of the file
            List<Double> forecastPoints = line.subList(line.size() - medians.size(), line.size());
            for (int m = 0; m < medians.size(); m++) {
                assertThat(forecastPoints.get(m))
                        .as("origin " + origin + ", month " + (m + 1) + " ahead")
                        .isCloseTo(medians.get(m), org.assertj.core.data.Offset.offset(pixel));
            }
        }
    }

    @Test
    void theAccuracyInWordsIsTheChosenModelsWapeOfTheSamePoints() throws Exception {
        ForecastTable backtest =
                ForecastTable.parse(forecasts.output(runId, "backtest.csv").orElseThrow());
        ForecastTable points = ForecastTable.parse(
                forecasts.output(runId, "backtest_forecasts.csv").orElseThrow());
        String html = org.springframework.web.util.HtmlUtils.htmlUnescape(html());

        for (List<String> row : backtest.where("authority", "ALL", "category", "ALL")) {
            String horizon = backtest.get(row, "horizon_months");
            double wape = backtest.number(row, "model_wape");
            double error = 0;
            double actual = 0;
            for (List<String> p : points.where("authority", "ALL", "category", "ALL")) {
                if (points.get(p, "horizon_months").equals(horizon)) {
                    error += Math.abs(points.number(p, "p50") - points.number(p, "actual"));
                    actual += points.number(p, "actual");
                }
            }
            assertThat(error / actual)
                    .as("backtest.csv's WAPE at " + horizon + " months, from backtest_forecasts.csv's points")
                    .isCloseTo(wape, org.assertj.core.data.Offset.offset(0.0005));
            assertThat(html)
                    .contains(String.format(
                            java.util.Locale.UK,
                            "Forecasts %s months ahead from %s past dates were %.1f%% off",
                            horizon,
                            backtest.get(row, "origins"),
                            wape * 100));
        }
        assertThat(backtest.where("authority", "ALL", "category", "ALL")).hasSize(2);
    }

    @Test
    void theSummaryIsInPlainWordsWithOneTableAndNoLogLines() throws Exception {
        String html = html();
        String summary = org.springframework.web.util.HtmlUtils.htmlUnescape(html.substring(
                html.indexOf("<section id=\"summary\">"),
                html.indexOf("</section>", html.indexOf("<section id=\"summary\">"))));

        assertThat(summary)
                .contains("children were looked after at the end of")
                .contains("By the end of")
                .contains("Places at the end of")
                .contains("“Step down 10% a year” changes")
                .contains("The model was chosen by backtest before the as-of date: ")
                .contains("Foster care: gap (+ too few)")
                .doesNotContain("WAPE")
                .doesNotContain("<pre>");
        assertThat(count(summary, "<table>")).isEqualTo(1);
    }

    @Test
    void thePdfHasTheSameChartsAsVectorsWithTheirAxisLabels() throws Exception {
        byte[] pdf = mvc.perform(
                        get("/api/sufficiency/runs/" + runId + "/report.pdf").with(Users.board()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "sufficiency-report-demo.pdf"), pdf);
        String html = html();
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("Children looked after, the co-operative: all placements")
                    .contains("Places needed against projected supply, the co-operative")
                    .contains("Scenarios against the baseline")
                    .contains("How past forecasts did")
                    .contains(labels(chart(html, "chart-ALL-ALL"), "as-of").get(0))
                    .contains("Projected places")
                    .contains("95% interval");
            for (String year : labels(chart(html, "chart-ALL-ALL"), "axis-x")) {
                assertThat(text).contains(year);
            }
            BufferedImage first = new PDFRenderer(document).renderImage(0, 1);
            BufferedImage chartPage = new PDFRenderer(document).renderImage(1, 1);
            assertThat(pixels(first, 0x6d9ecf) + pixels(chartPage, 0x6d9ecf))
                    .as("the 50% band is painted")
                    .isGreaterThan(200);
            assertThat(pixels(first, 0x0b0c0c) + pixels(chartPage, 0x0b0c0c)).isGreaterThan(50);
        }
    }

    @Autowired
    SufficiencyReport report;

    /** Not a timed test: prints the processor time the report takes, which other builds on the machine barely move. */
    @Test
    void theReportsProcessorTimeIsPrinted() {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        long bestPdf = Long.MAX_VALUE;
        int size = 0;
        for (int i = 0; i < 5; i++) {
            long start = threads.getCurrentThreadCpuTime();
            SufficiencyReport.Content content = report.build(forecasts, forecasts.get(runId));
            size = report.html(content).length();
            long page = threads.getCurrentThreadCpuTime();
            ReportPdf.render(content);
            best = Math.min(best, page - start);
            bestPdf = Math.min(bestPdf, threads.getCurrentThreadCpuTime() - page);
        }
        System.out.printf(
                "Report of the four-council demo run: page built in %.0f ms of processor time (%,d "
                        + "characters), PDF in %.0f ms more (best of 5)%n",
                best / 1e6, size, bestPdf / 1e6);
        assertThat(size).isPositive();
    }

    private String html() throws Exception {
        return mvc.perform(get("/sufficiency/runs/" + runId + "/report").with(Users.board()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    static String chart(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("chart " + id).isPositive();
        return html.substring(html.lastIndexOf("<svg", start), html.indexOf("</svg>", start));
    }

    /** Each path of a series, its points' values read back through the y axis's labels. */
    static List<List<Double>> drawnValues(String svg, String series) {
        double[] scale = yScale(svg);
        List<List<Double>> lines = new ArrayList<>();
        Matcher path = Pattern.compile("<path data-series=\"" + series + "\" data-points=\"\\d+\" d=\"([^\"]*)\"")
                .matcher(svg);
        while (path.find()) {
            List<Double> values = new ArrayList<>();
            for (String point : path.group(1).split("[ML]")) {
                if (!point.isEmpty()) {
                    values.add(scale[0] + scale[1] * Double.parseDouble(point.split(",")[1]));
                }
            }
            lines.add(values);
        }
        return lines;
    }

    /** The value one pixel of the y axis stands for (the SVG's coordinates are written to a tenth of a pixel). */
    static double valuePerPixel(String svg) {
        return Math.abs(yScale(svg)[1]);
    }

    /** {intercept, slope} of value against y from the axis labels, which sit 4 below their grid line. */
    private static double[] yScale(String svg) {
        Matcher m = Pattern.compile("<text class=\"axis-y\" x=\"[^\"]*\" y=\"([^\"]*)\"[^>]*>([^<]*)</text>")
                .matcher(svg);
        List<double[]> ticks = new ArrayList<>();
        while (m.find()) {
            ticks.add(new double[] {
                Double.parseDouble(m.group(1)) - 4,
                Double.parseDouble(m.group(2).replace(",", ""))
            });
        }
        assertThat(ticks).hasSizeGreaterThanOrEqualTo(2);
        double[] first = ticks.get(0);
        double[] last = ticks.get(ticks.size() - 1);
        double slope = (last[1] - first[1]) / (last[0] - first[0]);
        return new double[] {first[1] - slope * first[0], slope};
    }

    static String attribute(String svg, String series, String name) {
        Matcher m = Pattern.compile("<path data-series=\"" + series + "\" data-points=\"(\\d+)\"")
                .matcher(svg);
        assertThat(m.find()).as(series + " in the chart").isTrue();
        return m.group(1);
    }

    static List<String> labels(String svg, String role) {
        List<String> labels = new ArrayList<>();
        Matcher m = Pattern.compile("<text class=\"" + role + "\"[^>]*>([^<]*)</text>")
                .matcher(svg);
        while (m.find()) {
            labels.add(org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(1)));
        }
        return labels;
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private static int pixels(BufferedImage image, int rgb) {
        int n = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }
}
