package uk.rcc.sufficiency;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import uk.rcc.exchange.DatasetError;
import uk.rcc.exchange.InvalidDatasetException;
import uk.rcc.sufficiency.Ssda903Data.ChildInCare;
import uk.rcc.sufficiency.Ssda903Data.Episode;

/**
 * Reads SSDA903 returns: the header, episodes and (if present) uasc files of one or more councils, either one
 * folder per council or files with an {@code LA} column, several collection years each. Tolerant of what real
 * returns hold (blank optional fields, spaces, lower-case codes); strict about the rest, naming file, line and
 * column. Strict mode rejects the whole set on any error; lenient mode leaves bad rows out and reports them.
 */
public final class Ssda903Reader {
    private static final DateTimeFormatter DFE =
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT);
    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DFE_DATE = Pattern.compile("\\d{1,2}/\\d{1,2}/\\d{4}");
    private static final Set<String> LEGAL_STATUSES =
            Set.of("C1", "C2", "D1", "E1", "V2", "V3", "V4", "L1", "L2", "L3", "J1", "J2", "J3");
    private static final Set<String> SHORT_BREAKS = Set.of("V3", "V4");

    private final Path root;
    private final List<DatasetError> errors = new ArrayList<>();
    private final List<DatasetError> warnings = new ArrayList<>();
    private final Map<String, LocalDate> birthDates = new HashMap<>();
    private final Set<String> uasc = new HashSet<>();
    private final Map<String, List<RawEpisode>> episodes = new LinkedHashMap<>();

    private record RawEpisode(LocalDate start, LocalDate end, Category category, String rne) {}

    /** What was read, and the rows left out in lenient mode. */
    public record Result(Ssda903Data data, List<DatasetError> skipped, List<DatasetError> warnings) {}

    private Ssda903Reader(Path root) {
        this.root = root;
    }

    public static Result read(Path directory, boolean lenient) {
        if (!Files.isDirectory(directory)) {
            throw new InvalidDatasetException(
                    List.of(new DatasetError(directory.toString(), 0, "-", "is not a directory")));
        }
        Ssda903Reader reader = new Ssda903Reader(directory);
        reader.readAll();
        if (!lenient && !reader.errors.isEmpty()) {
            throw new InvalidDatasetException(reader.errors);
        }
        Ssda903Data data = reader.assemble();
        if (data.children().isEmpty()) {
            throw new InvalidDatasetException(List.of(new DatasetError(
                    directory.toString(),
                    0,
                    "-",
                    "no episodes of children looked after were found (expected header and episodes CSV files)")));
        }
        return new Result(
                data,
                reader.errors.stream().sorted().toList(),
                reader.warnings.stream().sorted().toList());
    }

    private void readAll() {
        try (var walk = Files.walk(root, 2)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(f ->
                            f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .sorted()
                    .toList();
            for (String kind : List.of("header", "uasc", "episodes")) {
                for (Path file : files) {
                    if (file.getFileName().toString().toLowerCase(Locale.ROOT).contains(kind)) {
                        readFile(file, kind);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readFile(Path file, String kind) throws IOException {
        String name = root.relativize(file).toString();
        String folderCouncil = file.getParent().equals(root)
                ? null
                : file.getParent().getFileName().toString();
        long nulLine = lineOfFirstNul(Files.readAllBytes(file));
        if (nulLine > 0) {
            // PostgreSQL cannot store NUL in text; such a file is not CSV text anyway.
            errors.add(new DatasetError(name, nulLine, "-", "contains a NUL character; not CSV text"));
            return;
        }
        List<CSVRecord> records;
        Map<String, String> columns = new HashMap<>();
        // Strict decoding: a file that is not UTF-8 is reported, not read with replacement characters.
        try (Reader reader = new java.io.BufferedReader(new java.io.InputStreamReader(
                        Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()));
                CSVParser parser = CSVParser.parse(
                        reader,
                        CSVFormat.RFC4180
                                .builder()
                                .setHeader()
                                .setSkipHeaderRecord(true)
                                .setIgnoreEmptyLines(true)
                                .setTrim(true)
                                .get())) {
            parser.getHeaderNames().forEach(h -> columns.put(h.trim().toUpperCase(Locale.ROOT), h));
            try {
                records = parser.getRecords();
            } catch (UncheckedIOException | IllegalStateException e) {
                errors.add(new DatasetError(name, parser.getCurrentLineNumber(), "-", unreadable(e)));
                return;
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // Thrown while reading the header line (bad quoting, duplicate names) or decoding the file.
            errors.add(new DatasetError(name, 1, "-", unreadable(e)));
            return;
        }
        String dateColumn = kind.equals("episodes") ? "DECOM" : "DOB";
        boolean isoFile = usesIsoDates(records, columns.get(dateColumn));
        for (CSVRecord record : records) {
            Row row = new Row(name, record, columns, isoFile);
            String council =
                    row.text("LA") != null ? row.text("LA") : folderCouncil != null ? folderCouncil : "ALL_IN_ONE";
            switch (kind) {
                case "header" -> header(row, council);
                case "uasc" -> uasc(row, council);
                default -> episode(row, council);
            }
        }
    }

    /** The line (from 1) holding the first NUL byte, or 0 when there is none (in UTF-8 only NUL is a 0 byte). */
    private static long lineOfFirstNul(byte[] bytes) {
        long line = 1;
        for (byte b : bytes) {
            if (b == 0) {
                return line;
            }
            if (b == '\n') {
                line++;
            }
        }
        return 0;
    }

    private static String unreadable(Exception e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String detail = cause instanceof java.nio.charset.CharacterCodingException
                ? "is not UTF-8 text"
                : "is not a readable CSV file: " + cause.getMessage();
        return detail;
    }

    private static boolean usesIsoDates(List<CSVRecord> records, String column) {
        if (column == null) {
            return false;
        }
        for (CSVRecord record : records) {
            String value = record.isMapped(column) && record.isSet(column)
                    ? record.get(column).trim()
                    : "";
            if (!value.isEmpty()) {
                return ISO.matcher(value).matches();
            }
        }
        return false;
    }

    private void header(Row row, String council) {
        String child = row.required("CHILD");
        LocalDate dob = row.date("DOB", true);
        String sex = row.code("SEX", true);
        if (sex != null && !Set.of("1", "2", "M", "F", "U").contains(sex)) {
            row.error("SEX", "'" + sex + "' is not 1, 2 (to 2023-24) or M, F, U");
        }
        String mother = row.text("MOTHER");
        if (mother != null && !Set.of("0", "1").contains(mother)) {
            row.error("MOTHER", "'" + mother + "' is not 0 or 1");
        }
        if (child != null && dob != null) {
            birthDates.putIfAbsent(council + "|" + child, dob);
        }
    }

    private void uasc(Row row, String council) {
        String child = row.required("CHILD");
        if (child != null) {
            uasc.add(council + "|" + child);
            LocalDate dob = row.date("DOB", false);
            if (dob != null) {
                birthDates.putIfAbsent(council + "|" + child, dob);
            }
        }
    }

    private void episode(Row row, String council) {
        int before = errors.size();
        String child = row.required("CHILD");
        LocalDate start = row.date("DECOM", true);
        LocalDate end = row.date("DEC", false);
        String place = row.code("PLACE", true);
        String legalStatus = row.code("LS", false);
        String rne = row.code("RNE", false);
        Category category = Category.ofPlace(place);
        if (place != null && category == null) {
            row.error(
                    "PLACE",
                    "'" + place + "' is not a PLACE code (U1-U6, K1-K3, H5, P1-P3, R1-R5, S1, A3-A6, "
                            + "T0-T4, Z1, Z11-Z14)");
        }
        if (legalStatus != null && !LEGAL_STATUSES.contains(legalStatus)) {
            row.error("LS", "'" + legalStatus + "' is not a legal status code");
        }
        String reason = row.code("REC", false);
        if (end == null && reason != null && row.text("DEC") == null) {
            warnings.add(new DatasetError(
                    row.file,
                    row.record.getRecordNumber() + 1,
                    "REC",
                    "reason episode ceased '" + reason + "' is given but DEC is blank; taken as an open episode"));
        }
        if (end != null && reason == null) {
            row.error("REC", "is required when DEC is given");
        }
        if (start != null && end != null && end.isBefore(start)) {
            row.error("DEC", "episode ends " + end + " before it starts " + start);
        }
        if (errors.size() > before || legalStatus != null && SHORT_BREAKS.contains(legalStatus)) {
            return;
        }
        if (!birthDates.containsKey(council + "|" + child)) {
            // Without a date of birth a child cannot be given an age band: left out, and said so.
            warnings.add(new DatasetError(
                    row.file,
                    row.record.getRecordNumber() + 1,
                    "CHILD",
                    "child " + child + " of " + council
                            + " has no date of birth in a header or uasc file; episode left out"));
            return;
        }
        episodes.computeIfAbsent(council + "|" + child, k -> new ArrayList<>())
                .add(new RawEpisode(start, end, category, rne));
    }

    /** De-duplicates overlapping years (same child and DECOM) and ends each episode at the next one's start. */
    private Ssda903Data assemble() {
        List<ChildInCare> children = new ArrayList<>();
        for (Map.Entry<String, List<RawEpisode>> entry : episodes.entrySet()) {
            Map<LocalDate, RawEpisode> byStart = new java.util.TreeMap<>();
            for (RawEpisode episode : entry.getValue()) {
                byStart.merge(episode.start(), episode, (kept, later) -> later.end() != null ? later : kept);
            }
            List<RawEpisode> sorted = new ArrayList<>(byStart.values());
            sorted.sort(Comparator.comparing(RawEpisode::start));
            List<Episode> cleaned = new ArrayList<>();
            for (int i = 0; i < sorted.size(); i++) {
                RawEpisode episode = sorted.get(i);
                LocalDate end = episode.end();
                LocalDate nextStart = i + 1 < sorted.size() ? sorted.get(i + 1).start() : null;
                if (nextStart != null && (end == null || end.isAfter(nextStart))) {
                    end = nextStart;
                }
                boolean newPeriod = i == 0
                        || "S".equals(episode.rne())
                        || cleaned.get(i - 1).end() != null
                                && cleaned.get(i - 1).end().isBefore(episode.start());
                cleaned.add(new Episode(episode.start(), end, episode.category(), newPeriod));
            }
            String[] key = entry.getKey().split("\\|", 2);
            children.add(new ChildInCare(
                    key[0], key[1], birthDates.get(entry.getKey()), uasc.contains(entry.getKey()), cleaned));
        }
        return new Ssda903Data(children);
    }

    /** One CSV row with typed, error-recording accessors. */
    private final class Row {
        private final String file;
        private final CSVRecord record;
        private final Map<String, String> columns;
        private final boolean isoFile;

        Row(String file, CSVRecord record, Map<String, String> columns, boolean isoFile) {
            this.file = file;
            this.record = record;
            this.columns = columns;
            this.isoFile = isoFile;
        }

        void error(String column, String message) {
            errors.add(new DatasetError(file, record.getRecordNumber() + 1, column, message));
        }

        String text(String column) {
            String header = columns.get(column);
            if (header == null || !record.isMapped(header) || !record.isSet(header)) {
                return null;
            }
            String value = record.get(header).trim();
            return value.isEmpty() ? null : value;
        }

        String required(String column) {
            String value = text(column);
            if (value == null) {
                error(column, "is required");
            }
            return value;
        }

        String code(String column, boolean required) {
            String value = required ? required(column) : text(column);
            return value == null ? null : value.toUpperCase(Locale.ROOT);
        }

        LocalDate date(String column, boolean required) {
            String value = required ? required(column) : text(column);
            if (value == null) {
                return null;
            }
            try {
                if (isoFile) {
                    if (!ISO.matcher(value).matches()) {
                        error(column, "'" + value + "' is not a date like the rest of this file (YYYY-MM-DD)");
                        return null;
                    }
                    return LocalDate.parse(
                            value,
                            DateTimeFormatter.ISO_LOCAL_DATE.withResolverStyle(java.time.format.ResolverStyle.STRICT));
                }
                if (ISO.matcher(value).matches()) {
                    error(column, "'" + value + "' is an ISO date, but this file uses the DfE's dd/mm/yyyy");
                    return null;
                }
                if (!DFE_DATE.matcher(value).matches()) {
                    error(column, "'" + value + "' is not a date in the form dd/mm/yyyy");
                    return null;
                }
                String[] parts = value.split("/");
                return LocalDate.parse(
                        String.format("%02d/%02d/%s", Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), parts[2]),
                        DFE);
            } catch (DateTimeParseException e) {
                error(column, "'" + value + "' is not a real date");
                return null;
            }
        }
    }
}
