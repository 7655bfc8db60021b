package uk.rcc.sufficiency.board;

import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The nightly forecast refresh: the headless {@code forecast} command's code on the SSDA903 returns stored in the
 * database, recorded as a forecast run started by "nightly" (failures included, with their reason). ShedLock makes
 * sure only one instance runs it; the lock is held while the run lasts.
 */
@Component
public class NightlyForecast {
    private static final Logger log = LoggerFactory.getLogger(NightlyForecast.class);
    private final ForecastRuns forecasts;
    private final JdbcTemplate jdbc;
    private final ForecastRuns.Parameters parameters;

    NightlyForecast(
            ForecastRuns forecasts,
            JdbcTemplate jdbc,
            @Value("${rcc.nightly.forecast-horizon-months:36}") int horizonMonths,
            @Value("${rcc.nightly.forecast-runs:1000}") int runs) {
        this.forecasts = forecasts;
        this.jdbc = jdbc;
        this.parameters = new ForecastRuns.Parameters(horizonMonths, null, 903, runs, 0.8, null);
    }

    /** Runs the refresh, unless no returns are stored yet. */
    @Scheduled(cron = "${rcc.nightly.forecast-cron:0 30 3 * * *}", zone = "Europe/London")
    @SchedulerLock(name = "nightly-forecast", lockAtLeastFor = "PT5M", lockAtMostFor = "PT2H")
    public void run() {
        if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT exists(SELECT 1 FROM ssda903_file)", Boolean.class))) {
            log.info("Nightly forecast refresh skipped: no SSDA903 returns are stored");
            return;
        }
        long id = forecasts.runNow("nightly", "Nightly refresh " + LocalDate.now(), parameters, "NIGHTLY");
        log.info("Nightly forecast refresh: run {} {}", id, forecasts.get(id).status());
    }
}
