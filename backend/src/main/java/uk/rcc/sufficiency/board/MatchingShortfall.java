package uk.rcc.sufficiency.board;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.rcc.exchange.Codes.HomeKind;
import uk.rcc.exchange.ExchangeWriter;
import uk.rcc.matching.policy.Geo;
import uk.rcc.sufficiency.Forecast;
import uk.rcc.sufficiency.Supply;

/**
 * Unmet demand seen by matching, to show beside the forecast gap: from the latest co-operative matching run that
 * ended with proposals, the children it could not place, placed more than 20 miles from home or apart from their
 * siblings, by council and the kind of place (the home's kind, or the child's first preferred kind when unplaced).
 * Counts only: no child is named.
 */
@Component
class MatchingShortfall {
    static final List<String> HEADER = List.of(
            "matching_run",
            "run_ended",
            "authority",
            "category",
            "children",
            "unplaced",
            "placed_over_20_miles",
            "siblings_apart");
    private final JdbcTemplate jdbc;

    MatchingShortfall(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One proposal with what is needed to judge it. */
    private record Proposal(
            String child,
            String authority,
            String siblingGroup,
            String homeId,
            String homeKind,
            String preferredKind,
            double distanceKm) {}

    /** unmet_demand.csv: one row per council and category (and ALL), or only the header when no run ended. */
    byte[] latestRun() {
        List<Map<String, Object>> runs = jdbc.queryForList("SELECT id, ended_at FROM matching_run WHERE status IN "
                + "('FINISHED', 'STOPPED') ORDER BY ended_at DESC NULLS LAST, id DESC LIMIT 1");
        if (runs.isEmpty()) {
            return ExchangeWriter.csv(HEADER, List.<List<Object>>of(), row -> row);
        }
        long runId = ((Number) runs.get(0).get("id")).longValue();
        Object ended = runs.get(0).get("ended_at");
        String endedAt = ended instanceof OffsetDateTime time
                ? time.toLocalDate().toString()
                : ended == null
                        ? ""
                        : ended.toString()
                                .substring(0, Math.min(10, ended.toString().length()));
        List<Proposal> proposals = proposals(runId);
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, List<Proposal>> groups = new HashMap<>();
        proposals.stream()
                .filter(p -> p.siblingGroup() != null)
                .forEach(p -> groups.computeIfAbsent(p.siblingGroup(), g -> new ArrayList<>())
                        .add(p));
        for (Proposal proposal : proposals) {
            String kind = proposal.homeId() != null ? proposal.homeKind() : proposal.preferredKind();
            String category = Supply.category(HomeKind.valueOf(kind)).name();
            boolean apart = proposal.homeId() != null
                    && groups.getOrDefault(proposal.siblingGroup(), List.of()).stream()
                            .anyMatch(other -> !other.child().equals(proposal.child())
                                    && !Objects.equals(other.homeId(), proposal.homeId()));
            int[] figures = {
                1,
                proposal.homeId() == null ? 1 : 0,
                proposal.homeId() != null && proposal.distanceKm() > Geo.TWENTY_MILES_KM ? 1 : 0,
                apart ? 1 : 0
            };
            for (String key : List.of(proposal.authority() + "|" + category, Forecast.ALL + "|" + category)) {
                int[] total = counts.computeIfAbsent(key, k -> new int[4]);
                for (int i = 0; i < 4; i++) {
                    total[i] += figures[i];
                }
            }
        }
        return ExchangeWriter.csv(HEADER, counts.entrySet(), entry -> {
            String[] key = entry.getKey().split("\\|");
            int[] t = entry.getValue();
            return List.of(runId, endedAt, key[0], key[1], t[0], t[1], t[2], t[3]);
        });
    }

    private List<Proposal> proposals(long runId) {
        return jdbc.query(
                """
                SELECT p.child_id, p.authority_code, c.sibling_group, p.home_id, h.kind,
                       coalesce(c.preferred_kinds[1], c.placement_kinds[1]) AS preferred,
                       c.home_lat, c.home_lon, h.lat, h.lon
                FROM proposal p JOIN child c ON c.child_id = p.child_id LEFT JOIN home h ON h.home_id = p.home_id
                WHERE p.run_id = ?""",
                (rs, i) -> new Proposal(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(4) == null
                                ? 0
                                : Geo.haversineKm(rs.getDouble(7), rs.getDouble(8), rs.getDouble(9), rs.getDouble(10))),
                runId);
    }
}
