package uk.rcc.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.rcc.cli.CommandLine;
import uk.rcc.support.SharedData;

/**
 * The headless commands, run as the jar runs them, against a PostgreSQL of their own: a command on the database
 * writes the same audit row as its HTTP counterpart, naming {@code --actor} or else user@host; a command on files
 * only says it is not audited.
 */
class AuditedCommandsTest {
    private static EmbeddedPostgres postgres;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void startDatabase() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).load().migrate();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        postgres.close();
    }

    @Test
    void aHeadlessImportLeavesExactlyOneAuditRowNamingItsActor() {
        long before = lastAuditId();

        Run run = run("import", "--data", SharedData.sample().toString(), "--actor", "ops.jane");

        assertThat(run.exitCode).isEqualTo(CommandLine.OK);
        List<Map<String, Object>> rows = rowsAfter(before);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0))
                .containsEntry("actor", "ops.jane")
                .containsEntry("action", "IMPORT")
                .containsEntry("remote_addr", "command line");
        assertThat((String) rows.get(0).get("detail")).matches("\\d+ homes, \\d+ children from \\[.*children.csv.*]");
        assertThat(run.out).contains("audited as ops.jane");
    }

    @Test
    void aRejectedImportChangesNothingAndIsNotAuditedAsAnImport(@TempDir Path empty) {
        long before = lastAuditId();

        Run run = run("import", "--data", empty.toString(), "--actor", "ops.jane");

        assertThat(run.exitCode).isEqualTo(CommandLine.BAD_INPUT);
        assertThat(rowsAfter(before)).isEmpty();
    }

    @Test
    void aHeadlessExportWithoutActorIsAuditedAsTheOperatingSystemUserAtTheHost(@TempDir Path out) {
        run("import", "--data", SharedData.sample().toString(), "--actor", "ops.jane");
        long before = lastAuditId();

        Run run = run("export", "--out", out.resolve("registry").toString());

        assertThat(run.exitCode).isEqualTo(CommandLine.OK);
        List<Map<String, Object>> rows = rowsAfter(before);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0))
                .containsEntry("action", "EXPORT")
                .containsEntry("actor", System.getProperty("user.name") + "@" + uk.rcc.system.InstanceName.of(null));
        assertThat((String) rows.get(0).get("detail")).matches("\\d+ children, \\d+ homes");
    }

    @Test
    void aCommandOnFilesOnlySaysItIsNotAudited(@TempDir Path out) {
        long before = lastAuditId();

        Run run = run(
                "match",
                "--data",
                SharedData.sample().toString(),
                "--out",
                out.resolve("proposals.csv").toString(),
                "--seconds",
                "1");

        assertThat(run.exitCode).isEqualTo(CommandLine.OK);
        assertThat(run.out).contains("match works on files only and is not audited");
        assertThat(rowsAfter(before)).isEmpty();
    }

    @Test
    void aTwoFactorResetFromTheCommandLineIsAuditedAsItsActor() {
        run("import", "--data", SharedData.sample().toString(), "--actor", "ops.jane");
        jdbc.update("INSERT INTO app_user (username, password_hash, role) VALUES ('lost.phone', 'x', 'ADMIN') "
                + "ON CONFLICT DO NOTHING");
        jdbc.update("INSERT INTO two_factor (username, secret, confirmed_at) VALUES ('lost.phone', 'ABC', now())");
        long before = lastAuditId();

        Run run = run("two-factor-reset", "--user", "lost.phone", "--actor", "ops.jane");

        assertThat(run.exitCode).isEqualTo(CommandLine.OK);
        assertThat(rowsAfter(before))
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .containsEntry("actor", "ops.jane")
                        .containsEntry("action", "RESET_TWO_FACTOR")
                        .containsEntry("subject", "lost.phone"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM two_factor WHERE username = 'lost.phone'", Integer.class))
                .isZero();
    }

    @Test
    void anActorOptionWithoutANameIsAUsageError() {
        assertThat(run("export", "--out", "x", "--actor").exitCode).isEqualTo(CommandLine.USAGE);
    }

    private long lastAuditId() {
        return jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_event", Long.class);
    }

    private List<Map<String, Object>> rowsAfter(long id) {
        return jdbc.queryForList(
                "SELECT actor, action, subject, detail, remote_addr FROM audit_event WHERE id > ? " + "ORDER BY id",
                id);
    }

    private record Run(int exitCode, String out) {}

    /** Through {@link CommandLine#dispatch}, as {@code java -jar rcc.jar ...} runs, with stdout captured. */
    private static Run run(String... args) {
        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.add("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"));
        arguments.add("--spring.datasource.username=postgres");
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return new Run(uk.rcc.Commands.dispatch(arguments), captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }
}
