package uk.rcc.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.rcc.RccApplication;
import uk.rcc.imports.DatasetImporter;
import uk.rcc.matching.runs.NightlyMatching;
import uk.rcc.sufficiency.Ssda903Generator;
import uk.rcc.sufficiency.board.NightlyForecast;
import uk.rcc.support.SharedData;

/**
 * Two instances of the service on one PostgreSQL (one host, two RCC_INSTANCE_IDs) both reach a nightly job's time
 * at once (the matching run, the forecast refresh): exactly one of them runs it, because each job is locked in the
 * database (ShedLock); the lock and the run row both name that instance by its RCC_INSTANCE_ID.
 */
class TwoInstancesNightlyRunTest {

    @Test
    void twoInstancesRunTheNightlyMatchingExactlyOnce() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                ConfigurableApplicationContext first = instance(postgres, "rcc-a");
                ConfigurableApplicationContext second = instance(postgres, "rcc-b")) {
            first.getBean(DatasetImporter.class).importDirectory(SharedData.sample());
            atTheSameMoment(
                    () -> {
                        first.getBean(NightlyMatching.class).run();
                        return null;
                    },
                    () -> {
                        second.getBean(NightlyMatching.class).run();
                        return null;
                    });

            JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
            assertThat(jdbc.queryForList("SELECT status FROM matching_run WHERE trigger = 'NIGHTLY'", String.class))
                    .containsExactly("FINISHED");
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM shedlock WHERE name = 'nightly-matching'", Integer.class))
                    .isEqualTo(1);
            String ranOn =
                    jdbc.queryForObject("SELECT instance_id FROM matching_run WHERE trigger = 'NIGHTLY'", String.class);
            assertThat(ranOn).isIn("rcc-a", "rcc-b");
            assertThat(jdbc.queryForObject(
                            "SELECT locked_by FROM shedlock WHERE name = 'nightly-matching'", String.class))
                    .isEqualTo(ranOn);
        }
    }

    @Test
    void twoInstancesRefreshTheForecastExactlyOnceFromTheStoredReturns(@TempDir Path returns) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                ConfigurableApplicationContext first = instance(postgres, "rcc-a");
                ConfigurableApplicationContext second = instance(postgres, "rcc-b")) {
            JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
            storeReturns(jdbc, returns);

            atTheSameMoment(
                    () -> {
                        first.getBean(NightlyForecast.class).run();
                        return null;
                    },
                    () -> {
                        second.getBean(NightlyForecast.class).run();
                        return null;
                    });

            assertThat(jdbc.queryForList(
                            "SELECT status || ' by ' || created_by FROM forecast_run " + "WHERE trigger = 'NIGHTLY'",
                            String.class))
                    .containsExactly("FINISHED by nightly");
            assertThat(jdbc.queryForList(
                            "SELECT o.name FROM forecast_output o JOIN forecast_run r ON r.id = o.run_id "
                                    + "WHERE r.trigger = 'NIGHTLY' ORDER BY o.name",
                            String.class))
                    .contains("forecast.csv");
            String ranOn =
                    jdbc.queryForObject("SELECT instance_id FROM forecast_run WHERE trigger = 'NIGHTLY'", String.class);
            assertThat(ranOn).isIn("rcc-a", "rcc-b");
            assertThat(jdbc.queryForObject(
                            "SELECT locked_by FROM shedlock WHERE name = 'nightly-forecast'", String.class))
                    .isEqualTo(ranOn);
            assertThat(first.getBean("nightlyForecastHealth", HealthIndicator.class)
                            .health()
                            .getStatus())
                    .isEqualTo(Status.UP);
        }
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

    private static void atTheSameMoment(Callable<?>... jobs) throws Exception {
        CountDownLatch midnight = new CountDownLatch(1);
        ExecutorService clocks = Executors.newFixedThreadPool(jobs.length);
        List<Future<?>> nights = new ArrayList<>();
        for (Callable<?> job : jobs) {
            nights.add(clocks.submit(() -> {
                midnight.await();
                return job.call();
            }));
        }
        midnight.countDown();
        for (Future<?> night : nights) {
            night.get(3, TimeUnit.MINUTES);
        }
        clocks.shutdown();
    }

    /** Settings as command-line arguments: they override application.properties, default properties do not. */
    private static ConfigurableApplicationContext instance(EmbeddedPostgres postgres, String instanceId) {
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
                        "--rcc.instance-id=" + instanceId,
                        "--logging.level.root=WARN",
                        "--spring.main.banner-mode=off");
    }
}
