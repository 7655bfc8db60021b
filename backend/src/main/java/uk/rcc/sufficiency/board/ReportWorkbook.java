package uk.rcc.sufficiency.board;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The report's tables as an Excel workbook, where councils write their sufficiency statements: a sheet per table,
 * headed, with numbers as numbers and months and dates as dates, and the header row frozen. The figures are the
 * run's stored CSV outputs, cell for cell.
 */
final class ReportWorkbook {
    /** Sheet name → the stored output it holds (the gap is a view of places_needed.csv). */
    static final Map<String, String> SHEETS = sheets();

    /** Each council's top capacity options, as the report's council sections show them. */
    static final String CAPACITY_SHEET = "capacity options";

    private static final List<String> GAP_COLUMNS = List.of(
            "month",
            "authority",
            "category",
            "confidence",
            "places_needed",
            "places_now",
            "places_projected",
            "gap",
            "gap_median",
            "outside_or_far");

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final CellStyle bold;
    private final CellStyle month;
    private final CellStyle day;

    private ReportWorkbook() {
        Font font = workbook.createFont();
        font.setBold(true);
        bold = workbook.createCellStyle();
        bold.setFont(font);
        month = workbook.createCellStyle();
        month.setDataFormat(workbook.createDataFormat().getFormat("mmm yyyy"));
        day = workbook.createCellStyle();
        day.setDataFormat(workbook.createDataFormat().getFormat("d mmm yyyy"));
    }

    private static Map<String, String> sheets() {
        Map<String, String> sheets = new LinkedHashMap<>();
        sheets.put("forecast", "forecast.csv");
        sheets.put("forecast by age", "forecast_by_age.csv");
        sheets.put("history", "history.csv");
        sheets.put("places needed", "places_needed.csv");
        sheets.put("supply", "supply.csv");
        sheets.put("gap", "places_needed.csv");
        sheets.put("costs", "costs.csv");
        sheets.put("backtest", "backtest.csv");
        sheets.put("backtest forecasts", "backtest_forecasts.csv");
        sheets.put("unmet demand", "unmet_demand.csv");
        sheets.put("data range", "data_range.csv");
        return sheets;
    }

    static byte[] write(SufficiencyReport.Content content, ForecastRuns forecasts) {
        ReportWorkbook book = new ReportWorkbook();
        long id = content.run().id();
        book.summary(content);
        SHEETS.forEach((name, output) -> {
            Optional<ForecastTable> table = forecasts.output(id, output).map(ForecastTable::parse);
            if (name.equals("gap")) {
                table = table.map(ReportWorkbook::gap);
            }
            table.ifPresent(t -> book.sheet(name, t));
            if (name.equals("costs")) {
                book.sheet("scenarios", ScenarioComparison.merged(forecasts, id));
            }
        });
        book.sheet(CAPACITY_SHEET, content.capacity().table());
        try (XSSFWorkbook workbook = book.workbook) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void summary(SufficiencyReport.Content content) {
        Sheet sheet = workbook.createSheet("summary");
        int at = 0;
        text(sheet.createRow(at++), 0, "Sufficiency report: " + content.run().name())
                .setCellStyle(bold);
        text(sheet.createRow(at++), 0, SufficiencyReport.heading(content.run()));
        for (String sentence : content.summary().sentences()) {
            text(sheet.createRow(at++), 0, sentence);
        }
        at++;
        SufficiencyReport.Table table = content.summary().table();
        Row header = sheet.createRow(at++);
        for (int c = 0; c < table.header().size(); c++) {
            text(header, c, table.header().get(c)).setCellStyle(bold);
        }
        for (List<String> cells : table.rows()) {
            Row row = sheet.createRow(at++);
            for (int c = 0; c < cells.size(); c++) {
                text(row, c, cells.get(c));
            }
        }
        text(sheet.createRow(at + 1), 0, table.note());
        sheet.setColumnWidth(0, 48 * 256);
        for (int c = 1; c < table.header().size(); c++) {
            sheet.setColumnWidth(c, 22 * 256);
        }
    }

    private void sheet(String name, ForecastTable table) {
        Sheet sheet = workbook.createSheet(name);
        Row header = sheet.createRow(0);
        for (int c = 0; c < table.header().size(); c++) {
            text(header, c, table.header().get(c)).setCellStyle(bold);
            sheet.setColumnWidth(c, Math.max(12, table.header().get(c).length() + 3) * 256);
        }
        List<Kind> kinds =
                table.header().stream().map(column -> kind(column, table)).toList();
        for (int r = 0; r < table.rows().size(); r++) {
            Row row = sheet.createRow(r + 1);
            List<String> cells = table.rows().get(r);
            for (int c = 0; c < cells.size() && c < kinds.size(); c++) {
                cell(row, c, cells.get(c), kinds.get(c));
            }
        }
        sheet.createFreezePane(0, 1);
        if (!table.header().isEmpty()) {
            sheet.setAutoFilter(new CellRangeAddress(
                    0, Math.max(0, table.rows().size()), 0, table.header().size() - 1));
        }
    }

    /** How a column's cells are written. */
    enum Kind {
        MONTH,
        DATE,
        NUMBER,
        TEXT
    }

    /** Months and dates by their column's name; numbers where every cell is one; text otherwise. */
    static Kind kind(String column, ForecastTable table) {
        if (column.equals("month") || column.equals("origin")) {
            return Kind.MONTH;
        }
        if (column.endsWith("_date") || column.equals("as_of")) {
            return Kind.DATE;
        }
        if (column.equals("financial_year") || column.equals("authority") || column.equals("category")) {
            return Kind.TEXT;
        }
        int index = table.header().indexOf(column);
        boolean numbers = table.rows().stream()
                .map(r -> index < r.size() ? r.get(index) : "")
                .allMatch(cell -> cell.isBlank() || isNumber(cell));
        return numbers ? Kind.NUMBER : Kind.TEXT;
    }

    private void cell(Row row, int column, String value, Kind kind) {
        if (value.isBlank()) {
            return;
        }
        Cell cell = row.createCell(column);
        switch (kind) {
            case MONTH -> {
                cell.setCellValue(YearMonth.parse(value).atDay(1));
                cell.setCellStyle(month);
            }
            case DATE -> {
                cell.setCellValue(LocalDate.parse(value));
                cell.setCellStyle(day);
            }
            case NUMBER -> cell.setCellValue(Double.parseDouble(value));
            case TEXT -> cell.setCellValue(value);
        }
    }

    private static Cell text(Row row, int column, String value) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        return cell;
    }

    private static boolean isNumber(String cell) {
        try {
            Double.parseDouble(cell);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The gap columns of places_needed.csv. */
    static ForecastTable gap(ForecastTable needed) {
        List<String> columns =
                GAP_COLUMNS.stream().filter(needed.header()::contains).toList();
        List<List<String>> rows = new ArrayList<>();
        needed.rows()
                .forEach(r ->
                        rows.add(columns.stream().map(c -> needed.get(r, c)).toList()));
        return new ForecastTable(columns, rows);
    }
}
