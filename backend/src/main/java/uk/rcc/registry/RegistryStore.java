package uk.rcc.registry;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import uk.rcc.exchange.Codes.Alongside;
import uk.rcc.exchange.Codes.CulturalNeeds;
import uk.rcc.exchange.Codes.HomeKind;
import uk.rcc.exchange.Codes.KeyPlaceKind;
import uk.rcc.exchange.Codes.Need;
import uk.rcc.exchange.Codes.PetsRule;
import uk.rcc.exchange.Codes.Provider;
import uk.rcc.exchange.Codes.Sex;
import uk.rcc.exchange.Codes.SexesAccepted;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeDataset.AuthorityRow;
import uk.rcc.exchange.ExchangeDataset.AvoidZoneRow;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;
import uk.rcc.exchange.ExchangeDataset.KeyPlaceRow;
import uk.rcc.exchange.ExchangeDataset.PlacementDetails;

/**
 * Moves whole data sets between exchange format v1 and the registry tables. Writes are upserts by id in batches
 * (a nightly feed of 80,000 children must take seconds, not minutes); the caller's transaction makes them all or
 * nothing.
 */
@Repository
public class RegistryStore {
    private static final int BATCH = 1000;
    private final JdbcTemplate jdbc;

    public RegistryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What an upsert changed; rows identical to what was stored count as unchanged. */
    public record UpsertCounts(int authorities, int homes, int children, int placementsOpened, int placementsEnded) {}

    @Transactional
    public UpsertCounts upsert(ExchangeDataset dataset) {
        jdbc.update("""
                INSERT INTO cooperative (id, name, as_of) VALUES (1, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = coalesce(EXCLUDED.name, cooperative.name), as_of = EXCLUDED.as_of
                """, dataset.name(), Date.valueOf(dataset.asOf()));
        int authorities = sum(jdbc.batchUpdate("""
                INSERT INTO authority (authority_code, name, lat, lon) VALUES (?, ?, ?, ?)
                ON CONFLICT (authority_code) DO UPDATE SET name = EXCLUDED.name, lat = EXCLUDED.lat, lon = EXCLUDED.lon
                WHERE (authority.name, authority.lat, authority.lon)
                      IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.lat, EXCLUDED.lon)
                """, dataset.authorities(), BATCH, (ps, a) -> {
            ps.setString(1, a.authorityCode());
            ps.setString(2, a.name());
            ps.setDouble(3, a.lat());
            ps.setDouble(4, a.lon());
        }));
        int homes = sum(jdbc.batchUpdate(UPSERT_HOME, dataset.homes(), BATCH, (ps, h) -> {
            Connection connection = ps.getConnection();
            ps.setString(1, h.homeId());
            ps.setString(2, h.name());
            ps.setString(3, h.kind().name());
            ps.setString(4, h.provider().name());
            ps.setString(5, h.authorityCode());
            ps.setDouble(6, h.lat());
            ps.setDouble(7, h.lon());
            ps.setInt(8, h.places());
            ps.setInt(9, h.minAge());
            ps.setInt(10, h.maxAge());
            ps.setString(11, h.sexes().name());
            ps.setArray(12, textArray(connection, h.needsMet()));
            ps.setBoolean(13, h.pets());
            ps.setBigDecimal(14, java.math.BigDecimal.valueOf(h.weeklyCost()));
            ps.setBoolean(15, h.available());
            ps.setString(16, h.ofstedUrn());
            ps.setString(17, h.postcodeDistrict());
        }));
        int children = sum(jdbc.batchUpdate(UPSERT_CHILD, dataset.children(), BATCH, (ps, c) -> {
            Connection connection = ps.getConnection();
            ps.setString(1, c.childId());
            ps.setString(2, c.authorityCode());
            ps.setDate(3, Date.valueOf(c.dateOfBirth()));
            ps.setString(4, c.sex().name());
            ps.setDouble(5, c.homeLat());
            ps.setDouble(6, c.homeLon());
            ps.setObject(7, c.schoolLat());
            ps.setObject(8, c.schoolLon());
            ps.setString(9, c.siblingGroup());
            ps.setArray(10, textArray(connection, c.needs()));
            ps.setArray(11, textArray(connection, c.placementKinds()));
            ps.setArray(12, textArray(connection, c.preferredKinds()));
            ps.setString(13, c.alongside().name());
            ps.setString(14, c.pets().name());
            ps.setObject(15, c.neededBy() == null ? null : Date.valueOf(c.neededBy()));
            ps.setString(16, c.currentHomeId());
            ps.setBoolean(17, c.mayMove());
            PlacementDetails details = c.details();
            ps.setObject(18, details.referralDate() == null ? null : Date.valueOf(details.referralDate()));
            ps.setObject(19, details.placedOn() == null ? null : Date.valueOf(details.placedOn()));
            ps.setBigDecimal(
                    20,
                    details.placementWeeklyCost() == null
                            ? null
                            : java.math.BigDecimal.valueOf(details.placementWeeklyCost()));
            ps.setString(21, details.culturalNeeds().name());
            ps.setString(22, details.outOfAreaReason());
        }));
        replaceChildPlaces(dataset);
        int ended = jdbc.update("""
                UPDATE placement p SET end_date = greatest(?, p.start_date), end_reason = 'no longer lives here (import)'
                FROM child c
                WHERE p.child_id = c.child_id AND p.end_date IS NULL AND c.current_home_id IS DISTINCT FROM p.home_id
                """, Date.valueOf(dataset.asOf()));
        int opened = jdbc.update("""
                INSERT INTO placement (child_id, home_id, start_date)
                SELECT c.child_id, c.current_home_id, coalesce(c.placed_on, ?) FROM child c
                WHERE c.current_home_id IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM placement p WHERE p.child_id = c.child_id AND p.end_date IS NULL)
                """, Date.valueOf(dataset.asOf()));
        // v1.1 gives the day a child moved in (placed_on): the open placement starts then, not on the import's date
        jdbc.update("""
                UPDATE placement p SET start_date = c.placed_on
                FROM child c
                WHERE p.child_id = c.child_id AND p.end_date IS NULL AND p.home_id = c.current_home_id
                  AND c.placed_on IS NOT NULL AND p.start_date <> c.placed_on
                """);
        return new UpsertCounts(authorities, homes, children, opened, ended);
    }

    private static final String UPSERT_HOME = """
            INSERT INTO home (home_id, name, kind, provider, authority_code, lat, lon, places, min_age, max_age, sexes,
                              needs_met, pets, weekly_cost, available, ofsted_urn, postcode_district)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (home_id) DO UPDATE SET
                name = EXCLUDED.name, kind = EXCLUDED.kind, provider = EXCLUDED.provider,
                authority_code = EXCLUDED.authority_code, lat = EXCLUDED.lat, lon = EXCLUDED.lon,
                places = EXCLUDED.places, min_age = EXCLUDED.min_age, max_age = EXCLUDED.max_age,
                sexes = EXCLUDED.sexes, needs_met = EXCLUDED.needs_met, pets = EXCLUDED.pets,
                weekly_cost = EXCLUDED.weekly_cost, available = EXCLUDED.available, ofsted_urn = EXCLUDED.ofsted_urn,
                postcode_district = EXCLUDED.postcode_district, version = home.version + 1
            WHERE (home.name, home.kind, home.provider, home.authority_code, home.lat, home.lon, home.places,
                   home.min_age, home.max_age, home.sexes, home.needs_met, home.pets, home.weekly_cost, home.available,
                   home.ofsted_urn, home.postcode_district)
                  IS DISTINCT FROM
                  (EXCLUDED.name, EXCLUDED.kind, EXCLUDED.provider, EXCLUDED.authority_code, EXCLUDED.lat,
                   EXCLUDED.lon, EXCLUDED.places, EXCLUDED.min_age, EXCLUDED.max_age, EXCLUDED.sexes,
                   EXCLUDED.needs_met, EXCLUDED.pets, EXCLUDED.weekly_cost, EXCLUDED.available,
                   EXCLUDED.ofsted_urn, EXCLUDED.postcode_district)
            """;

    private static final String UPSERT_CHILD = """
            INSERT INTO child (child_id, authority_code, date_of_birth, sex, home_lat, home_lon, school_lat, school_lon,
                               sibling_group, needs, placement_kinds, preferred_kinds, alongside, pets, needed_by,
                               current_home_id, may_move, referral_date, placed_on, placement_weekly_cost,
                               cultural_needs, out_of_area_reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (child_id) DO UPDATE SET
                authority_code = EXCLUDED.authority_code, date_of_birth = EXCLUDED.date_of_birth, sex = EXCLUDED.sex,
                home_lat = EXCLUDED.home_lat, home_lon = EXCLUDED.home_lon, school_lat = EXCLUDED.school_lat,
                school_lon = EXCLUDED.school_lon, sibling_group = EXCLUDED.sibling_group, needs = EXCLUDED.needs,
                placement_kinds = EXCLUDED.placement_kinds, preferred_kinds = EXCLUDED.preferred_kinds,
                alongside = EXCLUDED.alongside, pets = EXCLUDED.pets, needed_by = EXCLUDED.needed_by,
                current_home_id = EXCLUDED.current_home_id, may_move = EXCLUDED.may_move,
                referral_date = EXCLUDED.referral_date, placed_on = EXCLUDED.placed_on,
                placement_weekly_cost = EXCLUDED.placement_weekly_cost, cultural_needs = EXCLUDED.cultural_needs,
                out_of_area_reason = EXCLUDED.out_of_area_reason, version = child.version + 1
            WHERE (child.authority_code, child.date_of_birth, child.sex, child.home_lat, child.home_lon,
                   child.school_lat, child.school_lon, child.sibling_group, child.needs, child.placement_kinds,
                   child.preferred_kinds, child.alongside, child.pets, child.needed_by, child.current_home_id,
                   child.may_move, child.referral_date, child.placed_on, child.placement_weekly_cost,
                   child.cultural_needs, child.out_of_area_reason)
                  IS DISTINCT FROM
                  (EXCLUDED.authority_code, EXCLUDED.date_of_birth, EXCLUDED.sex, EXCLUDED.home_lat,
                   EXCLUDED.home_lon, EXCLUDED.school_lat, EXCLUDED.school_lon, EXCLUDED.sibling_group,
                   EXCLUDED.needs, EXCLUDED.placement_kinds, EXCLUDED.preferred_kinds, EXCLUDED.alongside,
                   EXCLUDED.pets, EXCLUDED.needed_by, EXCLUDED.current_home_id, EXCLUDED.may_move,
                   EXCLUDED.referral_date, EXCLUDED.placed_on, EXCLUDED.placement_weekly_cost,
                   EXCLUDED.cultural_needs, EXCLUDED.out_of_area_reason)
            """;

    /** A data set carries each listed child's complete avoid zones and key places: replace them. */
    private void replaceChildPlaces(ExchangeDataset dataset) {
        List<String> childIds =
                dataset.children().stream().map(ChildRow::childId).toList();
        jdbc.execute((Connection connection) -> {
            Array ids = connection.createArrayOf("text", childIds.toArray());
            try (var zones = connection.prepareStatement("DELETE FROM avoid_zone WHERE child_id = ANY (?)");
                    var places = connection.prepareStatement("DELETE FROM key_place WHERE child_id = ANY (?)")) {
                zones.setArray(1, ids);
                zones.executeUpdate();
                places.setArray(1, ids);
                places.executeUpdate();
            }
            return null;
        });
        jdbc.batchUpdate(
                "INSERT INTO avoid_zone (child_id, lat, lon, radius_km, reason) VALUES (?, ?, ?, ?, ?)",
                dataset.avoidZones(),
                BATCH,
                (ps, z) -> {
                    ps.setString(1, z.childId());
                    ps.setDouble(2, z.lat());
                    ps.setDouble(3, z.lon());
                    ps.setDouble(4, z.radiusKm());
                    ps.setString(5, z.reason());
                });
        jdbc.batchUpdate(
                "INSERT INTO key_place (child_id, lat, lon, kind, visits_per_month) VALUES (?, ?, ?, ?, ?)",
                dataset.keyPlaces(),
                BATCH,
                (ps, k) -> {
                    ps.setString(1, k.childId());
                    ps.setDouble(2, k.lat());
                    ps.setDouble(3, k.lon());
                    ps.setString(4, k.kind().name());
                    ps.setDouble(5, k.visitsPerMonth());
                });
    }

    /** The whole registry as a data set, ordered by id so exports are stable. */
    @Transactional(readOnly = true)
    public ExchangeDataset readAll() {
        var cooperative = jdbc.query("SELECT name, as_of FROM cooperative WHERE id = 1", (rs, i) ->
                new Object[] {rs.getString("name"), rs.getDate("as_of").toLocalDate()});
        String name = cooperative.isEmpty() ? null : (String) cooperative.get(0)[0];
        LocalDate asOf = cooperative.isEmpty()
                ? LocalDate.now()
                : (LocalDate) cooperative.get(0)[1];
        List<AuthorityRow> authorities = jdbc.query(
                "SELECT authority_code, name, lat, lon FROM authority ORDER BY authority_code",
                (rs, i) -> new AuthorityRow(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4)));
        List<HomeRow> homes = jdbc.query("SELECT * FROM home ORDER BY home_id", (rs, i) -> homeRow(rs));
        List<ChildRow> children = jdbc.query("SELECT * FROM child ORDER BY child_id", (rs, i) -> childRow(rs));
        List<AvoidZoneRow> zones = jdbc.query(
                "SELECT child_id, lat, lon, radius_km, reason FROM avoid_zone ORDER BY child_id, id",
                (rs, i) -> new AvoidZoneRow(
                        rs.getString(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getString(5)));
        List<KeyPlaceRow> keyPlaces = jdbc.query(
                "SELECT child_id, lat, lon, kind, visits_per_month FROM key_place ORDER BY child_id, id",
                (rs, i) -> new KeyPlaceRow(
                        rs.getString(1),
                        rs.getDouble(2),
                        rs.getDouble(3),
                        KeyPlaceKind.valueOf(rs.getString(4)),
                        rs.getDouble(5)));
        return new ExchangeDataset(asOf, name, authorities, homes, children, zones, keyPlaces);
    }

    public static HomeRow homeRow(ResultSet rs) throws SQLException {
        return new HomeRow(
                rs.getString("home_id"),
                rs.getString("name"),
                HomeKind.valueOf(rs.getString("kind")),
                Provider.valueOf(rs.getString("provider")),
                rs.getString("authority_code"),
                rs.getDouble("lat"),
                rs.getDouble("lon"),
                rs.getInt("places"),
                rs.getInt("min_age"),
                rs.getInt("max_age"),
                SexesAccepted.valueOf(rs.getString("sexes")),
                codes(rs.getArray("needs_met"), Need.class),
                rs.getBoolean("pets"),
                rs.getBigDecimal("weekly_cost").doubleValue(),
                rs.getBoolean("available"),
                rs.getString("ofsted_urn"),
                rs.getString("postcode_district"));
    }

    public static ChildRow childRow(ResultSet rs) throws SQLException {
        Date neededBy = rs.getDate("needed_by");
        return new ChildRow(
                rs.getString("child_id"),
                rs.getString("authority_code"),
                rs.getDate("date_of_birth").toLocalDate(),
                Sex.valueOf(rs.getString("sex")),
                rs.getDouble("home_lat"),
                rs.getDouble("home_lon"),
                (Double) rs.getObject("school_lat"),
                (Double) rs.getObject("school_lon"),
                rs.getString("sibling_group"),
                codes(rs.getArray("needs"), Need.class),
                codes(rs.getArray("placement_kinds"), HomeKind.class),
                codes(rs.getArray("preferred_kinds"), HomeKind.class),
                Alongside.valueOf(rs.getString("alongside")),
                PetsRule.valueOf(rs.getString("pets")),
                neededBy == null ? null : neededBy.toLocalDate(),
                rs.getString("current_home_id"),
                rs.getBoolean("may_move"),
                placementDetails(rs));
    }

    private static PlacementDetails placementDetails(ResultSet rs) throws SQLException {
        Date referral = rs.getDate("referral_date");
        Date placedOn = rs.getDate("placed_on");
        java.math.BigDecimal cost = rs.getBigDecimal("placement_weekly_cost");
        return new PlacementDetails(
                referral == null ? null : referral.toLocalDate(),
                placedOn == null ? null : placedOn.toLocalDate(),
                cost == null ? null : cost.doubleValue(),
                CulturalNeeds.valueOf(rs.getString("cultural_needs")),
                rs.getString("out_of_area_reason"));
    }

    static <E extends Enum<E>> Set<E> codes(Array array, Class<E> type) throws SQLException {
        EnumSet<E> result = EnumSet.noneOf(type);
        if (array != null) {
            Arrays.stream((Object[]) array.getArray())
                    .map(v -> Enum.valueOf(type, (String) v))
                    .forEach(result::add);
        }
        return result;
    }

    private static Array textArray(Connection connection, Collection<? extends Enum<?>> values) throws SQLException {
        return connection.createArrayOf(
                "text", values.stream().map(Enum::name).sorted().toArray());
    }

    private static int sum(int[][] counts) {
        return Arrays.stream(counts)
                .flatMapToInt(Arrays::stream)
                .map(n -> Math.max(n, 0))
                .sum();
    }
}
