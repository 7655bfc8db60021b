package uk.rcc.placementsreturn;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;
import uk.rcc.registry.RegistryStore;

/**
 * The placements of the registry that started in a period, from its placement history: the officer who decided each
 * one in this service (its accept or override decision), the siblings who lived in the same home alongside it.
 */
@Repository
class RegistryPlacements {
    private final JdbcTemplate jdbc;
    private final RegistryStore store;

    RegistryPlacements(JdbcTemplate jdbc, RegistryStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    private record Stay(String childId, String homeId, LocalDate start, LocalDate end, String officer) {
        boolean overlaps(Stay other) {
            return homeId.equals(other.homeId)
                    && (end == null || !other.start.isAfter(end))
                    && (other.end == null || !start.isAfter(other.end));
        }
    }

    @Transactional(readOnly = true)
    public List<FoundPlacement> startedBetween(LocalDate from, LocalDate to, String authority) {
        ExchangeDataset registry = store.readAll();
        Map<String, ChildRow> children = new HashMap<>();
        registry.children().forEach(c -> children.put(c.childId(), c));
        Map<String, HomeRow> homes = new HashMap<>();
        registry.homes().forEach(h -> homes.put(h.homeId(), h));
        List<Stay> started = jdbc.query(
                """
                SELECT p.child_id, p.home_id, p.start_date, p.end_date,
                       (SELECT coalesce(u.display_name, d.decided_by) FROM decision d
                        LEFT JOIN app_user u ON u.username = d.decided_by
                        WHERE d.child_id = p.child_id AND d.home_id = p.home_id AND d.decision IN ('ACCEPT', 'OVERRIDE')
                          AND d.decided_at >= p.start_date - 1 AND d.decided_at < p.start_date + 2
                        ORDER BY d.decided_at DESC LIMIT 1) AS officer
                FROM placement p JOIN child c ON c.child_id = p.child_id
                WHERE p.start_date BETWEEN ? AND ? AND (c.authority_code = ? OR ?::text IS NULL)
                ORDER BY p.child_id, p.start_date
                """,
                (rs, i) -> stay(rs, rs.getString("officer")),
                Date.valueOf(from),
                Date.valueOf(to),
                authority,
                authority);
        Map<String, List<Stay>> siblingStays = siblingStays();
        List<FoundPlacement> found = new ArrayList<>();
        for (Stay stay : started) {
            ChildRow child = children.get(stay.childId());
            List<ChildRow> siblings = siblingsOf(child, registry.children());
            int together = (int) siblings.stream()
                    .filter(s -> siblingStays.getOrDefault(s.childId(), List.of()).stream()
                            .anyMatch(stay::overlaps))
                    .count();
            boolean current = stay.end() == null && stay.homeId().equals(child.currentHomeId());
            found.add(new FoundPlacement(
                    child,
                    homes.get(stay.homeId()),
                    stay.start(),
                    current ? child.details().placementWeeklyCost() : null,
                    siblings.size(),
                    together,
                    stay.officer(),
                    stay.officer() != null ? stay.start() : registry.asOf()));
        }
        return found;
    }

    private static List<ChildRow> siblingsOf(ChildRow child, List<ChildRow> all) {
        return child.siblingGroup() == null
                ? List.of()
                : all.stream()
                        .filter(c -> child.siblingGroup().equals(c.siblingGroup())
                                && !Objects.equals(c.childId(), child.childId()))
                        .toList();
    }

    private Map<String, List<Stay>> siblingStays() {
        Map<String, List<Stay>> stays = new HashMap<>();
        jdbc.query("""
                SELECT p.child_id, p.home_id, p.start_date, p.end_date FROM placement p
                JOIN child c ON c.child_id = p.child_id WHERE c.sibling_group IS NOT NULL
                """, rs -> {
            Stay stay = stay(rs, null);
            stays.computeIfAbsent(stay.childId(), c -> new ArrayList<>()).add(stay);
        });
        return stays;
    }

    private static Stay stay(java.sql.ResultSet rs, String officer) throws java.sql.SQLException {
        Date end = rs.getDate("end_date");
        return new Stay(
                rs.getString("child_id"),
                rs.getString("home_id"),
                rs.getDate("start_date").toLocalDate(),
                end == null ? null : end.toLocalDate(),
                officer);
    }
}
