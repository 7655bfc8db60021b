package uk.rcc.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.rcc.RccApplication;
import uk.rcc.audit.AuditLog;
import uk.rcc.cli.CommandLine;
import uk.rcc.imports.DatasetImporter;
import uk.rcc.matching.runs.NightlyMatching;
import uk.rcc.placement.PlacementDecisions;
import uk.rcc.security.Role;
import uk.rcc.security.Viewer;
import uk.rcc.sufficiency.Ssda903Generator;
import uk.rcc.sufficiency.board.NightlyForecast;
import uk.rcc.support.SharedData;

/**
 * A backup taken in the middle of a working day, with the service running, restores into a fresh database on
 * which the service starts with every table's rows as they were at the backup: counts and checksums of each table
 * (children, homes, placements, decisions, runs, proposals, forecasts, audit rows, ...) compared.
 */
class BackupRestoreTest {

    @Test
    void aMidDayBackupRestoresIntoAFreshDatabaseWithEveryRowIntact(@TempDir Path folder) throws Exception {
        Path backupFile = folder.resolve("rcc.backup");
        Map<String, String> atBackup;
        try (EmbeddedPostgres day = EmbeddedPostgres.builder().start();
                ConfigurableApplicationContext service = start(day)) {
            JdbcTemplate jdbc = new JdbcTemplate(day.getPostgresDatabase());
            workUntilMidDay(service, jdbc, folder.resolve("returns"));
            atBackup = fingerprint(jdbc);

            assertThat(command(day, "backup", "--out", backupFile.toString(), "--actor", "ops.backup"))
                    .isEqualTo(CommandLine.OK);

            // the afternoon's work is after the backup, so it is not in it
            service.getBean(AuditLog.class).record("officer.afternoon", "VIEW_CHILD", "C-after", null);
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM audit_event WHERE action = 'BACKUP' " + "AND actor = 'ops.backup'",
                            Integer.class))
                    .isEqualTo(1);
        }
        assertThat(Files.size(backupFile)).isPositive();

        try (EmbeddedPostgres fresh = EmbeddedPostgres.builder().start()) {
            assertThat(command(fresh, "restore", "--from", backupFile.toString(), "--actor", "ops.restore"))
                    .isEqualTo(CommandLine.OK);
            try (ConfigurableApplicationContext restored = start(fresh)) {
                JdbcTemplate jdbc = new JdbcTemplate(fresh.getPostgresDatabase());
                Map<String, String> now = fingerprint(jdbc);
                long lastAuditAtBackup = Long.parseLong(atBackup.get("audit_event max id"));
                assertThat(jdbc.queryForList(
                                "SELECT actor || ' ' || action FROM audit_event WHERE id > ?",
                                String.class,
                                lastAuditAtBackup))
                        .containsExactly("ops.restore RESTORE");
                now.put("audit_event", auditChecksumUpTo(jdbc, lastAuditAtBackup));
                now.put("audit_event max id", atBackup.get("audit_event max id"));
                assertThat(now).isEqualTo(atBackup);

                // the service goes on from there: new rows get new ids (sequences restored)
                restored.getBean(AuditLog.class).record("officer.next-day", "VIEW_CHILD", "C-next", null);
                assertThat(jdbc.queryForObject("SELECT max(id) FROM audit_event", Long.class))
                        .isGreaterThan(lastAuditAtBackup + 1);
            }
            assertThat(command(fresh, "restore", "--from", backupFile.toString()))
                    .as("a database in use is never overwritten")
                    .isEqualTo(CommandLine.BAD_INPUT);
        }
    }

    /** Children, homes, a nightly matching run, officers' acceptances, a forecast refresh and their audit rows. */
    private static void workUntilMidDay(ConfigurableApplicationContext service, JdbcTemplate jdbc, Path returns)
            throws Exception {
        service.getBean(DatasetImporter.class).importDirectory(SharedData.sample());
        service.getBean(NightlyMatching.class).run();
        List<Map<String, Object>> proposals = jdbc.queryForList("SELECT p.child_id, p.home_id, p.run_id, "
                + "p.authority_code FROM proposal p JOIN child c ON c.child_id = p.child_id WHERE p.home_id IS NOT NULL "
                + "AND c.current_home_id IS NULL ORDER BY p.child_id LIMIT 3");
        assertThat(proposals).isNotEmpty();
        PlacementDecisions decisions = service.getBean(PlacementDecisions.class);
        for (Map<String, Object> proposal : proposals) {
            String council = (String) proposal.get("authority_code");
            decisions.accept(
                    new Viewer("officer." + council, Role.OFFICER, council),
                    (String) proposal.get("child_id"),
                    (String) proposal.get("home_id"),
                    null,
                    (Long) proposal.get("run_id"));
        }
        storeReturns(jdbc, returns);
        service.getBean(NightlyForecast.class).run();
        assertThat(jdbc.queryForObject("SELECT status || ' ' || coalesce(error, '') FROM forecast_run", String.class))
                .isEqualTo("FINISHED ");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM decision", Integer.class))
                .isEqualTo(proposals.size());
    }

    /** Each table's row count and a checksum of all its rows, and the last audit id. */
    private static Map<String, String> fingerprint(JdbcTemplate jdbc) {
        Map<String, String> fingerprint = new LinkedHashMap<>();
        for (String table : jdbc.queryForList(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                        + "AND tablename <> 'flyway_schema_history' ORDER BY 1",
                String.class)) {
            fingerprint.put(
                    table,
                    jdbc.queryForObject(
                            "SELECT count(*) || ' rows ' || coalesce(md5(string_agg("
                                    + "t::text, E'\\n' ORDER BY t::text)), '-') FROM \"" + table + "\" t",
                            String.class));
        }
        fingerprint.put(
                "audit_event max id",
                String.valueOf(jdbc.queryForObject("SELECT max(id) FROM audit_event", Long.class)));
        List<String> sequences = new ArrayList<>();
        for (String sequence : jdbc.queryForList(
                "SELECT sequencename FROM pg_sequences WHERE schemaname = 'public'" + " ORDER BY 1", String.class)) {
            if (!sequence.startsWith("audit_event")) {
                sequences.add(sequence + "=" + jdbc.queryForObject("SELECT last_value FROM " + sequence, Long.class));
            }
        }
        fingerprint.put("sequences", sequences.toString());
        assertThat(fingerprint.get("child")).doesNotStartWith("0 ");
        assertThat(fingerprint.get("placement")).doesNotStartWith("0 ");
        assertThat(fingerprint.get("forecast_output")).doesNotStartWith("0 ");
        return fingerprint;
    }

    private static String auditChecksumUpTo(JdbcTemplate jdbc, long lastId) {
        return jdbc.queryForObject(
                "SELECT count(*) || ' rows ' || coalesce(md5(string_agg(t::text, E'\\n' "
                        + "ORDER BY t::text)), '-') FROM audit_event t WHERE id <= ?",
                String.class,
                lastId);
    }

    private static int command(EmbeddedPostgres postgres, String... args) {
        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.add("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"));
        arguments.add("--spring.datasource.username=postgres");
        return uk.rcc.Commands.dispatch(arguments);
    }

    private static ConfigurableApplicationContext start(EmbeddedPostgres postgres) {
        return new SpringApplicationBuilder(RccApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--rcc.demo.load-when-empty=false",
                        "--rcc.nightly.matching-seconds=2",
                        "--rcc.nightly.matching-config=interactive-solver.xml",
                        "--rcc.nightly.matching-cron=-",
                        "--rcc.nightly.forecast-cron=-",
                        "--rcc.nightly.forecast-runs=50",
                        "--rcc.nightly.forecast-horizon-months=12",
                        "--rcc.instance-id=backup-test",
                        "--logging.level.root=WARN",
                        "--spring.main.banner-mode=off");
    }

    /** Two councils' generated SSDA903 returns, stored as an upload would store them. */
    private static void storeReturns(JdbcTemplate jdbc, Path folder) throws Exception {
        List<String> councils = List.of("E06000057", "E06000063");
        Ssda903Generator.write(new Ssda903Generator.Spec(councils, 3, 0.02, LocalDate.of(2016, 4, 1), 8, 5), folder);
        for (String council : councils) {
            for (String file : List.of("header.csv", "episodes.csv")) {
                jdbc.update(
                        "INSERT INTO ssda903_file (authority, file_name, content, uploaded_by) "
                                + "VALUES (?, ?, ?, 'test')",
                        council,
                        file,
                        Files.readString(folder.resolve(council).resolve(file)));
            }
        }
    }
}
