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
import uk.rcc.support.IntegrationTest;
import uk.rcc.support.SharedData;
import uk.rcc.support.TestRegistry;
import uk.rcc.support.Users;

/** The report of the demo's forecast: history beside the forecast, the other charts, the summary, the PDF. */
@IntegrationTest
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
