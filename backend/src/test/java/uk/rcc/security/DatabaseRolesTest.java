package uk.rcc.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import uk.rcc.RccApplication;
import uk.rcc.audit.AuditLog;
import uk.rcc.imports.DatasetImporter;
import uk.rcc.matching.runs.NightlyMatching;
import uk.rcc.support.SharedData;

/**
 * The production set-up, exactly as documented: {@code deploy/postgres/roles.sql} run by a superuser, the migrations
 * run as {@code rcc_owner}, the service connected as {@code rcc_app}. The service works (import, audit, a nightly
 * run), and rcc_app can neither change nor delete audit rows, nor disable or drop their triggers, nor alter or drop
 * any table, nor create one. A table added by a later migration is usable by rcc_app straight away.
 */
class DatabaseRolesTest {
    private static EmbeddedPostgres postgres;
    private static JdbcTemplate app;

    @BeforeAll
    static void setUpAsDocumented() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        runAsSuperuser(Path.of("..", "deploy", "postgres", "roles.sql"));
        app = new JdbcTemplate(connect("rcc_app"));
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void theServiceRunsAsTheApplicationRoleOnTablesMigratedByTheOwner() throws Exception {
        try (ConfigurableApplicationContext service = startService()) {
            service.getBean(DatasetImporter.class).importDirectory(SharedData.sample());
            service.getBean(AuditLog.class).record("roles.test", "IMPORT", null, "sample");
            service.getBean(NightlyMatching.class).run();
        }
        assertThat(app.queryForObject("SELECT status FROM matching_run WHERE trigger = 'NIGHTLY'", String.class))
                .isEqualTo("FINISHED");
        assertThat(app.queryForObject("SELECT count(*) FROM proposal", Integer.class))
                .isPositive();
        assertThat(app.queryForList(
                        "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'", String.class))
                .containsExactly("rcc_owner");
        assertThat(app.queryForList("""
                SELECT tablename FROM pg_tables WHERE schemaname = 'public'
                  AND tablename NOT IN ('audit_event', 'flyway_schema_history')
                  AND NOT (SELECT bool_and(has_table_privilege('rcc_app'::name, format('%I', tablename), privilege))
                           FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE']) AS privilege)
                """, String.class))
                .as("tables the service could not fully use")
                .isEmpty();
    }

    @Test
    void theApplicationRoleCannotChangeOrDeleteAuditRowsNorDisableOrDropTheirTriggers() {
        migrateAsOwner();
        app.update("INSERT INTO audit_event (actor, action) VALUES ('roles.test', 'TEST')");
        int rows = app.queryForObject("SELECT count(*) FROM audit_event", Integer.class);

        for (String attempt : List.of(
                "UPDATE audit_event SET actor = 'someone else'",
                "DELETE FROM audit_event",
                "TRUNCATE audit_event",
                "ALTER TABLE audit_event DISABLE TRIGGER ALL",
                "ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_or_delete",
                "DROP TRIGGER audit_event_no_update_or_delete ON audit_event",
                "DROP TRIGGER audit_event_no_truncate ON audit_event",
                "DROP FUNCTION audit_event_is_append_only() CASCADE",
                "DROP TABLE audit_event",
                "ALTER TABLE audit_event RENAME TO audit_event_old",
                "SET session_replication_role = replica")) {
            assertRefused(attempt);
        }
        assertThat(app.queryForObject("SELECT count(*) FROM audit_event", Integer.class))
                .isEqualTo(rows);
        assertThat(app.queryForObject(
                        "SELECT count(*) FROM pg_trigger WHERE tgrelid = 'audit_event'::regclass "
                                + "AND NOT tgisinternal AND tgenabled = 'O'",
                        Integer.class))
                .isEqualTo(2);
    }

    @Test
    void theApplicationRoleCannotAlterDropOrCreateAnyTable() {
        migrateAsOwner();
        List<String> tables =
                app.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", String.class);
        assertThat(tables).contains("child", "home", "audit_event", "matching_run", "app_user");
        for (String table : tables) {
            assertRefused("ALTER TABLE " + table + " ADD COLUMN sneaky integer");
            assertRefused("ALTER TABLE " + table + " DISABLE TRIGGER ALL");
            assertRefused("DROP TABLE " + table + " CASCADE");
        }
        assertRefused("CREATE TABLE sneaky (id integer)");
        assertRefused("UPDATE flyway_schema_history SET success = false");
    }

    @Test
    void aTableAddedByALaterMigrationIsUsableButNotAlterableByTheApplicationRole() {
        Flyway.configure()
                .dataSource(connect("rcc_owner"))
                .locations("classpath:db/migration", "classpath:uk/rcc/security/later")
                .load()
                .migrate();

        app.update("INSERT INTO later_table (note) VALUES ('written by the service')");
        assertThat(app.update("DELETE FROM later_table")).isEqualTo(1);
        assertRefused("ALTER TABLE later_table ADD COLUMN sneaky integer");
        assertRefused("DELETE FROM audit_event");
    }

    private static void assertRefused(String statement) {
        Throwable refused = catchThrowable(() -> app.execute(statement));
        assertThat(refused).as(statement).isNotNull();
        assertThat(NestedExceptionUtils.getMostSpecificCause(refused).getMessage())
                .as(statement)
                .containsPattern("permission denied|must be owner");
    }

    private static void migrateAsOwner() {
        Flyway.configure().dataSource(connect("rcc_owner")).load().migrate();
    }

    private static ConfigurableApplicationContext startService() {
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/rcc";
        return new SpringApplicationBuilder(RccApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=rcc_app",
                        "--spring.flyway.user=rcc_owner",
                        "--spring.flyway.password=",
                        "--rcc.demo.load-when-empty=false",
                        "--rcc.nightly.matching-seconds=2",
                        "--rcc.nightly.matching-config=interactive-solver.xml",
                        "--rcc.nightly.matching-cron=-",
                        "--rcc.nightly.forecast-cron=-",
                        "--logging.level.root=WARN",
                        "--spring.main.banner-mode=off");
    }

    private static DataSource connect(String role) {
        return new SingleConnectionDataSource(
                "jdbc:postgresql://localhost:" + postgres.getPort() + "/rcc", role, "", true);
    }

    /**
     * Runs the file as {@code psql -f} would: statements end with a semicolon at the end of a line, and
     * {@code \connect DB} switches database. (The file has no function bodies.)
     */
    private static void runAsSuperuser(Path file) throws Exception {
        String database = "postgres";
        StringBuilder statement = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("\\connect ")) {
                database = trimmed.substring("\\connect ".length()).strip();
            } else if (!trimmed.startsWith("--") && !trimmed.isEmpty()) {
                statement.append(line).append('\n');
                if (trimmed.endsWith(";")) {
                    execute(database, statement.toString());
                    statement.setLength(0);
                }
            }
        }
        assertThat(statement.toString()).as("unterminated statement in " + file).isBlank();
    }

    private static void execute(String database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
