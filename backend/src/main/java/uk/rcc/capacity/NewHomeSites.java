package uk.rcc.capacity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.rcc.exchange.Codes.HomeKind;
import uk.rcc.exchange.Codes.Need;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeDataset.AuthorityRow;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;

/**
 * Where a new home could be, and what it would be registered for. Each kind's registration is the registry's
 * typical home of that kind (the commonest age range, sexes, places and provider; the needs that most homes of the
 * kind meet; the median weekly cost), so a new home is priced as one more home like those the co-operative
 * already commissions. Sites are the member councils' centres and the centres of the grid cells where the
 * family homes of waiting children cluster.
 */
final class NewHomeSites {
    /** A grid cell of about 20 km: a new home there is within reach of the families in it. */
    static final double CELL_DEGREES = 0.2;
    /** Cells with the most waiting children's family homes that become sites. */
    static final int CLUSTER_SITES = 10;
    /** A cell names a cluster only with this many families in it, so no site points at one family's home. */
    static final int MIN_FAMILIES = 3;

    static final String ID_PREFIX = "NEW-";

    /** A possible site: where, and the council the home would be in. */
    record Site(String name, double lat, double lon, String authorityCode) {}

    private NewHomeSites() {}

    /** The registry's typical home of each kind it has, at no site yet. */
    static Map<HomeKind, HomeRow> registrations(ExchangeDataset dataset) {
        Map<HomeKind, HomeRow> typical = new java.util.EnumMap<>(HomeKind.class);
        Map<HomeKind, List<HomeRow>> byKind = dataset.homes().stream().collect(Collectors.groupingBy(HomeRow::kind));
        byKind.forEach((kind, rows) -> {
            Set<Need> needs = EnumSet.noneOf(Need.class);
            for (Need need : Need.values()) {
                if (rows.stream().filter(row -> row.needsMet().contains(need)).count() * 2 > rows.size()) {
                    needs.add(need);
                }
            }
            List<Double> costs = rows.stream().map(HomeRow::weeklyCost).sorted().toList();
            List<Integer> ages = mode(rows, row -> List.of(row.minAge(), row.maxAge()));
            typical.put(
                    kind,
                    new HomeRow(
                            "",
                            "",
                            kind,
                            mode(rows, HomeRow::provider),
                            "",
                            0,
                            0,
                            mode(rows, HomeRow::places),
                            ages.get(0),
                            ages.get(1),
                            mode(rows, HomeRow::sexes),
                            needs,
                            rows.stream().filter(HomeRow::pets).count() * 2 > rows.size(),
                            costs.get(costs.size() / 2),
                            true));
        });
        return typical;
    }

    private static <T> T mode(List<HomeRow> rows, Function<HomeRow, T> key) {
        Map<T, Long> counts = rows.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
        return counts.entrySet().stream()
                .max(Map.Entry.<T, Long>comparingByValue()
                        .thenComparing(e -> e.getKey().toString(), Comparator.reverseOrder()))
                .orElseThrow()
                .getKey();
    }

    /**
     * The member councils' centres, then the centres of the cells holding most of the given children's family
     * homes (each in the council most of those children belong to).
     */
    static List<Site> sites(ExchangeDataset dataset, List<ChildRow> waiting) {
        List<Site> sites = new ArrayList<>();
        for (AuthorityRow council : dataset.authorities()) {
            sites.add(new Site(council.name(), council.lat(), council.lon(), council.authorityCode()));
        }
        Map<String, List<ChildRow>> cells = new HashMap<>();
        for (ChildRow child : waiting) {
            cells.computeIfAbsent(
                            Math.floor(child.homeLat() / CELL_DEGREES) + ":"
                                    + Math.floor(child.homeLon() / CELL_DEGREES),
                            c -> new ArrayList<>())
                    .add(child);
        }
        cells.entrySet().stream()
                .filter(cell -> cell.getValue().size() >= MIN_FAMILIES)
                .sorted(Comparator.<Map.Entry<String, List<ChildRow>>>comparingInt(
                                e -> -e.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .limit(CLUSTER_SITES)
                .forEach(cell -> {
                    List<ChildRow> families = cell.getValue();
                    double lat = families.stream()
                            .mapToDouble(ChildRow::homeLat)
                            .average()
                            .orElseThrow();
                    double lon = families.stream()
                            .mapToDouble(ChildRow::homeLon)
                            .average()
                            .orElseThrow();
                    String council = families.stream()
                            .collect(Collectors.groupingBy(ChildRow::authorityCode, Collectors.counting()))
                            .entrySet()
                            .stream()
                            .max(Map.Entry.<String, Long>comparingByValue()
                                    .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                            .orElseThrow()
                            .getKey();
                    sites.add(new Site(
                            families.size() + " waiting families near " + round(lat) + ", " + round(lon),
                            round(lat),
                            round(lon),
                            council));
                });
        return sites;
    }

    /** About 1 km: a site is an area, and children's family homes must not be recoverable from it. */
    private static double round(double degrees) {
        return Math.round(degrees * 100) / 100.0;
    }

    /** A new home of the registration at the site, with a fresh id. */
    static HomeRow at(HomeRow registration, Site site, int number) {
        return new HomeRow(
                ID_PREFIX + registration.kind() + "-" + number,
                "New " + registration.kind() + " at " + site.name(),
                registration.kind(),
                registration.provider(),
                site.authorityCode(),
                site.lat(),
                site.lon(),
                registration.places(),
                registration.minAge(),
                registration.maxAge(),
                registration.sexes(),
                registration.needsMet(),
                registration.pets(),
                registration.weeklyCost(),
                true);
    }
}
