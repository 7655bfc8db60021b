package uk.rcc.imports;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import uk.rcc.cli.CommandLine;
import uk.rcc.cli.Options;
import uk.rcc.exchange.ExchangeFiles;
import uk.rcc.exchange.InvalidDatasetException;

/** {@code import --data DIR}: one data set into the database, all or nothing. */
@Component
public class ImportCommand {
    private final DatasetImporter importer;
    private final DatasetAudit audit;

    ImportCommand(DatasetImporter importer, DatasetAudit audit) {
        this.importer = importer;
        this.audit = audit;
    }

    public int run(List<String> args, PrintStream out, PrintStream err) {
        Path directory;
        try {
            directory = Path.of(Options.parse(args, Set.of("data")).require("data"));
        } catch (IllegalArgumentException e) {
            err.println("import: " + e.getMessage());
            err.println("usage: import --data DIR");
            return CommandLine.USAGE;
        }
        try {
            DatasetImporter.ImportSummary summary = importer.importDirectory(directory);
            audit.imported(
                    summary,
                    ExchangeFiles.ALL.stream()
                            .filter(name -> Files.isRegularFile(directory.resolve(name)))
                            .toList());
            out.printf(
                    "Imported %s: %d authorities, %d homes, %d children, %d avoid zones, %d key places "
                            + "(%d homes and %d children new or changed).%n",
                    directory,
                    summary.authorities(),
                    summary.homes(),
                    summary.children(),
                    summary.avoidZones(),
                    summary.keyPlaces(),
                    summary.changed().homes(),
                    summary.changed().children());
            return CommandLine.OK;
        } catch (InvalidDatasetException e) {
            err.println("import rejected; nothing was changed. " + e.errors().size() + " error(s):");
            e.errors()
                    .forEach(
                            error -> err.println(directory.resolve(error.file()).normalize() + ":" + error.line() + ": "
                                    + error.column() + ": " + error.message()));
            return CommandLine.BAD_INPUT;
        }
    }
}
