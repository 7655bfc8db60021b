package uk.rcc.operations;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Health of the nightly jobs: each is DOWN when its last successful nightly run ended longer ago than the allowed
 * age (by default 26 hours), so a monitor notices a night that was missed, and UNKNOWN before its first nightly
 * run. {@code nightlyMatchingHealth} for the matching run, {@code nightlyForecastHealth} for the forecast refresh.
 */
@Configuration(proxyBeanMethods = false)
class NightlyRunHealth {

    @Bean
    HealthIndicator nightlyMatchingHealth(JdbcTemplate jdbc, @Value("${rcc.nightly.max-age:PT26H}") Duration maxAge) {
        return () -> health(
                lastEnd(
                        jdbc,
                        "SELECT max(ended_at) FROM matching_run WHERE trigger = 'NIGHTLY' "
                                + "AND status IN ('FINISHED', 'STOPPED')"),
                maxAge,
                "lastNightlyRun");
    }

    @Bean
    HealthIndicator nightlyForecastHealth(JdbcTemplate jdbc, @Value("${rcc.nightly.max-age:PT26H}") Duration maxAge) {
        return () -> health(
                lastEnd(
                        jdbc,
                        "SELECT max(finished_at) FROM forecast_run WHERE trigger = 'NIGHTLY' "
                                + "AND status = 'FINISHED'"),
                maxAge,
                "lastForecastRefresh");
    }

    private static OffsetDateTime lastEnd(JdbcTemplate jdbc, String sql) {
        List<OffsetDateTime> last = jdbc.query(sql, (rs, i) -> rs.getObject(1, OffsetDateTime.class));
        return last.isEmpty() ? null : last.get(0);
    }

    static Health health(OffsetDateTime ended, Duration maxAge, String detail) {
        if (ended == null) {
            return Health.unknown().withDetail(detail, "none yet").build();
        }
        Duration age = Duration.between(ended, OffsetDateTime.now());
        Health.Builder health = age.compareTo(maxAge) > 0 ? Health.down() : Health.up();
        return health.withDetail(detail, ended.toString())
                .withDetail("ageHours", age.toHours())
                .build();
    }
}
