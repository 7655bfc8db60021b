package uk.rcc.sufficiency.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;
import uk.rcc.capacity.CapacityAnalysis;
import uk.rcc.capacity.CapacityService;
import uk.rcc.imports.DatasetImporter;
import uk.rcc.matching.runs.MatchingRunService;
import uk.rcc.support.DemoForecastRun;
import uk.rcc.support.SharedData;
import uk.rcc.support.TestRegistry;
import uk.rcc.support.Users;
import uk.rcc.ui.BrowserTest;

/**
 * Each council's top capacity options beside its gap: the same rows on the web page, in the PDF and in the
 * workbook's "capacity options" sheet, in the council's own section, and a sentence when no matching run exists.
 */
@BrowserTest
class SufficiencyReportCapacityOptionsTest {
    @Autowired
    MockMvc mvc;

    @Autowired
    TestRegistry registry;

    @Autowired
    DatasetImporter importer;

    @Autowired
    ForecastRuns forecasts;

    @Autowired
    MatchingRunService matching;

    @Autowired
    CapacityService capacity;

    long runId;

    @BeforeEach
    void theDemoForecastOnTheSampleRegistry() {
        registry.reset();
        importer.importDirectory(SharedData.sample());
        runId = DemoForecastRun.id(forecasts, registry.jdbc());
    }

    @Test
    void withoutAMatchingRunEachCouncilSaysSoAndTheSheetIsEmpty() throws Exception {
        String html = HtmlUtils.htmlUnescape(html());
        for (String council : councils()) {
            assertThat(section(html, council))
                    .contains("Capacity options beside the gap")
                    .contains("No co-operative matching run has ended with proposals yet");
        }
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx()))) {
            Sheet sheet = workbook.getSheet("capacity options");
            assertThat(sheet).isNotNull();
            assertThat(sheet.getLastRowNum()).as("header only").isZero();
        }
    }

    @Test
    void eachCouncilsTopOptionsAreInItsSectionThePdfAndTheWorkbookAlike() throws Exception {
        long matchingRun = matching.start("commissioner", "USER", 2, null).id();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (matching.find(matchingRun).orElseThrow().status() != uk.rcc.jobs.JobStatus.FINISHED
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Map<String, List<CapacityAnalysis.Ranked>> top = capacity.topByCouncil(CapacityOptions.PER_COUNCIL);
        assertThat(top).as("options in some council").isNotEmpty();

        String html = HtmlUtils.htmlUnescape(html());
        String pdf = pdfText();
        List<List<String>> sheet = sheetRows();
        assertThat(sheet.get(0)).isEqualTo(CapacityOptions.HEADER);
        int expectedRows = 0;
        for (String council : councils()) {
            List<CapacityAnalysis.Ranked> options = top.getOrDefault(council, List.of());
            String section = section(html, council);
            assertThat(section).contains("Capacity options beside the gap");
            for (CapacityAnalysis.Ranked option : options) {
                String where = option.option().site();
                String placed = (option.option().placedDelta() > 0 ? "+" : "")
                        + option.option().placedDelta();
                assertThat(section)
                        .as(council + " shows its option at " + where)
                        .contains(where);
                assertThat(otherSections(html, council))
                        .as("no other council shows " + council + "'s option")
                        .noneMatch(other -> other.contains("<td>" + where + "</td>"));
                assertThat(pdf).contains(pdfSafe(where.substring(0, Math.min(12, where.length()))));
                assertThat(sheet)
                        .as("the workbook row of " + where)
                        .anySatisfy(row -> assertThat(row)
                                .startsWith(council, String.valueOf(option.rank()))
                                .contains(where));
                assertThat(section).contains("<td>" + where + "</td><td>" + placed + "</td>");
            }
            assertThat(options).hasSizeLessThanOrEqualTo(3);
            expectedRows += options.size();
        }
        assertThat(sheet).hasSize(expectedRows + 1);
        List<String> children = registry.jdbc().queryForList("SELECT child_id FROM child", String.class);
        assertThat(children).isNotEmpty();
        for (List<String> row : sheet) {
            assertThat(row).as("no child identifier").doesNotContainAnyElementsOf(children);
        }
    }

    private String html() throws Exception {
        return mvc.perform(get("/sufficiency/runs/" + runId + "/report").with(Users.board()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private byte[] xlsx() throws Exception {
        return mvc.perform(
                        get("/api/sufficiency/runs/" + runId + "/report.xlsx").with(Users.board()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    private String pdfText() throws Exception {
        byte[] pdf = mvc.perform(
                        get("/api/sufficiency/runs/" + runId + "/report.pdf").with(Users.board()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** The capacity sheet's rows as text, numbers as the workbook shows them written back to the CSV's form. */
    private List<List<String>> sheetRows() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx()))) {
            DataFormatter format = new DataFormatter();
            for (Row row : workbook.getSheet("capacity options")) {
                List<String> cells = new ArrayList<>();
                for (Cell cell : row) {
                    cells.add(
                            cell.getCellType() == CellType.NUMERIC
                                    ? number(cell.getNumericCellValue())
                                    : format.formatCellValue(cell));
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private List<String> councils() {
        return forecasts
                .output(runId, "forecast.csv")
                .map(ForecastTable::parse)
                .orElseThrow()
                .distinct("authority")
                .stream()
                .filter(a -> !a.equals("ALL"))
                .toList();
    }

    private static String section(String html, String council) {
        int start = html.indexOf("<section class=\"council\" id=\"council-" + council + "\"");
        assertThat(start).as("section of " + council).isPositive();
        return html.substring(start, html.indexOf("</section>", start));
    }

    private List<String> otherSections(String html, String council) {
        return councils().stream()
                .filter(c -> !c.equals(council))
                .map(c -> section(html, c))
                .toList();
    }

    /** The PDF's fonts have no curly quotes or long dashes: the text as the PDF writes it (cells may be cut). */
    private static String pdfSafe(String text) {
        return text.replace('’', '\'').replace('–', '-');
    }
}
