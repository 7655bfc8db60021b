package uk.rcc.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import uk.rcc.exchange.ExchangeDataset.AvoidZoneRow;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;

/** Single registry rows in exchange-format shape, for rule checks inside a service's transaction. */
@Repository
public class RegistryRows {
    private final JdbcTemplate jdbc;

    public RegistryRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public LocalDate asOf() {
        return jdbc
                .query(
                        "SELECT as_of FROM cooperative WHERE id = 1",
                        (rs, i) -> rs.getDate(1).toLocalDate())
                .stream()
                .findFirst()
                .orElse(LocalDate.now());
    }

    public Optional<ChildRow> child(String childId) {
        return jdbc
                .query("SELECT * FROM child WHERE child_id = ?", (rs, i) -> RegistryStore.childRow(rs), childId)
                .stream()
                .findFirst();
    }

    public Optional<HomeRow> home(String homeId) {
        return jdbc.query("SELECT * FROM home WHERE home_id = ?", (rs, i) -> RegistryStore.homeRow(rs), homeId).stream()
                .findFirst();
    }

    public List<ChildRow> childrenLivingIn(String homeId) {
        return jdbc.query(
                "SELECT * FROM child WHERE current_home_id = ?", (rs, i) -> RegistryStore.childRow(rs), homeId);
    }

    public List<uk.rcc.exchange.ExchangeDataset.KeyPlaceRow> keyPlaces(String childId) {
        return jdbc.query(
                "SELECT child_id, lat, lon, kind, visits_per_month FROM key_place WHERE child_id = ?",
                (rs, i) -> new uk.rcc.exchange.ExchangeDataset.KeyPlaceRow(
                        rs.getString(1),
                        rs.getDouble(2),
                        rs.getDouble(3),
                        uk.rcc.exchange.Codes.KeyPlaceKind.valueOf(rs.getString(4)),
                        rs.getDouble(5)),
                childId);
    }

    public List<AvoidZoneRow> avoidZones(String childId) {
        return jdbc.query(
                "SELECT child_id, lat, lon, radius_km, reason FROM avoid_zone WHERE child_id = ?",
                (rs, i) -> new AvoidZoneRow(
                        rs.getString(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getString(5)),
                childId);
    }
}
