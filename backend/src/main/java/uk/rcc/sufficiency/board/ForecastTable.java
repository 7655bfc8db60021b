package uk.rcc.sufficiency.board;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A forecast output CSV read back for the report: a header and rows of text cells. */
record ForecastTable(List<String> header, List<List<String>> rows) {

    static ForecastTable parse(String csv) {
        try (CSVParser parser = CSVParser.parse(
                new StringReader(csv),
                CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get())) {
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
            return new ForecastTable(parser.getHeaderNames(), rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One point of a forecast series: the month and its quantiles. */
    record Point(String month, double p025, double p10, double p25, double p50, double p75, double p90, double p975) {}

    /** The series of one authority and category from forecast.csv, in month order. */
    List<Point> series(String authority, String category) {
        int month = header.indexOf("month");
        int auth = header.indexOf("authority");
        int cat = header.indexOf("category");
        Map<String, Point> points = new TreeMap<>();
        for (List<String> row : rows) {
            if (row.get(auth).equals(authority) && row.get(cat).equals(category)) {
                points.put(
                        row.get(month),
                        new Point(
                                row.get(month),
                                value(row, "p025"),
                                value(row, "p10"),
                                value(row, "p25"),
                                value(row, "p50"),
                                value(row, "p75"),
                                value(row, "p90"),
                                value(row, "p975")));
            }
        }
        return new ArrayList<>(points.values());
    }

    /** A row's cell in a column; blank when the column is missing. */
    String get(List<String> row, String column) {
        int index = header.indexOf(column);
        return index < 0 || index >= row.size() ? "" : row.get(index);
    }

    /** A row's number in a column, or null when the cell is blank. */
    Double number(List<String> row, String column) {
        String cell = get(row, column);
        return cell.isBlank() ? null : Double.valueOf(cell);
    }

    /** The rows whose cells in the columns equal the values. */
    List<List<String>> where(String column, String value, String otherColumn, String otherValue) {
        return rows.stream()
                .filter(r -> get(r, column).equals(value) && get(r, otherColumn).equals(otherValue))
                .toList();
    }

    List<String> distinct(String column) {
        int index = header.indexOf(column);
        return rows.stream().map(r -> r.get(index)).distinct().sorted().toList();
    }

    private double value(List<String> row, String column) {
        return Double.parseDouble(row.get(header.indexOf(column)));
    }
}
