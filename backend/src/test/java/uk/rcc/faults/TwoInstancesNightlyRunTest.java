package uk.rcc.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import uk.rcc.RccApplication;
import uk.rcc.imports.DatasetImporter;
import uk.rcc.matching.runs.NightlyMatching;
import uk.rcc.support.SharedData;

/**
 * Two instances of the service on one PostgreSQL both reach the nightly matching time at once: exactly one of them
 * runs it, because the job is locked in the database (ShedLock).
 */
class TwoInstancesNightlyRunTest {

    @Test
    void twoInstancesRunTheNightlyMatchingExactlyOnce() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                ConfigurableApplicationContext first = instance(postgres);
                ConfigurableApplicationContext second = instance(postgres)) {
            first.getBean(DatasetImporter.class).importDirectory(SharedData.sample());
            CountDownLatch midnight = new CountDownLatch(1);
            ExecutorService clocks = Executors.newFixedThreadPool(2);
            List<Future<?>> nights = new ArrayList<>();
            for (ConfigurableApplicationContext instance : List.of(first, second)) {
                nights.add(clocks.submit(() -> {
                    midnight.await();
                    instance.getBean(NightlyMatching.class).run();
                    return null;
                }));
            }
            midnight.countDown();
            for (Future<?> night : nights) {
                night.get(3, TimeUnit.MINUTES);
            }
            clocks.shutdown();

            JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
            assertThat(jdbc.queryForList("SELECT status FROM matching_run WHERE trigger = 'NIGHTLY'", String.class))
                    .containsExactly("FINISHED");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM shedlock WHERE name = 'nightly-matching'",
                    Integer.class)).isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext instance(EmbeddedPostgres postgres) {
        return new SpringApplicationBuilder(RccApplication.class).web(WebApplicationType.NONE)
                .properties("spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "spring.datasource.username=postgres", "rcc.demo.load-when-empty=false",
                        "rcc.nightly.matching-seconds=2", "rcc.nightly.matching-config=interactive-solver.xml",
                        "rcc.nightly.matching-cron=-", "rcc.instance-id=instance-" + System.nanoTime(), "logging.level.root=WARN", "spring.main.banner-mode=off")
                .run();
    }
}
