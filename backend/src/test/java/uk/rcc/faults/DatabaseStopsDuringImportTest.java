package uk.rcc.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.rcc.demo.DemoCooperativeGenerator;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.imports.DatasetImporter;
import uk.rcc.registry.RegistryStore;

/**
 * The database server stops in the middle of a large import. The import fails, and after the server comes back
 * the registry holds exactly what it held before: nothing half-written.
 */
class DatabaseStopsDuringImportTest {
    @TempDir
    Path dataDirectory;

    @Test
    void anImportCutOffByTheDatabaseStoppingLeavesTheEarlierRegistryWhole() throws Exception {
        ExchangeDataset small = generate(200, 150, 1);
        ExchangeDataset large = generate(30_000, 20_000, 2);
        EmbeddedPostgres postgres = start();
        importInto(postgres, small);

        CompletableFuture<Throwable> cutOff =
                CompletableFuture.supplyAsync(() -> catchThrowable(() -> importInto(postgres, large)));
        waitUntilImportIsWriting(postgres);
        postgres.close();
        Throwable failure = cutOff.get(120, TimeUnit.SECONDS);

        assertThat(failure).as("the import must fail when the database stops").isNotNull();
        try (EmbeddedPostgres restarted = start()) {
            JdbcTemplate jdbc = new JdbcTemplate(restarted.getPostgresDatabase());
            assertThat(jdbc.queryForObject("SELECT count(*) FROM child", Integer.class))
                    .isEqualTo(200);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM home", Integer.class))
                    .isEqualTo(150);
        }
    }

    private EmbeddedPostgres start() throws Exception {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .start();
    }

    private static void importInto(EmbeddedPostgres postgres, ExchangeDataset dataset) {
        DataSource dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).load().migrate();
        new DatasetImporter(
                        new RegistryStore(new JdbcTemplate(dataSource)),
                        new TransactionTemplate(new DataSourceTransactionManager(dataSource)))
                .importDataset(dataset);
    }

    /** Waits until the large import's transaction has begun writing rows, so the stop cuts it mid-way. */
    private static void waitUntilImportIsWriting(EmbeddedPostgres postgres) throws InterruptedException {
        JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        for (int i = 0; i < 600; i++) {
            Integer writing = jdbc.queryForObject(
                    "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' "
                            + "AND query ILIKE 'INSERT INTO home%'",
                    Integer.class);
            if (writing != null && writing > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the large import never started writing");
    }

    private static ExchangeDataset generate(int children, int homes, long seed) {
        return DemoCooperativeGenerator.generate(
                DemoCooperativeGenerator.Spec.demo(children, homes, seed, LocalDate.of(2026, 3, 31)));
    }
}
