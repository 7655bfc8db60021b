package uk.rcc.placementsreturn;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import uk.rcc.placementsreturn.ReturnFields.Field;
import uk.rcc.placementsreturn.ReturnFields.Kind;
import uk.rcc.placementsreturn.ReturnFields.Section;
import uk.rcc.placementsreturn.Vocabulary.Concept;

/**
 * The return in the standard's "Data Collection" layout: a row of section headings, a row of column names, then one
 * row per placement, with the standard's labels ({@code < 5 days}, {@code Risk Present}, Yes/No). The spreadsheet has
 * the layout's 44 columns, with dates as dates and costs as numbers; the CSV has the standard's 45 (the spreadsheet's
 * and {@code risk_to_child_sexual_exploitation}), dates as DD/MM/YYYY. The spreadsheet's education column asks whether
 * education was disrupted, the opposite of {@code isEducationContinuous}, so its answer is inverted there.
 */
final class DataCollectionLayout {
    static final String SHEET = "Data Collection";
    /** The spreadsheet's layout has no column for this risk; its own sheet keeps it beside the child. */
    static final String SEXUAL_EXPLOITATION_SHEET = "Sexual exploitation risk";

    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private DataCollectionLayout() {}

    static byte[] spreadsheet(PlacementsReturn placementsReturn) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("\u00a3#,##0.00"));
            Sheet sheet = workbook.createSheet(SHEET);
            headings(sheet, ReturnFields.SPREADSHEET);
            int rowNumber = 2;
            for (FoundPlacement placement : placementsReturn.placements()) {
                Row row = sheet.createRow(rowNumber++);
                int column = 0;
                for (Field field : ReturnFields.SPREADSHEET) {
                    Object value =
                            written(placementsReturn, field) ? field.value().apply(placement) : null;
                    if (value != null) {
                        setCell(row, column, field, value, date, money);
                    }
                    column++;
                }
            }
            sexualExploitationSheet(workbook.createSheet(SEXUAL_EXPLOITATION_SHEET), placementsReturn);
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void setCell(Row row, int column, Field field, Object value, CellStyle date, CellStyle money) {
        var cell = row.createCell(column);
        switch (field.kind()) {
            case DATE -> {
                cell.setCellValue((LocalDate) value);
                cell.setCellStyle(date);
            }
            case MONEY -> {
                cell.setCellValue((Double) value);
                cell.setCellStyle(money);
            }
            case COUNT -> cell.setCellValue(((Number) value).doubleValue());
            default -> cell.setCellValue(label(field.kind(), value));
        }
    }

    private static void sexualExploitationSheet(Sheet sheet, PlacementsReturn placementsReturn) {
        Field risk = ReturnFields.CSV.stream()
                .filter(f -> !f.inSpreadsheet())
                .findFirst()
                .orElseThrow();
        Row header = sheet.createRow(0);
        header.createCell(0).setCellValue("child_ID");
        header.createCell(1).setCellValue("placement_start");
        header.createCell(2).setCellValue(risk.column());
        int rowNumber = 1;
        for (FoundPlacement placement : placementsReturn.placements()) {
            Row row = sheet.createRow(rowNumber++);
            row.createCell(0).setCellValue(placement.child().childId());
            row.createCell(1).setCellValue(placement.startedOn().format(DAY_MONTH_YEAR));
            row.createCell(2).setCellValue(label(risk.kind(), risk.value().apply(placement)));
        }
    }

    private static void headings(Sheet sheet, List<Field> fields) {
        Row sections = sheet.createRow(0);
        Row names = sheet.createRow(1);
        Section previous = null;
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            if (field.section() != previous && field.section().heading != null) {
                sections.createCell(i).setCellValue(field.section().heading);
            }
            previous = field.section();
            names.createCell(i).setCellValue(field.column());
        }
    }

    static byte[] csv(PlacementsReturn placementsReturn) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(
                        writer,
                        CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            List<String> sections = new ArrayList<>();
            Section previous = null;
            for (Field field : ReturnFields.CSV) {
                boolean starts = field.section() != previous && field.section().heading != null;
                sections.add(starts ? field.section().heading : "");
                previous = field.section();
            }
            printer.printRecord(sections);
            printer.printRecord(ReturnFields.CSV.stream().map(Field::column).toList());
            for (FoundPlacement placement : placementsReturn.placements()) {
                List<String> cells = new ArrayList<>();
                for (Field field : ReturnFields.CSV) {
                    Object value =
                            written(placementsReturn, field) ? field.value().apply(placement) : null;
                    cells.add(value == null ? "" : csvText(field.kind(), value));
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static boolean written(PlacementsReturn placementsReturn, Field field) {
        return placementsReturn.qualityAssurance() || field.section() != Section.QUALITY_ASSURANCE;
    }

    private static String csvText(Kind kind, Object value) {
        return switch (kind) {
            case DATE -> ((LocalDate) value).format(DAY_MONTH_YEAR);
            case MONEY -> JsonLdWriter.money((Double) value);
            case COUNT -> value.toString();
            default -> label(kind, value);
        };
    }

    /** The layout's text for a value: the concept's label, Yes/No, several values joined by ';'. */
    static String label(Kind kind, Object value) {
        return switch (kind) {
            case CONCEPT, CONCEPT_IRI -> ((Concept) value).label();
            case CONCEPTS ->
                ((Collection<?>) value).stream().map(c -> ((Concept) c).label()).collect(Collectors.joining(";"));
            case TEXTS -> ((Collection<?>) value).stream().map(String::valueOf).collect(Collectors.joining(";"));
            case BOOLEAN -> (Boolean) value ? "Yes" : "No";
            case BOOLEAN_INVERTED_IN_SHEET -> (Boolean) value ? "No" : "Yes";
            default -> String.valueOf(value);
        };
    }
}
