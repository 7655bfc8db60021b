package uk.rcc.operations;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.stereotype.Component;

/**
 * A consistent backup of the whole database in one file, and its restore into an empty database of the same
 * schema version. Every table but Flyway's history is copied out with PostgreSQL's COPY inside one REPEATABLE READ,
 * READ ONLY transaction, so the file is one snapshot (as pg_dump's is) however busy the service is meanwhile. Made
 * for the embedded database, whose binaries have no pg_dump; a PostgreSQL server is backed up with pg_dump -Fc.
 * A restore needs a superuser (the embedded database's role): it loads with triggers and foreign keys switched off
 * for the session, as pg_restore does, since the rows were valid when copied.
 */
@Component
public class DatabaseBackup {
    static final String FORMAT = "rcc-backup-1";
    private static final String MANIFEST = "manifest.properties";
    private final DataSource dataSource;

    public DatabaseBackup(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What a backup holds: the schema version it needs and each table's row count. */
    public record Contents(String schemaVersion, Map<String, Long> rows) {
        public long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public Contents write(Path file) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                return write(connection, file);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("backup failed: " + e.getMessage(), e);
        }
    }

    private static Contents write(Connection connection, Path file) throws SQLException, IOException {
        String version = schemaVersion(connection); // the first statement fixes the snapshot every copy reads
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        Properties manifest = new Properties();
        manifest.setProperty("format", FORMAT);
        manifest.setProperty("schema-version", version);
        Map<String, Long> rows = new LinkedHashMap<>();
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
            for (String table : tables(connection)) {
                String columns = String.join(
                        ", ",
                        columns(connection, table).stream()
                                .map(DatabaseBackup::quote)
                                .toList());
                zip.putNextEntry(new ZipEntry("tables/" + table + ".copy"));
                rows.put(
                        table,
                        copy.copyOut(
                                "COPY " + quote(table) + " (" + columns + ") TO STDOUT", new FilterOutputStream(zip) {
                                    @Override
                                    public void write(byte[] bytes, int offset, int length) throws IOException {
                                        out.write(bytes, offset, length);
                                    }

                                    @Override
                                    public void close() {
                                        // the zip goes on with the next table
                                    }
                                }));
                zip.closeEntry();
                manifest.setProperty("columns." + table, columns);
                manifest.setProperty("rows." + table, Long.toString(rows.get(table)));
            }
            manifest.setProperty("tables", String.join(",", rows.keySet()));
            for (Map.Entry<String, String> sequence : sequences(connection).entrySet()) {
                manifest.setProperty("sequence." + sequence.getKey(), sequence.getValue());
            }
            zip.putNextEntry(new ZipEntry(MANIFEST));
            manifest.store(zip, "RCC database backup");
            zip.closeEntry();
        }
        Files.move(
                partial,
                file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return new Contents(version, rows);
    }

    /**
     * Loads a backup into this database, which must be freshly migrated to the backup's schema version and hold no
     * registry, runs or audit rows; all or nothing (one transaction).
     */
    public Contents restore(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile());
                Connection connection = dataSource.getConnection()) {
            Properties manifest = manifest(zip, file);
            String version = schemaVersion(connection);
            if (!version.equals(manifest.getProperty("schema-version"))) {
                throw new IllegalStateException(file + " was taken at schema version "
                        + manifest.getProperty("schema-version") + " but this database is at " + version
                        + ": restore with the release that took it, then upgrade");
            }
            requireEmpty(connection);
            connection.setAutoCommit(false);
            try {
                Contents contents = load(connection, zip, manifest);
                connection.commit();
                return contents;
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("restore failed, nothing was changed: " + e.getMessage(), e);
        }
    }

    private static Contents load(Connection connection, ZipFile zip, Properties manifest)
            throws SQLException, IOException {
        List<String> tables = List.of(manifest.getProperty("tables").split(","));
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL session_replication_role = replica");
            statement.execute("TRUNCATE "
                    + String.join(
                            ", ", tables.stream().map(DatabaseBackup::quote).toList()));
            for (String table : tables) {
                try (InputStream in = zip.getInputStream(zip.getEntry("tables/" + table + ".copy"))) {
                    long loaded = copy.copyIn(
                            "COPY " + quote(table) + " (" + manifest.getProperty("columns." + table) + ") FROM STDIN",
                            in);
                    long expected = Long.parseLong(manifest.getProperty("rows." + table));
                    if (loaded != expected) {
                        throw new IllegalStateException(
                                table + ": " + loaded + " rows in the file, " + expected + " in its manifest");
                    }
                    rows.put(table, loaded);
                }
            }
            for (String key : manifest.stringPropertyNames()) {
                if (key.startsWith("sequence.")) {
                    String[] state = manifest.getProperty(key).split(",");
                    statement.execute("SELECT setval('"
                            + quote(key.substring("sequence.".length())).replace("'", "''") + "', "
                            + Long.parseLong(state[0]) + ", " + Boolean.parseBoolean(state[1]) + ")");
                }
            }
        }
        return new Contents(manifest.getProperty("schema-version"), rows);
    }

    private static Properties manifest(ZipFile zip, Path file) throws IOException {
        ZipEntry entry = zip.getEntry(MANIFEST);
        Properties manifest = new Properties();
        if (entry != null) {
            try (InputStream in = zip.getInputStream(entry)) {
                manifest.load(in);
            }
        }
        if (!FORMAT.equals(manifest.getProperty("format"))) {
            throw new IllegalArgumentException(file + " is not an RCC backup (no " + FORMAT + " manifest)");
        }
        return manifest;
    }

    /** A database in use has children, homes, runs or audit rows; a restore would silently replace them. */
    private static void requireEmpty(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet used = statement.executeQuery("SELECT (SELECT count(*) FROM child) + (SELECT count(*) "
                        + "FROM home) + (SELECT count(*) FROM matching_run) + (SELECT count(*) FROM forecast_run) "
                        + "+ (SELECT count(*) FROM audit_event)")) {
            used.next();
            if (used.getLong(1) > 0) {
                throw new IllegalStateException("the database is not empty (it has children, homes, runs or audit "
                        + "rows): restore into a new database");
            }
        }
    }

    private static String schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet version = statement.executeQuery("SELECT version FROM flyway_schema_history WHERE success "
                        + "AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            if (!version.next()) {
                throw new IllegalStateException("the database has no migrations applied");
            }
            return version.getString(1);
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        return strings(
                connection,
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                        + "WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'flyway_schema_history' "
                        + "ORDER BY c.relname");
    }

    private static List<String> columns(Connection connection, String table) throws SQLException {
        return strings(
                connection,
                "SELECT attname FROM pg_attribute WHERE attrelid = '"
                        + quote(table).replace("'", "''")
                        + "'::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' "
                        + "ORDER BY attnum");
    }

    /** Each sequence's last value and whether it was used, as setval takes them. */
    private static Map<String, String> sequences(Connection connection) throws SQLException {
        Map<String, String> states = new LinkedHashMap<>();
        for (String sequence : strings(
                connection, "SELECT sequencename FROM pg_sequences WHERE schemaname = 'public' " + "ORDER BY 1")) {
            try (Statement statement = connection.createStatement();
                    ResultSet state = statement.executeQuery("SELECT last_value, is_called FROM " + quote(sequence))) {
                state.next();
                states.put(sequence, state.getLong(1) + "," + state.getBoolean(2));
            }
        }
        return states;
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
