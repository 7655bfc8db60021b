package uk.rcc.providers;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Providers' current offers of a home for a child: each organisation's latest answer counts, so an offer later
 * withdrawn ("we cannot") no longer shows. Read for the officer's shortlist, which the officer's scope guards.
 */
@Repository
public class ReferralOffers {
    private final JdbcTemplate jdbc;

    public ReferralOffers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Offer(
            String homeId,
            String providerOrgId,
            String providerOrg,
            String note,
            Instant offeredAt,
            String offeredBy) {}

    public List<Offer> current(String childId) {
        return jdbc.query(
                """
                SELECT a.home_id, a.provider_org_id, o.name, a.note, a.answered_at, a.answered_by FROM (
                    SELECT DISTINCT ON (provider_org_id) * FROM referral_answer WHERE child_id = ?
                    ORDER BY provider_org_id, answered_at DESC, id DESC) a
                JOIN provider_org o ON o.provider_org_id = a.provider_org_id
                WHERE a.answer = 'OFFER' ORDER BY a.answered_at, a.id""",
                (rs, i) -> new Offer(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getString(6)),
                childId);
    }
}
