package uk.rcc.placementsreturn;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import uk.rcc.cli.CommandLine;
import uk.rcc.cli.Options;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeReader;
import uk.rcc.exchange.InvalidDatasetException;

/**
 * {@code placements-return --data DIR --from DATE --to DATE --out DIR [--authority CODE] [--with-qa]}: the national
 * placements return of a data set's placements started in a period, in its three forms with its validation report.
 * Exit 2 when the return would not conform (every violation printed), or the data set is invalid.
 */
public final class PlacementsReturnCommand {
    static final String USAGE =
            "usage: placements-return --data DIR --from DATE --to DATE --out DIR " + "[--authority CODE] [--with-qa]";

    private PlacementsReturnCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Path data;
        Path outDir;
        LocalDate from;
        LocalDate to;
        Options options;
        try {
            options = Options.parse(args, Set.of("data", "from", "to", "out", "authority", "with-qa"));
            data = Path.of(options.require("data"));
            outDir = Path.of(options.require("out"));
            from = date(options, "from");
            to = date(options, "to");
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("--to " + to + " is before --from " + from);
            }
        } catch (IllegalArgumentException e) {
            err.println("placements-return: " + e.getMessage());
            err.println(USAGE);
            return CommandLine.USAGE;
        }
        ExchangeDataset dataset;
        try {
            dataset = ExchangeReader.readDirectory(data);
        } catch (InvalidDatasetException e) {
            err.println(
                    "placements-return: the data set is invalid; " + e.errors().size() + " error(s):");
            e.errors()
                    .forEach(error -> err.println(data.resolve(error.file()).normalize() + ":" + error.line() + ": "
                            + error.column() + ": " + error.message()));
            return CommandLine.BAD_INPUT;
        }
        String authority = options.get("authority").orElse(null);
        boolean withQa = options.get("with-qa").map(Boolean::parseBoolean).orElse(false);
        WrittenReturn written = WrittenReturn.of(PlacementsReturn.of(
                from, to, authority, withQa, DatasetPlacements.startedBetween(dataset, from, to, authority)));
        String name = written.placementsReturn().baseName();
        try {
            Files.createDirectories(outDir);
            Files.writeString(outDir.resolve(name + ".jsonld"), written.jsonLd());
            Files.write(outDir.resolve(name + ".xlsx"), written.spreadsheet());
            Files.write(outDir.resolve(name + ".csv"), written.csv());
            Files.write(outDir.resolve(name + "-validation.txt"), written.reportLines(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("placements-return: cannot write to " + outDir + ": " + e.getMessage());
            return CommandLine.BAD_INPUT;
        }
        PrintStream report = written.validation().conforms() ? out : err;
        written.reportLines().forEach(report::println);
        out.println("Wrote " + name + ".jsonld, .xlsx, .csv and -validation.txt to " + outDir);
        return written.validation().conforms() ? CommandLine.OK : CommandLine.BAD_INPUT;
    }

    private static LocalDate date(Options options, String name) {
        String value = options.require(name);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--" + name + " must be a date such as 2026-04-01, not '" + value + "'");
        }
    }
}
