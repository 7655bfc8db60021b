package uk.rcc.operations;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import uk.rcc.audit.AuditLog;
import uk.rcc.cli.CommandLine;
import uk.rcc.cli.Options;
import uk.rcc.security.Viewer;

/**
 * {@code backup --out FILE}: a consistent backup of the database (embedded or not) in one file; {@code restore
 * --from FILE}: that file into an empty database. Both copy every child's record, so both are audited.
 */
@Component
public class BackupCommand {
    private final DatabaseBackup backup;
    private final AuditLog audit;

    BackupCommand(DatabaseBackup backup, AuditLog audit) {
        this.backup = backup;
        this.audit = audit;
    }

    public int backup(List<String> args, PrintStream out, PrintStream err) {
        Path file;
        try {
            file = Path.of(Options.parse(args, Set.of("out")).require("out"));
        } catch (IllegalArgumentException e) {
            err.println("backup: " + e.getMessage());
            err.println("usage: backup --out FILE");
            return CommandLine.USAGE;
        }
        try {
            DatabaseBackup.Contents contents = backup.write(file.toAbsolutePath());
            audit.record(Viewer.current().username(), "BACKUP", null, describe(contents) + " to " + file);
            out.printf("Backed up %s to %s.%n", describe(contents), file);
            return CommandLine.OK;
        } catch (IOException e) {
            err.println("backup: cannot write " + file + ": " + e.getMessage());
            return CommandLine.BAD_INPUT;
        }
    }

    public int restore(List<String> args, PrintStream out, PrintStream err) {
        Path file;
        try {
            file = Path.of(Options.parse(args, Set.of("from")).require("from"));
        } catch (IllegalArgumentException e) {
            err.println("restore: " + e.getMessage());
            err.println("usage: restore --from FILE");
            return CommandLine.USAGE;
        }
        if (!Files.isRegularFile(file)) {
            err.println("restore: " + file + " is not a file");
            return CommandLine.BAD_INPUT;
        }
        try {
            DatabaseBackup.Contents contents = backup.restore(file);
            audit.record(Viewer.current().username(), "RESTORE", null, describe(contents) + " from " + file);
            out.printf("Restored %s from %s.%n", describe(contents), file);
            return CommandLine.OK;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            err.println("restore: " + e.getMessage());
            return CommandLine.BAD_INPUT;
        }
    }

    private static String describe(DatabaseBackup.Contents contents) {
        return contents.totalRows() + " rows in " + contents.rows().size() + " tables (schema version "
                + contents.schemaVersion() + ", " + contents.rows().getOrDefault("child", 0L) + " children, "
                + contents.rows().getOrDefault("audit_event", 0L) + " audit rows)";
    }
}
