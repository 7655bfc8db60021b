package uk.rcc.exchange;

import static uk.rcc.exchange.ExchangeFiles.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes a data set as the files of exchange format v1.1 (a v1 reader ignores the 1.1 columns). */
public final class ExchangeWriter {
    private ExchangeWriter() {}

    public static void writeDirectory(ExchangeDataset dataset, Path directory) {
        try {
            Files.createDirectories(directory);
            for (Map.Entry<String, byte[]> file : toFiles(dataset).entrySet()) {
                Files.write(directory.resolve(file.getKey()), file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the data set to " + directory, e);
        }
    }

    public static void writeZip(ExchangeDataset dataset, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Map.Entry<String, byte[]> file : toFiles(dataset).entrySet()) {
            zip.putNextEntry(new ZipEntry(file.getKey()));
            zip.write(file.getValue());
            zip.closeEntry();
        }
        zip.finish();
    }

    public static Map<String, byte[]> toFiles(ExchangeDataset d) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(DATASET, csv(DATASET_COLUMNS, List.of(d), x -> List.of(asOfCoveringItsDates(x), opt(x.name()))));
        files.put(
                AUTHORITIES,
                csv(AUTHORITY_COLUMNS, d.authorities(), a -> List.of(a.authorityCode(), a.name(), a.lat(), a.lon())));
        files.put(
                HOMES,
                csv(
                        HOME_COLUMNS,
                        d.homes(),
                        h -> List.of(
                                h.homeId(),
                                opt(h.name()),
                                h.kind(),
                                h.provider(),
                                h.authorityCode(),
                                h.lat(),
                                h.lon(),
                                h.places(),
                                h.minAge(),
                                h.maxAge(),
                                h.sexes(),
                                codes(h.needsMet()),
                                h.pets(),
                                number(h.weeklyCost()),
                                h.available(),
                                opt(h.ofstedUrn()),
                                opt(h.postcodeDistrict()))));
        files.put(
                CHILDREN,
                csv(
                        CHILD_COLUMNS,
                        d.children(),
                        c -> List.of(
                                c.childId(),
                                c.authorityCode(),
                                c.dateOfBirth(),
                                c.sex(),
                                c.homeLat(),
                                c.homeLon(),
                                opt(c.schoolLat()),
                                opt(c.schoolLon()),
                                opt(c.siblingGroup()),
                                codes(c.needs()),
                                codes(c.placementKinds()),
                                codes(c.preferredKinds()),
                                c.alongside(),
                                c.pets(),
                                opt(c.neededBy()),
                                opt(c.currentHomeId()),
                                c.mayMove(),
                                opt(c.details().referralDate()),
                                opt(c.details().placedOn()),
                                c.details().placementWeeklyCost() == null
                                        ? ""
                                        : number(c.details().placementWeeklyCost()),
                                c.details().culturalNeeds(),
                                opt(c.details().outOfAreaReason()))));
        files.put(
                AVOID_ZONES,
                csv(
                        AVOID_ZONE_COLUMNS,
                        d.avoidZones(),
                        z -> List.of(z.childId(), z.lat(), z.lon(), number(z.radiusKm()), opt(z.reason()))));
        files.put(
                KEY_PLACES,
                csv(
                        KEY_PLACE_COLUMNS,
                        d.keyPlaces(),
                        k -> List.of(k.childId(), k.lat(), k.lon(), k.kind(), number(k.visitsPerMonth()))));
        return files;
    }

    /** Writes rows under a header; each row is the list of its cells in header order. */
    public static <T> byte[] csv(List<String> header, Collection<T> rows, Function<T, List<?>> cells) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(
                        writer,
                        CSVFormat.RFC4180
                                .builder()
                                .setHeader(header.toArray(String[]::new))
                                .setRecordSeparator("\n")
                                .get())) {
            for (T row : rows) {
                printer.printRecord(cells.apply(row));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Object opt(Object value) {
        return value == null ? "" : value;
    }

    /** Whole numbers without a trailing ".0", so exports read like the files people write. */
    public static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.valueOf((long) value)
                : String.valueOf(value);
    }

    static String codes(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(";"));
    }

    /**
     * A registry changes after the day its data set was taken (an officer accepts a home today, so the child's
     * placed_on is today): the data set written says so, or it would not read back (no date may follow as_of).
     */
    static java.time.LocalDate asOfCoveringItsDates(ExchangeDataset dataset) {
        java.time.LocalDate asOf = dataset.asOf();
        for (ExchangeDataset.ChildRow child : dataset.children()) {
            for (java.time.LocalDate date : new java.time.LocalDate[] {
                child.details().placedOn(), child.details().referralDate()
            }) {
                if (date != null && date.isAfter(asOf)) {
                    asOf = date;
                }
            }
        }
        return asOf;
    }
}
