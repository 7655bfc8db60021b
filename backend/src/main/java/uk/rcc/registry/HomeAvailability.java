package uk.rcc.registry;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import uk.rcc.registry.RegistryVersion.Versioned;

/**
 * What providers say about their homes — availability, a place free from a date, when the vacancy was last
 * confirmed and by which organisation — read once per registry version, and the one rule for when a vacancy is
 * stale: not confirmed for more than {@code rcc.providers.stale-after-days} days (default 14), counted in
 * calendar days in England.
 */
@Service
public class HomeAvailability {
    public static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    private final RegistryVersion.Cached<Map<String, Status>> statuses;
    private final int staleAfterDays;

    public HomeAvailability(
            JdbcTemplate jdbc,
            RegistryVersion registry,
            @Value("${rcc.providers.stale-after-days:14}") int staleAfterDays) {
        if (staleAfterDays < 1) {
            throw new IllegalArgumentException("rcc.providers.stale-after-days must be at least 1");
        }
        this.staleAfterDays = staleAfterDays;
        this.statuses = registry.cache(() -> load(jdbc));
    }

    /** A home's status as its provider keeps it; {@code providerOrgId} is null for homes no provider manages. */
    public record Status(
            String providerOrgId,
            String providerOrgName,
            String availability,
            LocalDate availableFrom,
            Instant vacancyConfirmedAt) {}

    public Versioned<Map<String, Status>> statuses() {
        return statuses.get();
    }

    public int staleAfterDays() {
        return staleAfterDays;
    }

    public static LocalDate today() {
        return LocalDate.now(ENGLAND);
    }

    /** Stale when last confirmed more than the configured number of days before {@code today}. */
    public boolean isStale(Instant confirmedAt, LocalDate today) {
        return confirmedAt == null
                || confirmedAt.atZone(ENGLAND).toLocalDate().isBefore(today.minusDays(staleAfterDays));
    }

    /** The last moment a confirmation still counts as fresh on {@code today}: older ones are stale. */
    public Instant staleBefore(LocalDate today) {
        return today.minusDays(staleAfterDays).atStartOfDay(ENGLAND).toInstant();
    }

    private static Map<String, Status> load(JdbcTemplate jdbc) {
        Map<String, Status> result = new HashMap<>();
        jdbc.query("""
                SELECT h.home_id, h.provider_org_id, o.name, h.availability, h.available_from, h.vacancy_confirmed_at
                FROM home h LEFT JOIN provider_org o ON o.provider_org_id = h.provider_org_id""", rs -> {
            java.sql.Date from = rs.getDate(5);
            Timestamp confirmed = rs.getTimestamp(6);
            result.put(
                    rs.getString(1),
                    new Status(
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            from == null ? null : from.toLocalDate(),
                            confirmed == null ? null : confirmed.toInstant()));
        });
        return Map.copyOf(result);
    }
}
