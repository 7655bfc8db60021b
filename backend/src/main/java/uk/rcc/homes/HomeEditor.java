package uk.rcc.homes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.rcc.audit.AuditLog;
import uk.rcc.exchange.ExchangeDataset.HomeRow;
import uk.rcc.exchange.ExchangeReader;
import uk.rcc.exchange.InvalidDatasetException;
import uk.rcc.registry.HomeAvailability;
import uk.rcc.security.Viewer;

/**
 * Adds, changes, confirms and closes single homes, for providers (their own organisation's homes) and
 * commissioners (any home). A home is checked by the import's own rules ({@link ExchangeReader#home}), so one set
 * of rules holds however a home arrives. Every write is audited once with the values before and after.
 *
 * <p>Changing a home locks its row, as accepting a placement does, so a provider cutting places and an officer
 * taking the last place take turns: whichever comes second sees the other's result and gets a 409. The database's
 * own capacity trigger backs this up for any other writer.
 */
@Service
public class HomeEditor {
    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final HomeAvailability availability;

    public HomeEditor(JdbcTemplate jdbc, AuditLog audit, HomeAvailability availability) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.availability = availability;
    }

    /**
     * What to change; null leaves a field as it is. {@code availableFrom} goes with {@code availability}: it is
     * set (or cleared, when null) whenever {@code availability} is given.
     */
    public record Changes(
            String name,
            String kind,
            String provider,
            String authorityCode,
            Double lat,
            Double lon,
            Integer places,
            Integer minAge,
            Integer maxAge,
            String sexes,
            List<String> needsMet,
            Boolean pets,
            Double weeklyCost,
            Availability availability,
            LocalDate availableFrom,
            String providerOrgId) {}

    /** Who may touch which homes: a provider organisation's own, or every home. */
    public record Scope(String providerOrgId) {
        public static final Scope ALL = new Scope(null);
    }

    @Transactional
    public ManagedHome change(
            Viewer viewer, Scope scope, String homeId, Integer expectedVersion, Changes changes, String action) {
        Locked current = lock(scope, homeId);
        requireVersion(current, expectedVersion);
        if (current.availability() == Availability.CLOSED && changes.availability() == null) {
            throw HomeProblems.conflict("Home " + homeId + " is closed; reopen it by setting its availability.");
        }
        if (changes.availability() == Availability.CLOSED) {
            throw HomeProblems.invalid(List.of("availability: a home is closed by closing it, not by editing it"));
        }
        Map<String, String> after = applied(current.columns(), changes);
        HomeRow row = validated(after);
        requireProviderOrg(after.get("provider_org_id"));
        requirePlacesForResidents(homeId, row.places(), current.living());
        write(viewer, homeId, row, after);
        audit.record(viewer.username(), action, homeId, difference(current.columns(), after));
        return read(homeId);
    }

    /** The provider says the vacancy is as shown: nothing else changes. */
    @Transactional
    public ManagedHome confirm(Viewer viewer, Scope scope, String homeId, Integer expectedVersion) {
        Locked current = lock(scope, homeId);
        requireVersion(current, expectedVersion);
        jdbc.update(
                "UPDATE home SET vacancy_confirmed_at = now(), vacancy_confirmed_by = ?, version = version + 1 "
                        + "WHERE home_id = ?",
                viewer.username(),
                homeId);
        audit.record(
                viewer.username(),
                "CONFIRM_VACANCY",
                homeId,
                "places " + current.columns().get("places")
                        + ", " + current.living() + " living there, " + current.availability()
                        + ", previously confirmed " + current.confirmedAt());
        return read(homeId);
    }

    @Transactional
    public ManagedHome create(Viewer viewer, String homeId, Changes changes) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (String column : List.of(
                "home_id",
                "name",
                "kind",
                "provider",
                "authority_code",
                "lat",
                "lon",
                "places",
                "min_age",
                "max_age",
                "sexes",
                "needs_met",
                "pets",
                "weekly_cost",
                "availability",
                "available_from",
                "provider_org_id")) {
            columns.put(column, null);
        }
        columns.put("home_id", homeId);
        Map<String, String> after = applied(columns, changes);
        HomeRow row = validated(after);
        requireProviderOrg(after.get("provider_org_id"));
        if (!jdbc.queryForList("SELECT 1 FROM home WHERE home_id = ?", homeId).isEmpty()) {
            throw HomeProblems.conflict("A home " + homeId + " already exists; edit it instead.");
        }
        jdbc.update(
                "INSERT INTO home (home_id, kind, provider, authority_code, lat, lon, places, min_age, max_age, "
                        + "sexes, weekly_cost) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                homeId,
                row.kind().name(),
                row.provider().name(),
                row.authorityCode(),
                row.lat(),
                row.lon(),
                row.places(),
                row.minAge(),
                row.maxAge(),
                row.sexes().name(),
                java.math.BigDecimal.valueOf(row.weeklyCost()));
        write(viewer, homeId, row, after);
        audit.record(viewer.username(), "CREATE_HOME", homeId, difference(Map.of(), after));
        return read(homeId);
    }

    /** A home with children living there cannot close: they would have nowhere recorded to live. */
    @Transactional
    public ManagedHome close(Viewer viewer, String homeId, Integer expectedVersion) {
        Locked current = lock(Scope.ALL, homeId);
        requireVersion(current, expectedVersion);
        if (current.living() > 0) {
            throw HomeProblems.conflict(current.living() + " child(ren) live in home " + homeId
                    + ". Move them to other homes before closing it.");
        }
        if (current.availability() == Availability.CLOSED) {
            throw HomeProblems.conflict("Home " + homeId + " is already closed.");
        }
        jdbc.update(
                "UPDATE home SET availability = 'CLOSED', available_from = NULL, version = version + 1 "
                        + "WHERE home_id = ?",
                homeId);
        audit.record(viewer.username(), "CLOSE_HOME", homeId, "availability: " + current.availability() + " -> CLOSED");
        return read(homeId);
    }

    public ManagedHome read(String homeId) {
        return jdbc.query(MANAGED_HOMES + " WHERE h.home_id = ?", (rs, i) -> managed(rs), homeId).stream()
                .findFirst()
                .orElseThrow(() -> HomeProblems.notFound("no home " + homeId));
    }

    public List<ManagedHome> ofProvider(String providerOrgId) {
        return jdbc.query(
                MANAGED_HOMES + " WHERE h.provider_org_id = ? ORDER BY h.home_id",
                (rs, i) -> managed(rs),
                providerOrgId);
    }

    /** Homes whose vacancy has not been confirmed for longer than the configured days, oldest first. */
    public List<ManagedHome> stale() {
        return jdbc.query(
                MANAGED_HOMES + " WHERE h.vacancy_confirmed_at < ? AND h.availability <> 'CLOSED' "
                        + "ORDER BY h.vacancy_confirmed_at, h.home_id",
                (rs, i) -> managed(rs),
                Timestamp.from(availability.staleBefore(HomeAvailability.today())));
    }

    private static final String MANAGED_HOMES = """
            SELECT h.*, (SELECT count(*) FROM child c WHERE c.current_home_id = h.home_id) AS occupied FROM home h""";

    private ManagedHome managed(ResultSet rs) throws SQLException {
        int places = rs.getInt("places");
        int occupied = rs.getInt("occupied");
        java.sql.Date from = rs.getDate("available_from");
        Timestamp confirmed = rs.getTimestamp("vacancy_confirmed_at");
        java.sql.Array needs = rs.getArray("needs_met");
        return new ManagedHome(
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
                new TreeSet<>(Arrays.stream((Object[]) needs.getArray())
                        .map(String::valueOf)
                        .toList()),
                rs.getBoolean("pets"),
                rs.getBigDecimal("weekly_cost").doubleValue(),
                rs.getBoolean("available"),
                rs.getString("availability"),
                from == null ? null : from.toLocalDate(),
                confirmed.toInstant(),
                rs.getString("vacancy_confirmed_by"),
                availability.isStale(confirmed.toInstant(), HomeAvailability.today()),
                rs.getString("provider_org_id"),
                rs.getInt("version"));
    }

    private record Locked(
            Map<String, String> columns,
            Availability availability,
            int version,
            int living,
            java.time.Instant confirmedAt) {}

    /** Locks the home's row until commit; a home outside the scope is as absent as one that does not exist. */
    private Locked lock(Scope scope, String homeId) {
        String sql = "SELECT * FROM home WHERE home_id = ?"
                + (scope.providerOrgId() == null ? "" : " AND provider_org_id = ?") + " FOR UPDATE";
        Object[] args =
                scope.providerOrgId() == null ? new Object[] {homeId} : new Object[] {homeId, scope.providerOrgId()};
        Locked locked = jdbc
                .query(
                        sql,
                        (rs, i) -> new Locked(
                                columns(rs),
                                Availability.valueOf(rs.getString("availability")),
                                rs.getInt("version"),
                                0,
                                rs.getTimestamp("vacancy_confirmed_at").toInstant()),
                        args)
                .stream()
                .findFirst()
                .orElseThrow(() -> HomeProblems.notFound("no home " + homeId + " that you may change"));
        int living = jdbc.queryForObject("SELECT count(*) FROM child WHERE current_home_id = ?", Integer.class, homeId);
        return new Locked(locked.columns(), locked.availability(), locked.version(), living, locked.confirmedAt());
    }

    private static void requireVersion(Locked current, Integer expectedVersion) {
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw HomeProblems.conflict("The home was changed by someone else since you read it (version "
                    + expectedVersion + ", now " + current.version() + "). Reload it and try again.");
        }
    }

    private static void requirePlacesForResidents(String homeId, int places, int living) {
        if (places < living) {
            throw HomeProblems.conflict(living + " child(ren) live in home " + homeId + " now, so its places cannot "
                    + "go below " + living + " (asked for " + places + ").");
        }
    }

    private void requireProviderOrg(String providerOrgId) {
        if (providerOrgId != null
                && jdbc.queryForList("SELECT 1 FROM provider_org WHERE provider_org_id = ?", providerOrgId)
                        .isEmpty()) {
            throw HomeProblems.invalid(List.of("providerOrgId: no provider organisation '" + providerOrgId + "'"));
        }
    }

    /** The row as exchange-format columns (needs joined by ';'), plus the provider's status columns. */
    private static Map<String, String> columns(ResultSet rs) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("home_id", rs.getString("home_id"));
        columns.put("name", rs.getString("name"));
        for (String column :
                List.of("kind", "provider", "authority_code", "lat", "lon", "places", "min_age", "max_age", "sexes")) {
            columns.put(column, rs.getString(column));
        }
        columns.put("pets", String.valueOf(rs.getBoolean("pets")));
        columns.put(
                "needs_met",
                String.join(
                        ";",
                        new TreeSet<>(Arrays.stream(
                                        (Object[]) rs.getArray("needs_met").getArray())
                                .map(String::valueOf)
                                .toList())));
        columns.put(
                "weekly_cost",
                rs.getBigDecimal("weekly_cost").stripTrailingZeros().toPlainString());
        columns.put("availability", rs.getString("availability"));
        java.sql.Date from = rs.getDate("available_from");
        columns.put("available_from", from == null ? null : from.toLocalDate().toString());
        columns.put("provider_org_id", rs.getString("provider_org_id"));
        return columns;
    }

    private static Map<String, String> applied(Map<String, String> before, Changes c) {
        Map<String, String> after = new LinkedHashMap<>(before);
        put(after, "name", c.name());
        put(after, "kind", c.kind());
        put(after, "provider", c.provider());
        put(after, "authority_code", c.authorityCode());
        put(after, "lat", c.lat());
        put(after, "lon", c.lon());
        put(after, "places", c.places());
        put(after, "min_age", c.minAge());
        put(after, "max_age", c.maxAge());
        put(after, "sexes", c.sexes());
        if (c.needsMet() != null) {
            after.put(
                    "needs_met",
                    String.join(
                            ";",
                            new TreeSet<>(c.needsMet().stream()
                                    .filter(Objects::nonNull)
                                    .map(String::trim)
                                    .toList())));
        }
        put(after, "pets", c.pets());
        put(after, "weekly_cost", c.weeklyCost());
        if (c.availability() != null) {
            after.put("availability", c.availability().name());
            after.put(
                    "available_from",
                    c.availableFrom() == null ? null : c.availableFrom().toString());
        }
        if (after.get("availability") == null) {
            after.put("availability", Availability.AVAILABLE.name());
        }
        put(after, "provider_org_id", c.providerOrgId());
        return after;
    }

    private static void put(Map<String, String> columns, String column, Object value) {
        if (value != null) {
            columns.put(
                    column,
                    value instanceof Double d && d == Math.rint(d) && !d.isInfinite() && column.equals("weekly_cost")
                            ? String.valueOf(d.longValue())
                            : String.valueOf(value));
        }
    }

    /** The import's rules, with errors named by the column and the API's field name. */
    private static HomeRow validated(Map<String, String> columns) {
        Map<String, String> exchange = new LinkedHashMap<>(columns);
        exchange.remove("availability");
        exchange.remove("available_from");
        exchange.remove("provider_org_id");
        exchange.put("available", String.valueOf(Availability.AVAILABLE.name().equals(columns.get("availability"))));
        try {
            return ExchangeReader.home(exchange);
        } catch (InvalidDatasetException e) {
            List<String> errors = new ArrayList<>();
            e.errors().forEach(error -> errors.add(error.column() + ": " + error.message()));
            throw HomeProblems.invalid(errors);
        }
    }

    private void write(Viewer viewer, String homeId, HomeRow row, Map<String, String> after) {
        String from = after.get("available_from");
        jdbc.update(
                """
                UPDATE home SET name = ?, kind = ?, provider = ?, authority_code = ?, lat = ?, lon = ?, places = ?,
                    min_age = ?, max_age = ?, sexes = ?, needs_met = ?::text[], pets = ?, weekly_cost = ?,
                    availability = ?, available_from = ?, provider_org_id = ?, vacancy_confirmed_at = now(),
                    vacancy_confirmed_by = ?, version = version + 1
                WHERE home_id = ?""",
                row.name(),
                row.kind().name(),
                row.provider().name(),
                row.authorityCode(),
                row.lat(),
                row.lon(),
                row.places(),
                row.minAge(),
                row.maxAge(),
                row.sexes().name(),
                "{"
                        + String.join(
                                ",",
                                row.needsMet().stream().map(Enum::name).sorted().toList()) + "}",
                row.pets(),
                java.math.BigDecimal.valueOf(row.weeklyCost()),
                after.get("availability"),
                from == null ? null : java.sql.Date.valueOf(from),
                after.get("provider_org_id"),
                viewer.username(),
                homeId);
    }

    /** "places: 3 -> 2; availability: AVAILABLE -> ON_HOLD", or "no change" (a confirmation). */
    static String difference(Map<String, String> before, Map<String, String> after) {
        List<String> changed = new ArrayList<>();
        after.forEach((column, value) -> {
            String old = before.get(column);
            if (!Objects.equals(old, value)) {
                changed.add(column + ": " + old + " -> " + value);
            }
        });
        return changed.isEmpty() ? "no change" : String.join("; ", changed);
    }
}
