package uk.rcc.registry;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import uk.rcc.registry.RegistryViews.AuthorityView;
import uk.rcc.registry.RegistryViews.AvoidZoneView;
import uk.rcc.registry.RegistryViews.ChildDetail;
import uk.rcc.registry.RegistryViews.ChildSummary;
import uk.rcc.registry.RegistryViews.HomeView;
import uk.rcc.registry.RegistryViews.KeyPlaceView;
import uk.rcc.security.Viewer;

/**
 * Reads of the registry for people. Every query for children takes the {@link Viewer} and filters by their
 * council in SQL, so a child of another council is never even loaded for an officer.
 */
@Repository
@Transactional(readOnly = true)
public class RegistryQueries {
    private final JdbcTemplate jdbc;

    public RegistryQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public LocalDate asOf() {
        List<LocalDate> dates = jdbc.query(
                "SELECT as_of FROM cooperative WHERE id = 1",
                (rs, i) -> rs.getDate(1).toLocalDate());
        return dates.isEmpty() ? LocalDate.now() : dates.get(0);
    }

    public Optional<String> cooperativeName() {
        return jdbc.query("SELECT name FROM cooperative WHERE id = 1", (rs, i) -> rs.getString(1)).stream()
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    public List<AuthorityView> authorities() {
        return jdbc.query(
                "SELECT authority_code, name, lat, lon FROM authority ORDER BY name",
                (rs, i) -> new AuthorityView(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4), true));
    }

    public Optional<HomeView> home(String homeId) {
        return jdbc.query(HOMES_WITH_OCCUPANCY + " WHERE h.home_id = ?", (rs, i) -> homeView(rs), homeId).stream()
                .findFirst();
    }

    private static final String HOMES_WITH_OCCUPANCY = """
            SELECT h.*, coalesce(o.occupied, 0) AS occupied FROM home h
            LEFT JOIN (SELECT current_home_id, count(*) AS occupied FROM child
                       WHERE current_home_id IS NOT NULL GROUP BY current_home_id) o
              ON o.current_home_id = h.home_id""";

    /** Children the viewer may see; {@code awaitingOnly} gives the referrals queue, oldest need first. */
    public List<ChildSummary> children(Viewer viewer, boolean awaitingOnly) {
        viewer.requireChildRecords();
        StringBuilder sql = new StringBuilder("SELECT * FROM child WHERE true");
        List<Object> args = new ArrayList<>();
        viewer.councilScope().ifPresent(code -> {
            sql.append(" AND authority_code = ?");
            args.add(code);
        });
        if (awaitingOnly) {
            sql.append(" AND current_home_id IS NULL");
        }
        sql.append(" ORDER BY needed_by NULLS LAST, referred_at, child_id");
        LocalDate asOf = asOf();
        return jdbc.query(sql.toString(), (rs, i) -> childSummary(rs, asOf), args.toArray());
    }

    public Optional<ChildDetail> child(Viewer viewer, String childId) {
        viewer.requireChildRecords();
        String scope =
                viewer.councilScope().map(code -> " AND authority_code = ?").orElse("");
        Object[] args =
                viewer.councilScope().map(code -> new Object[] {childId, code}).orElse(new Object[] {childId});
        LocalDate asOf = asOf();
        return jdbc
                .query("SELECT * FROM child WHERE child_id = ?" + scope, (rs, i) -> childDetail(rs, asOf, viewer), args)
                .stream()
                .findFirst();
    }

    private ChildDetail childDetail(ResultSet rs, LocalDate asOf, Viewer viewer) throws SQLException {
        String childId = rs.getString("child_id");
        Double schoolLat = (Double) rs.getObject("school_lat");
        Double schoolLon = (Double) rs.getObject("school_lon");
        List<KeyPlaceView> keyPlaces = jdbc.query(
                "SELECT kind, lat, lon, visits_per_month FROM key_place WHERE child_id = ? ORDER BY id",
                (k, i) -> new KeyPlaceView(
                        k.getString(1), RegistryViews.approximate(k.getDouble(2), k.getDouble(3)), k.getDouble(4)),
                childId);
        List<AvoidZoneView> zones = jdbc.query(
                "SELECT lat, lon, radius_km, reason FROM avoid_zone WHERE child_id = ? ORDER BY id",
                (z, i) -> new AvoidZoneView(
                        RegistryViews.approximate(z.getDouble(1), z.getDouble(2)), z.getDouble(3), z.getString(4)),
                childId);
        String group = rs.getString("sibling_group");
        // Siblings in another council's care are that council's children: not named to this council's officers.
        String council = viewer.councilScope().orElse(null);
        List<String> siblings =
                group == null ? List.of() : jdbc.queryForList("""
                SELECT child_id FROM child WHERE sibling_group = ? AND child_id <> ?
                    AND (CAST(? AS text) IS NULL OR authority_code = ?) ORDER BY child_id""", String.class, group, childId, council, council);
        return new ChildDetail(
                childSummary(rs, asOf),
                RegistryViews.approximate(rs.getDouble("home_lat"), rs.getDouble("home_lon")),
                schoolLat == null ? null : RegistryViews.approximate(schoolLat, schoolLon),
                strings(rs.getArray("preferred_kinds")),
                rs.getString("alongside"),
                rs.getString("pets"),
                keyPlaces,
                zones,
                siblings,
                rs.getInt("version"),
                "about 1 km (rounded to 0.01 degree)");
    }

    static ChildSummary childSummary(ResultSet rs, LocalDate asOf) throws SQLException {
        LocalDate dob = rs.getDate("date_of_birth").toLocalDate();
        java.sql.Date neededBy = rs.getDate("needed_by");
        long waiting = rs.getString("current_home_id") != null
                ? 0
                : Math.max(
                        0,
                        ChronoUnit.DAYS.between(
                                rs.getTimestamp("referred_at").toLocalDateTime().toLocalDate(), LocalDate.now()));
        return new ChildSummary(
                rs.getString("child_id"),
                rs.getString("authority_code"),
                Period.between(dob, asOf).getYears(),
                rs.getString("sex"),
                rs.getString("sibling_group"),
                strings(rs.getArray("needs")),
                strings(rs.getArray("placement_kinds")),
                neededBy == null ? null : neededBy.toLocalDate(),
                rs.getString("current_home_id"),
                rs.getBoolean("may_move"),
                waiting);
    }

    static HomeView homeView(ResultSet rs) throws SQLException {
        int places = rs.getInt("places");
        int occupied = rs.getInt("occupied");
        return new HomeView(
                rs.getString("home_id"),
                rs.getString("name"),
                rs.getString("kind"),
                rs.getString("provider"),
                rs.getString("authority_code"),
                rs.getDouble("lat"),
                rs.getDouble("lon"),
                places,
                occupied,
                Math.max(0, places - occupied),
                rs.getInt("min_age"),
                rs.getInt("max_age"),
                rs.getString("sexes"),
                strings(rs.getArray("needs_met")),
                rs.getBoolean("pets"),
                rs.getBigDecimal("weekly_cost").doubleValue(),
                rs.getBoolean("available"),
                rs.getInt("version"));
    }

    static Set<String> strings(Array array) throws SQLException {
        return array == null
                ? Set.of()
                : new LinkedHashSet<>(Arrays.stream((Object[]) array.getArray())
                        .map(String::valueOf)
                        .toList());
    }
}
