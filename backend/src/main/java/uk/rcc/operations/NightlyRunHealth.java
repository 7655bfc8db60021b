package uk.rcc.operations;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Health of the nightly matching: DOWN when the last successful nightly run is older than the allowed age (by
 * default 26 hours), so a monitor notices a night that was missed. UNKNOWN before the first nightly run.
 */
@Component("nightlyMatchingHealth")
class NightlyRunHealth implements HealthIndicator {
    private final JdbcTemplate jdbc;
    private final Duration maxAge;

    NightlyRunHealth(JdbcTemplate jdbc, @Value("${rcc.nightly.max-age:PT26H}") Duration maxAge) {
        this.jdbc = jdbc;
        this.maxAge = maxAge;
    }

    @Override
    public Health health() {
        List<OffsetDateTime> last = jdbc.query("SELECT max(ended_at) FROM matching_run WHERE trigger = 'NIGHTLY' "
                + "AND status IN ('FINISHED', 'STOPPED')", (rs, i) -> rs.getObject(1, OffsetDateTime.class));
        OffsetDateTime ended = last.isEmpty() ? null : last.get(0);
        if (ended == null) {
            return Health.unknown().withDetail("lastNightlyRun", "none yet").build();
        }
        Duration age = Duration.between(ended, OffsetDateTime.now());
        Health.Builder health = age.compareTo(maxAge) > 0 ? Health.down() : Health.up();
        return health.withDetail("lastNightlyRun", ended.toString()).withDetail("ageHours", age.toHours()).build();
    }
}
