package uk.rcc.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;
import uk.rcc.registry.RegistryVersion.Versioned;

/**
 * Every home with its version and the children living there, read once per registry version and shared by the
 * homes map data and the shortlist, which both need all of it on every request. Holds children's records, so
 * only code that scopes by viewer before showing anything about a child may use it.
 */
@Service
public class RegistrySnapshot {
    private final JdbcTemplate jdbc;
    private final RegistryVersion.Cached<List<PlacedHome>> homes;

    public RegistrySnapshot(JdbcTemplate jdbc, RegistryVersion registry) {
        this.jdbc = jdbc;
        this.homes = registry.cache(this::load);
    }

    /** A home as it stands: its row, its version (for optimistic checks) and who lives there. */
    public record PlacedHome(HomeRow row, int version, List<ChildRow> residents) {
        public int vacancies() {
            return row.places() - residents.size();
        }
    }

    /** All homes by id, as of the registry version it carries. */
    public Versioned<List<PlacedHome>> homes() {
        return homes.get();
    }

    private List<PlacedHome> load() {
        List<ChildRow> placed = new ArrayList<>();
        jdbc.query("SELECT * FROM child WHERE current_home_id IS NOT NULL", rs -> {
            placed.add(RegistryStore.childRow(rs));
        });
        Map<String, Integer> versions = new HashMap<>();
        List<HomeRow> rows = jdbc.query("SELECT * FROM home ORDER BY home_id", (rs, i) -> {
            HomeRow row = RegistryStore.homeRow(rs);
            versions.put(row.homeId(), rs.getInt("version"));
            return row;
        });
        return placedHomes(rows, versions::get, placed);
    }

    /**
     * Each home in the order given, with its version and the children among {@code children} whose current home it
     * is: what {@link #homes()} holds, built from rows in memory (the benchmark builds it from a generated data set).
     */
    public static List<PlacedHome> placedHomes(
            List<HomeRow> homes, ToIntFunction<String> versions, List<ChildRow> children) {
        Map<String, List<ChildRow>> residents = new HashMap<>();
        for (ChildRow child : children) {
            if (child.currentHomeId() != null) {
                residents
                        .computeIfAbsent(child.currentHomeId(), h -> new ArrayList<>())
                        .add(child);
            }
        }
        return List.copyOf(homes.stream()
                .map(row -> new PlacedHome(
                        row,
                        versions.applyAsInt(row.homeId()),
                        List.copyOf(residents.getOrDefault(row.homeId(), List.of()))))
                .toList());
    }
}
