package uk.rcc.exchange;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One CSV file of a data set, read with RFC 4180 rules, whose rows parse typed fields and record every
 * problem as a {@link DatasetError} instead of stopping at the first one.
 */
final class CsvTable {
    private final String fileName;
    private final List<Row> rows = new ArrayList<>();
    private final List<DatasetError> errors;

    private CsvTable(String fileName, List<DatasetError> errors) {
        this.fileName = fileName;
        this.errors = errors;
    }

    static CsvTable parse(String fileName, byte[] content, List<String> requiredColumns, List<DatasetError> errors) {
        CsvTable table = new CsvTable(fileName, errors);
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\0') >= 0) {
            // PostgreSQL cannot store NUL in text; such a file is not CSV text anyway.
            errors.add(new DatasetError(fileName, 1, "-", "contains a NUL character; not CSV text"));
            return table;
        }
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        try (Reader reader = new StringReader(text);
                CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames().stream()
                    .map(h -> h.trim().toLowerCase(Locale.ROOT))
                    .toList();
            boolean headerComplete = true;
            for (String column : requiredColumns) {
                if (!header.contains(column)) {
                    errors.add(new DatasetError(fileName, 1, column, "required column is missing from the header"));
                    headerComplete = false;
                }
            }
            if (!headerComplete) {
                return table;
            }
            for (CSVRecord record : parser) {
                table.rows.add(table.new Row(record, header));
            }
        } catch (IOException | RuntimeException e) {
            errors.add(new DatasetError(fileName, 1, "-", "not readable as CSV: " + innermostMessage(e)));
        }
        return table;
    }

    private static String innermostMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage());
    }

    List<Row> rows() {
        return rows;
    }

    String fileName() {
        return fileName;
    }

    /** One data row; line numbers count the header as line 1. */
    final class Row {
        private final CSVRecord record;
        private final List<String> header;

        private Row(CSVRecord record, List<String> header) {
            this.record = record;
            this.header = header;
        }

        long line() {
            return record.getRecordNumber() + 1;
        }

        void error(String column, String message) {
            errors.add(new DatasetError(fileName, line(), column, message));
        }

        /** The trimmed value, or null when the column is absent or the cell empty. */
        String text(String column) {
            int index = header.indexOf(column);
            if (index < 0 || index >= record.size()) {
                return null;
            }
            String value = record.get(index).trim();
            return value.isEmpty() ? null : value;
        }

        String requiredText(String column) {
            String value = text(column);
            if (value == null) {
                error(column, "is required");
            }
            return value;
        }

        Double requiredDouble(String column, double min, double max) {
            return optionalDouble(column, min, max, requiredText(column));
        }

        Double optionalDouble(String column, double min, double max) {
            return optionalDouble(column, min, max, text(column));
        }

        private Double optionalDouble(String column, double min, double max, String value) {
            if (value == null) {
                return null;
            }
            try {
                double number = Double.parseDouble(value);
                if (!Double.isFinite(number) || number < min || number > max) {
                    error(column, "'" + value + "' is outside " + plain(min) + ".." + plain(max));
                    return null;
                }
                return number;
            } catch (NumberFormatException e) {
                error(column, "'" + value + "' is not a number");
                return null;
            }
        }

        Integer requiredInt(String column, int min, int max) {
            String value = requiredText(column);
            if (value == null) {
                return null;
            }
            try {
                int number = Integer.parseInt(value);
                if (number < min || number > max) {
                    error(column, "'" + value + "' is outside " + min + ".." + max);
                    return null;
                }
                return number;
            } catch (NumberFormatException e) {
                error(column, "'" + value + "' is not a whole number");
                return null;
            }
        }

        LocalDate requiredDate(String column) {
            return date(column, requiredText(column));
        }

        LocalDate optionalDate(String column) {
            return date(column, text(column));
        }

        private LocalDate date(String column, String value) {
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                error(column, "'" + value + "' is not a date in the form YYYY-MM-DD");
                return null;
            }
        }

        boolean optionalBoolean(String column, boolean absent) {
            String value = text(column);
            if (value == null) {
                return absent;
            }
            if (value.equalsIgnoreCase("true")) {
                return true;
            }
            if (value.equalsIgnoreCase("false")) {
                return false;
            }
            error(column, "'" + value + "' is not true or false");
            return absent;
        }

        <E extends Enum<E>> E requiredEnum(String column, Class<E> type) {
            return enumValue(column, type, requiredText(column), null);
        }

        <E extends Enum<E>> E optionalEnum(String column, Class<E> type, E absent) {
            return enumValue(column, type, text(column), absent);
        }

        private <E extends Enum<E>> E enumValue(String column, Class<E> type, String value, E absent) {
            if (value == null) {
                return absent;
            }
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                error(column, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
                return absent;
            }
        }

        /** A {@code ;}-separated list of codes; an unknown code is an error naming it. */
        <E extends Enum<E>> Set<E> enumSet(String column, Class<E> type, Set<E> absent) {
            String value = text(column);
            if (value == null) {
                return absent;
            }
            EnumSet<E> result = EnumSet.noneOf(type);
            for (String part : value.split(";")) {
                String code = part.trim();
                if (code.isEmpty()) {
                    continue;
                }
                E parsed = enumValue(column, type, code, null);
                if (parsed != null) {
                    result.add(parsed);
                }
            }
            return result;
        }

        void forEachPresent(String column, Consumer<String> action) {
            String value = text(column);
            if (value != null) {
                action.accept(value);
            }
        }
    }

    private static String plain(double number) {
        return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
    }
}
