package uk.rcc.sufficiency;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import uk.rcc.exchange.Codes.HomeKind;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;
import uk.rcc.exchange.ExchangeWriter;
import uk.rcc.matching.policy.Geo;

/**
 * Places today, from the registry (exchange format v1): homes, places, children living there and vacancies by
 * placement category and council, for the member councils and the co-operative (ALL). Homes in areas outside the
 * member councils are listed as OUTSIDE and not counted in the co-operative's supply.
 *
 * <p>It also keeps today's share of the co-operative's children placed outside the member councils' areas or more
 * than 20 miles from home, by council and category; the gap uses it to estimate how many children will be placed
 * out of area or far away if nothing changes.
 */
public final class Supply {
    public static final String OUTSIDE = "OUTSIDE";
    public static final Supply NONE = new Supply(Map.of());
    /** The categories the registry holds places for; the others (kinship, with parents...) are not planned as places. */
    public static final List<Category> PLANNED = List.of(Category.FOSTER, Category.RESIDENTIAL, Category.SUPPORTED);

    /** One council's (or ALL's, or OUTSIDE's) places of one category. */
    public record Line(
            String authority,
            Category category,
            int homes,
            int places,
            int occupied,
            int vacancies,
            int placedChildren,
            int placedOutsideOrFar,
            double weeklyCostTotal) {

        /** Share of the council's children in this kind of place who live outside the members' areas or far away. */
        public double outsideShare() {
            return placedChildren == 0 ? 0 : placedOutsideOrFar / (double) placedChildren;
        }

        public double meanWeeklyCost() {
            return places == 0 ? 0 : weeklyCostTotal / places;
        }

        Line plus(Line other) {
            return new Line(
                    authority,
                    category,
                    homes + other.homes,
                    places + other.places,
                    occupied + other.occupied,
                    vacancies + other.vacancies,
                    placedChildren + other.placedChildren,
                    placedOutsideOrFar + other.placedOutsideOrFar,
                    weeklyCostTotal + other.weeklyCostTotal);
        }
    }

    /**
     * Foster supply ahead: foster places approved and lost to resignations per year across the co-operative,
     * shared among the councils in proportion to the foster places they have today.
     */
    public record Projection(double approvalsPerYear, double resignationsPerYear) {
        public static final Projection NONE = new Projection(0, 0);

        public Projection {
            if (approvalsPerYear < 0 || resignationsPerYear < 0) {
                throw new IllegalArgumentException("carer approvals and resignations per year cannot be negative");
            }
        }
    }

    private final Map<String, Line> lines;

    private Supply(Map<String, Line> lines) {
        this.lines = lines;
    }

    public static Supply of(ExchangeDataset registry) {
        Set<String> members = new HashSet<>();
        registry.authorities().forEach(a -> members.add(a.authorityCode()));
        Map<String, HomeRow> homes = new HashMap<>();
        registry.homes().forEach(h -> homes.put(h.homeId(), h));
        Map<String, Integer> living = new HashMap<>();
        registry.children().stream()
                .filter(c -> c.currentHomeId() != null)
                .forEach(c -> living.merge(c.currentHomeId(), 1, Integer::sum));
        Map<String, Line> lines = new TreeMap<>();
        for (HomeRow home : registry.homes()) {
            String authority = members.contains(home.authorityCode()) ? home.authorityCode() : OUTSIDE;
            int occupied = living.getOrDefault(home.homeId(), 0);
            int vacancies = home.available() ? Math.max(0, home.places() - occupied) : 0;
            add(
                    lines,
                    new Line(
                            authority,
                            category(home.kind()),
                            1,
                            home.places(),
                            occupied,
                            vacancies,
                            0,
                            0,
                            home.weeklyCost() * home.places()));
        }
        for (ChildRow child : registry.children()) {
            HomeRow home = child.currentHomeId() == null ? null : homes.get(child.currentHomeId());
            if (home != null) {
                boolean outside = !members.contains(home.authorityCode())
                        || Geo.haversineKm(child.homeLat(), child.homeLon(), home.lat(), home.lon())
                                > Geo.TWENTY_MILES_KM;
                add(lines, new Line(child.authorityCode(), category(home.kind()), 0, 0, 0, 0, 1, outside ? 1 : 0, 0));
            }
        }
        Map<String, Line> withTotals = new TreeMap<>(lines);
        for (Line line : lines.values()) {
            if (!line.authority().equals(OUTSIDE)) {
                add(
                        withTotals,
                        new Line(
                                Forecast.ALL,
                                line.category(),
                                line.homes(),
                                line.places(),
                                line.occupied(),
                                line.vacancies(),
                                line.placedChildren(),
                                line.placedOutsideOrFar(),
                                line.weeklyCostTotal()));
            }
        }
        return new Supply(withTotals);
    }

    /** Reads back what {@link #csv()} wrote (for scenarios added to a stored run, and {@code --supply FILE}). */
    public static Supply parse(String csv) {
        Map<String, Line> lines = new TreeMap<>();
        try (CSVParser parser = CSVParser.parse(
                new StringReader(csv),
                CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get())) {
            for (CSVRecord r : parser) {
                int places = Integer.parseInt(r.get("places"));
                add(
                        lines,
                        new Line(
                                r.get("authority"),
                                Category.valueOf(r.get("category")),
                                Integer.parseInt(r.get("homes")),
                                places,
                                Integer.parseInt(r.get("occupied")),
                                Integer.parseInt(r.get("vacancies")),
                                Integer.parseInt(r.get("placed_children")),
                                Integer.parseInt(r.get("placed_outside_or_far")),
                                Double.parseDouble(r.get("mean_weekly_cost")) * places));
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a supply.csv as the forecast writes it: " + e.getMessage(), e);
        }
        return new Supply(lines);
    }

    public static Category category(HomeKind kind) {
        return switch (kind) {
            case FOSTER -> Category.FOSTER;
            case CHILDRENS_HOME -> Category.RESIDENTIAL;
            case SUPPORTED -> Category.SUPPORTED;
        };
    }

    public boolean known() {
        return !lines.isEmpty();
    }

    public Line line(String authority, Category category) {
        return lines.getOrDefault(authority + "|" + category, new Line(authority, category, 0, 0, 0, 0, 0, 0, 0));
    }

    /**
     * Places of a category {@code monthsAhead} from today: constant for children's homes and supported
     * accommodation; foster places change by the net approvals (plus a scenario's recruitment) per year.
     */
    public double projected(
            String authority, Category category, int monthsAhead, Projection projection, double recruitmentPerYear) {
        double today = line(authority, category).places();
        if (category != Category.FOSTER) {
            return today;
        }
        double netPerYear = projection.approvalsPerYear() - projection.resignationsPerYear() + recruitmentPerYear;
        return Math.max(0, today + fosterShare(authority) * netPerYear * monthsAhead / 12.0);
    }

    /** A council's share of the co-operative's foster places (equal shares when there are none yet). */
    double fosterShare(String authority) {
        if (authority.equals(Forecast.ALL)) {
            return 1;
        }
        List<String> councils = councils();
        double all = line(Forecast.ALL, Category.FOSTER).places();
        if (all == 0) {
            return councils.contains(authority) ? 1.0 / councils.size() : 0;
        }
        return line(authority, Category.FOSTER).places() / all;
    }

    /** Today's share placed outside or far: the council's own for the category, else the co-operative's. */
    public double outsideShare(String authority, Category category) {
        Line own = line(authority, category);
        return own.placedChildren() > 0
                ? own.outsideShare()
                : line(Forecast.ALL, category).outsideShare();
    }

    /** Member councils with places or placed children in the registry. */
    public List<String> councils() {
        return lines.values().stream()
                .map(Line::authority)
                .filter(a -> !a.equals(Forecast.ALL) && !a.equals(OUTSIDE))
                .distinct()
                .sorted()
                .toList();
    }

    /** Weekly cost by category: the registry's places-weighted mean where it has homes, else the defaults. */
    public Map<Category, Double> weeklyCosts(Map<Category, Double> defaults) {
        Map<Category, Double> costs = new EnumMap<>(defaults);
        for (Category category : PLANNED) {
            Line all = line(Forecast.ALL, category);
            if (all.places() > 0) {
                costs.put(category, Math.round(all.meanWeeklyCost() * 100) / 100.0);
            }
        }
        return costs;
    }

    public byte[] csv() {
        List<Line> rows = new ArrayList<>(lines.values());
        return ExchangeWriter.csv(
                List.of(
                        "authority",
                        "category",
                        "homes",
                        "places",
                        "occupied",
                        "vacancies",
                        "placed_children",
                        "placed_outside_or_far",
                        "outside_share",
                        "mean_weekly_cost"),
                rows,
                line -> List.of(
                        line.authority(),
                        line.category().name(),
                        line.homes(),
                        line.places(),
                        line.occupied(),
                        line.vacancies(),
                        line.placedChildren(),
                        line.placedOutsideOrFar(),
                        Math.round(line.outsideShare() * 1000) / 1000.0,
                        Math.round(line.meanWeeklyCost() * 100) / 100.0));
    }

    private static void add(Map<String, Line> lines, Line line) {
        lines.merge(line.authority() + "|" + line.category(), line, Line::plus);
    }

    /** For tests and summaries: every line by key. */
    Map<String, Line> lines() {
        return new LinkedHashMap<>(lines);
    }
}
