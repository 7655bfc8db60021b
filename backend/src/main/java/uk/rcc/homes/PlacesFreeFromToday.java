package uk.rcc.homes;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A place a provider said is free from a date becomes available on that date: the date is cleared and the
 * database's availability trigger makes the home available. Idempotent, so every instance may run it; hourly,
 * so a missed midnight is caught up.
 */
@Component
class PlacesFreeFromToday {
    private static final Logger log = LoggerFactory.getLogger(PlacesFreeFromToday.class);
    private final JdbcTemplate jdbc;

    PlacesFreeFromToday(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(cron = "0 1 * * * *", zone = "Europe/London")
    void release() {
        int released = jdbc.update("UPDATE home SET available_from = NULL WHERE available_from <= current_date");
        if (released > 0) {
            log.info("{} home(s) have a place free from today", released);
        }
    }
}
