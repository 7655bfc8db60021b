package uk.rcc.sufficiency.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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

/** The report's workbook, read back with Apache POI: every sheet, typed cells, the CSV outputs' figures. */
@BrowserTest
class SufficiencyReportWorkbookTest {
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
    void everyTableIsASheetWithTypedCellsAndTheFiguresOfTheCsvOutputs() throws Exception {
        int downloadsBefore = downloads();
        byte[] xlsx = mvc.perform(
                        get("/api/sufficiency/runs/" + runId + "/report.xlsx").with(Users.board()))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Content-Disposition",
                                "attachment; filename=\"sufficiency-report-" + runId + ".xlsx\""))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "sufficiency-report-demo.xlsx"), xlsx);

        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (String name : List.of(
                    "summary",
                    "forecast",
                    "history",
                    "places needed",
                    "supply",
                    "gap",
                    "costs",
                    "scenarios",
                    "backtest",
                    "backtest forecasts",
                    "unmet demand",
                    "data range",
                    "capacity options")) {
                assertThat(workbook.getSheet(name)).as("sheet " + name).isNotNull();
            }
            for (var sheet : ReportWorkbook.SHEETS.entrySet()) {
                if (sheet.getKey().equals("gap")) {
                    continue;
                }
                forecasts
                        .output(runId, sheet.getValue())
                        .ifPresent(csv -> sameFigures(workbook.getSheet(sheet.getKey()), ForecastTable.parse(csv)));
            }
            sameFigures(workbook.getSheet("scenarios"), ScenarioComparison.merged(forecasts, runId));
            sameFigures(
                    workbook.getSheet("gap"),
                    ReportWorkbook.gap(ForecastTable.parse(
                            forecasts.output(runId, "places_needed.csv").orElseThrow())));
            assertThat(((XSSFSheet) workbook.getSheet("forecast"))
                            .getPaneInformation()
                            .isFreezePane())
                    .isTrue();
            assertThat(workbook.getSheet("summary").getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Sufficiency report: " + DemoForecastRun.NAME);
        }
        assertThat(downloads()).as("the download is audited").isEqualTo(downloadsBefore + 1);
    }

    private int downloads() {
        return registry.jdbc()
                .queryForObject(
                        "SELECT count(*) FROM audit_event WHERE action = 'EXPORT_REPORT' "
                                + "AND detail = 'report.xlsx' AND subject = ? AND actor = 'board'",
                        Integer.class,
                        "forecast " + runId);
    }

    /** Every row and cell of the sheet holds the CSV's value: numbers as numeric cells, months and dates as dates. */
    private static void sameFigures(Sheet sheet, ForecastTable csv) {
        assertThat(sheet.getLastRowNum())
                .as(sheet.getSheetName() + " rows")
                .isEqualTo(csv.rows().size());
        Row header = sheet.getRow(0);
        // once per column, not per cell: the larger sheets have thousands of rows
        List<Boolean> numeric = java.util.stream.IntStream.range(0, csv.header().size())
                .mapToObj(c -> numericColumn(csv, c))
                .toList();
        for (int c = 0; c < csv.header().size(); c++) {
            assertThat(header.getCell(c).getStringCellValue())
                    .isEqualTo(csv.header().get(c));
        }
        for (int r = 0; r < csv.rows().size(); r++) {
            List<String> expected = csv.rows().get(r);
            Row row = sheet.getRow(r + 1);
            for (int c = 0; c < expected.size(); c++) {
                String value = expected.get(c);
                Cell cell = row.getCell(c);
                String where = sheet.getSheetName() + " " + csv.header().get(c) + " row " + (r + 1);
                if (value.isBlank()) {
                    assertThat(cell).as(where).isNull();
                } else if (value.matches("\\d{4}-\\d{2}")
                        && !csv.header().get(c).equals("financial_year")) {
                    assertThat(DateUtil.isCellDateFormatted(cell)).as(where).isTrue();
                    assertThat(YearMonth.from(cell.getLocalDateTimeCellValue()))
                            .as(where)
                            .isEqualTo(YearMonth.parse(value));
                } else if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                    assertThat(cell.getLocalDateTimeCellValue().toLocalDate())
                            .as(where)
                            .isEqualTo(LocalDate.parse(value));
                } else if (value.matches("-?\\d+(\\.\\d+)?") && numeric.get(c)) {
                    assertThat(cell.getCellType()).as(where).isEqualTo(CellType.NUMERIC);
                    assertThat(cell.getNumericCellValue()).as(where).isEqualTo(Double.parseDouble(value));
                } else {
                    assertThat(cell.getStringCellValue()).as(where).isEqualTo(value);
                }
            }
        }
    }

    /** A column is typed as numbers when every value in it is one (an age band column holds "0" and "16+" alike). */
    private static boolean numericColumn(ForecastTable csv, int column) {
        return csv.rows().stream()
                .map(row -> column < row.size() ? row.get(column) : "")
                .allMatch(value -> value.isBlank() || value.matches("-?\\d+(\\.\\d+)?"));
    }
}
