package uk.rcc.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import uk.rcc.demo.Places.Council;
import uk.rcc.demo.Places.Town;
import uk.rcc.exchange.Codes.Alongside;
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

/**
 * Deterministic synthetic co-operatives (same spec, same data set) whose shape follows national figures:
 * DfE "Children looked after in England" 2024 (83,630 looked after; ages: 5% under 1, 14% 1–4, 18% 5–9,
 * 38% 10–15, 25% 16+; 56% boys; ~70% fostered, ~11% in children's homes; ~8% unaccompanied asylum-seeking),
 * Ofsted and CMA figures on costs (council foster ~£400 a week, agency £750–1,100, children's homes
 * £4,000–14,000, mean ~£6,100) and the share of children's homes places outside a council's own area.
 * No real child is described; identifiers are generated pseudonyms.
 */
public final class DemoCooperativeGenerator {

    /** Where the councils come from. */
    public enum Scope {
        NORTHERN,
        NATIONAL
    }

    /**
     * What to generate.
     *
     * @param awaitingShare share of children awaiting a placement (the rest are placed where a valid home exists)
     * @param mayMoveShare  share of placed children whose planned move is allowed
     */
    public record Spec(
            int children,
            int homes,
            double awaitingShare,
            double mayMoveShare,
            Scope scope,
            long seed,
            LocalDate asOf) {

        public static Spec demo(int children, int homes, long seed, LocalDate asOf) {
            return new Spec(children, homes, 0.12, 0.03, Scope.NORTHERN, seed, asOf);
        }
    }

    private final Spec spec;
    private final Random random;
    private final List<Council> members;
    private final List<Council> neighbours;
    private final List<HomeRow> homes = new ArrayList<>();
    private final List<ChildRow> children = new ArrayList<>();
    private final List<AvoidZoneRow> avoidZones = new ArrayList<>();
    private final List<KeyPlaceRow> keyPlaces = new ArrayList<>();
    private final Occupancy occupancy;
    private int siblingGroups;
    private int childNumber;

    private DemoCooperativeGenerator(Spec spec) {
        this.spec = spec;
        this.random = new Random(spec.seed());
        this.occupancy = new Occupancy(spec.asOf());
        if (spec.scope() == Scope.NATIONAL) {
            members = new ArrayList<>(Places.NORTHERN_MEMBERS);
            members.addAll(Places.NORTHERN_NEIGHBOURS);
            members.addAll(Places.NATIONAL_EXTRA);
            neighbours = List.of();
        } else {
            members = Places.NORTHERN_MEMBERS;
            neighbours = Places.NORTHERN_NEIGHBOURS;
        }
    }

    public static ExchangeDataset generate(Spec spec) {
        return new DemoCooperativeGenerator(spec).build();
    }

    private ExchangeDataset build() {
        for (int i = 1; i <= spec.homes(); i++) {
            homes.add(home(String.format("H%05d", i)));
        }
        while (children.size() < spec.children()) {
            addFamily();
        }
        List<AuthorityRow> authorities = members.stream()
                .map(c -> new AuthorityRow(
                        c.code(), c.name(), c.centre().lat(), c.centre().lon()))
                .toList();
        String name = spec.scope() == Scope.NATIONAL
                ? "National benchmark co-operative"
                : "North East and Cumbria Care Co-operative (demo)";
        return new ExchangeDataset(spec.asOf(), name, authorities, homes, children, avoidZones, keyPlaces);
    }

    // ---- homes --------------------------------------------------------------------------------------------

    private HomeRow home(String id) {
        double draw = random.nextDouble();
        HomeKind kind = draw < 0.78 ? HomeKind.FOSTER : draw < 0.93 ? HomeKind.CHILDRENS_HOME : HomeKind.SUPPORTED;
        return switch (kind) {
            case FOSTER -> fosterHome(id);
            case CHILDRENS_HOME -> childrensHome(id);
            case SUPPORTED -> supportedAccommodation(id);
        };
    }

    private HomeRow fosterHome(String id) {
        boolean independent = random.nextDouble() < 0.4;
        Council council = independent && chance(0.1) && !neighbours.isEmpty() ? pick(neighbours) : pick(members);
        double[] at = near(town(council), 6);
        int places = weighted(new int[] {1, 2, 3, 4}, new double[] {0.45, 0.35, 0.15, 0.05});
        int[][] ranges = {{0, 5}, {0, 10}, {0, 17}, {5, 17}, {8, 17}, {11, 17}};
        int[] range = ranges[random.nextInt(ranges.length)];
        Set<Need> needs = needs(Map.of(
                Need.EMOTIONAL,
                0.35,
                Need.DISABILITY,
                0.12,
                Need.UASC,
                0.15,
                Need.SELF_HARM,
                0.15,
                Need.GOING_MISSING,
                0.15,
                Need.EXPLOITATION_RISK,
                0.08,
                Need.MAKATON,
                0.06,
                Need.BSL,
                0.03,
                Need.ADAPTATIONS,
                0.05,
                Need.PARENT_AND_CHILD,
                0.04));
        if (chance(0.04)) {
            needs.add(Need.HSB);
        }
        double cost = independent ? 750 + random.nextInt(351) : 350 + random.nextInt(101);
        return new HomeRow(
                id,
                "Foster household " + id.substring(1),
                HomeKind.FOSTER,
                independent ? Provider.INDEPENDENT : Provider.IN_HOUSE,
                council.code(),
                at[0],
                at[1],
                places,
                range[0],
                range[1],
                SexesAccepted.ANY,
                needs,
                chance(0.4),
                cost,
                chance(0.93));
    }

    private HomeRow childrensHome(String id) {
        double draw = random.nextDouble();
        Provider provider = draw < 0.8 ? Provider.INDEPENDENT : draw < 0.95 ? Provider.IN_HOUSE : Provider.COOPERATIVE;
        Council council = provider == Provider.INDEPENDENT && chance(0.3) && !neighbours.isEmpty()
                ? pick(neighbours)
                : pick(members);
        double[] at = near(town(council), 8);
        Set<Need> needs = needs(Map.of(
                Need.EMOTIONAL,
                0.9,
                Need.SELF_HARM,
                0.7,
                Need.GOING_MISSING,
                0.75,
                Need.EXPLOITATION_RISK,
                0.6,
                Need.HSB,
                0.25,
                Need.FIRE_SETTING,
                0.2,
                Need.DISABILITY,
                0.15,
                Need.ADAPTATIONS,
                0.08,
                Need.UASC,
                0.1));
        SexesAccepted sexes = chance(0.8) ? SexesAccepted.ANY : chance(0.5) ? SexesAccepted.M : SexesAccepted.F;
        double cost = Math.min(14_000, Math.max(4_000, Math.round(6_100 * Math.exp(random.nextGaussian() * 0.3))));
        return new HomeRow(
                id,
                "Children's home " + id.substring(1),
                HomeKind.CHILDRENS_HOME,
                provider,
                council.code(),
                at[0],
                at[1],
                2 + random.nextInt(5),
                chance(0.3) ? 8 : 10,
                17,
                sexes,
                needs,
                false,
                cost,
                chance(0.95));
    }

    private HomeRow supportedAccommodation(String id) {
        Council council = pick(members);
        double[] at = near(town(council), 5);
        Set<Need> needs = needs(
                Map.of(Need.UASC, 0.5, Need.EMOTIONAL, 0.3, Need.PARENT_AND_CHILD, 0.15, Need.GOING_MISSING, 0.2));
        return new HomeRow(
                id,
                "Supported accommodation " + id.substring(1),
                HomeKind.SUPPORTED,
                chance(0.7) ? Provider.INDEPENDENT : Provider.IN_HOUSE,
                council.code(),
                at[0],
                at[1],
                2 + random.nextInt(7),
                16,
                17,
                SexesAccepted.ANY,
                needs,
                false,
                800 + random.nextInt(1701),
                chance(0.95));
    }

    // ---- children -----------------------------------------------------------------------------------------

    /** One child, or a sibling group of two to four from the same family home. */
    private void addFamily() {
        Council council = pick(members);
        double[] familyHome = near(town(council), 4);
        int size = chance(0.7) ? 1 : weighted(new int[] {2, 3, 4}, new double[] {0.6, 0.3, 0.1});
        size = Math.min(size, spec.children() - children.size());
        String group = size > 1 ? String.format("S%04d", ++siblingGroups) : null;
        int eldest = age();
        boolean awaiting = chance(spec.awaitingShare());
        List<ChildRow> family = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int age = i == 0 ? eldest : siblingAge(eldest);
            family.add(child(council, familyHome, age, group, size > 1));
        }
        if (awaiting) {
            family.forEach(child -> children.add(withNeededBy(child)));
        } else {
            placeFamily(family);
        }
    }

    private ChildRow child(Council council, double[] familyHome, int age, String group, boolean sibling) {
        String id = String.format("C%06d", ++childNumber);
        Sex sex = chance(0.56) ? Sex.M : Sex.F;
        LocalDate dob = spec.asOf().minusYears(age).minusDays(1 + random.nextInt(364));
        Set<Need> needs = childNeeds(age, sex, sibling);
        Set<HomeKind> kinds = EnumSet.of(HomeKind.FOSTER);
        Set<HomeKind> preferred = EnumSet.of(HomeKind.FOSTER);
        choosePlacementKinds(age, needs, sibling, kinds, preferred);
        Alongside alongside = needs.contains(Need.HSB) && chance(0.5)
                ? Alongside.SOLO
                : chance(0.02) ? Alongside.OLDER_ONLY : chance(0.02) ? Alongside.YOUNGER_ONLY : Alongside.ANY;
        if (sibling && alongside != Alongside.ANY) {
            alongside = Alongside.ANY;
        }
        PetsRule pets = chance(0.03) ? PetsRule.MUST : chance(0.05) ? PetsRule.NO : PetsRule.ANY;
        double[] school = age >= 4 && chance(0.88) ? near(familyHome, 2.5) : null;
        addKeyPlaces(id, familyHome);
        if (needs.contains(Need.EXPLOITATION_RISK) && chance(0.6)) {
            double[] centre = near(familyHome, 8);
            avoidZones.add(new AvoidZoneRow(id, centre[0], centre[1], 5 + random.nextInt(16), "EXPLOITATION"));
        }
        return new ChildRow(
                id,
                council.code(),
                dob,
                sex,
                familyHome[0],
                familyHome[1],
                school == null ? null : school[0],
                school == null ? null : school[1],
                group,
                needs,
                kinds,
                preferred,
                alongside,
                pets,
                null,
                null,
                false);
    }

    private Set<Need> childNeeds(int age, Sex sex, boolean sibling) {
        Set<Need> needs = EnumSet.noneOf(Need.class);
        if (age >= 5 && chance(0.3)) {
            needs.add(Need.EMOTIONAL);
        }
        if (chance(0.06)) {
            needs.add(Need.DISABILITY);
            if (chance(0.3)) {
                needs.add(chance(0.5) ? Need.MAKATON : Need.ADAPTATIONS);
            }
        }
        if (chance(0.01)) {
            needs.add(Need.BSL);
        }
        if (!sibling && age >= 15 && sex == Sex.M && chance(0.25)) {
            needs.add(Need.UASC);
        }
        if (!sibling && age >= 16 && sex == Sex.F && chance(0.03)) {
            needs.add(Need.PARENT_AND_CHILD);
        }
        if (age >= 11) {
            addIf(needs, Need.GOING_MISSING, 0.1);
            addIf(needs, Need.SELF_HARM, 0.08);
            addIf(needs, Need.EXPLOITATION_RISK, 0.07);
            addIf(needs, Need.FIRE_SETTING, 0.01);
        }
        if (!sibling && age >= 10) {
            addIf(needs, Need.HSB, 0.03);
        }
        return needs;
    }

    private void choosePlacementKinds(
            int age, Set<Need> needs, boolean sibling, Set<HomeKind> kinds, Set<HomeKind> preferred) {
        boolean risky =
                needs.contains(Need.EXPLOITATION_RISK) || needs.contains(Need.HSB) || needs.contains(Need.FIRE_SETTING);
        if (sibling || age < 10) {
            return;
        }
        if (age < 16) {
            if (risky && chance(0.5) || chance(0.1)) {
                replace(kinds, HomeKind.CHILDRENS_HOME);
                replace(preferred, HomeKind.CHILDRENS_HOME);
            } else if (chance(0.2)) {
                kinds.add(HomeKind.CHILDRENS_HOME);
            }
            return;
        }
        double draw = random.nextDouble();
        if (draw < 0.35) {
            return;
        } else if (draw < 0.65) {
            kinds.add(HomeKind.SUPPORTED);
            if (chance(0.5)) {
                replace(preferred, HomeKind.SUPPORTED);
            }
        } else if (draw < 0.85) {
            replace(kinds, HomeKind.SUPPORTED);
            replace(preferred, HomeKind.SUPPORTED);
        } else {
            replace(kinds, HomeKind.CHILDRENS_HOME);
            replace(preferred, HomeKind.CHILDRENS_HOME);
        }
    }

    private void addKeyPlaces(String childId, double[] familyHome) {
        keyPlaces.add(new KeyPlaceRow(
                childId,
                round(familyHome[0] + random.nextGaussian() * 0.01),
                round(familyHome[1] + random.nextGaussian() * 0.015),
                KeyPlaceKind.FAMILY,
                2 + random.nextInt(7)));
        int more = random.nextInt(3);
        for (int i = 0; i < more; i++) {
            double[] place = near(familyHome, 6);
            KeyPlaceKind kind =
                    i == 0 ? KeyPlaceKind.FRIEND : chance(0.5) ? KeyPlaceKind.ACTIVITY : KeyPlaceKind.FAMILY;
            keyPlaces.add(new KeyPlaceRow(childId, place[0], place[1], kind, 1 + random.nextInt(4)));
        }
    }

    /** Places a family in valid homes with room, together where one home can take them all. */
    private void placeFamily(List<ChildRow> family) {
        String together = family.size() > 1 ? occupancy.findHome(family, homes, this::zonesOf, random) : null;
        for (ChildRow child : family) {
            String homeId =
                    together != null ? together : occupancy.findHome(List.of(child), homes, this::zonesOf, random);
            if (homeId != null) {
                occupancy.place(child, homeId);
                child = withHome(child, homeId, chance(spec.mayMoveShare()));
            } else {
                child = withNeededBy(child);
            }
            children.add(child);
        }
    }

    private List<AvoidZoneRow> zonesOf(String childId) {
        return avoidZones.stream().filter(z -> z.childId().equals(childId)).toList();
    }

    private ChildRow withHome(ChildRow c, String homeId, boolean mayMove) {
        return c.withPlacement(null, homeId, mayMove);
    }

    private ChildRow withNeededBy(ChildRow c) {
        return c.withPlacement(spec.asOf().plusDays(random.nextInt(43)), null, false);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private int age() {
        double draw = random.nextDouble();
        if (draw < 0.05) {
            return 0;
        } else if (draw < 0.19) {
            return 1 + random.nextInt(4);
        } else if (draw < 0.37) {
            return 5 + random.nextInt(5);
        } else if (draw < 0.75) {
            return 10 + random.nextInt(6);
        }
        return 16 + random.nextInt(2);
    }

    /** Siblings' ages follow the same national profile, within seven years of the first child's. */
    private int siblingAge(int first) {
        int age = age();
        for (int tries = 0; tries < 20 && Math.abs(age - first) > 7; tries++) {
            age = age();
        }
        return age;
    }

    private Set<Need> needs(Map<Need, Double> chances) {
        Set<Need> needs = EnumSet.noneOf(Need.class);
        chances.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> addIf(needs, e.getKey(), e.getValue()));
        return needs;
    }

    private void addIf(Set<Need> needs, Need need, double probability) {
        if (chance(probability)) {
            needs.add(need);
        }
    }

    private static <T> void replace(Set<T> set, T only) {
        set.clear();
        set.add(only);
    }

    private boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private int weighted(int[] values, double[] weights) {
        double draw = random.nextDouble();
        for (int i = 0; i < values.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private Town town(Council council) {
        double total = council.towns().stream().mapToDouble(Town::weight).sum();
        double draw = random.nextDouble() * total;
        for (Town town : council.towns()) {
            draw -= town.weight();
            if (draw < 0) {
                return town;
            }
        }
        return council.centre();
    }

    private double[] near(Town town, double spreadKm) {
        return near(new double[] {town.lat(), town.lon()}, spreadKm);
    }

    /** A point about {@code spreadKm} (one standard deviation) from a centre. */
    private double[] near(double[] centre, double spreadKm) {
        double lat = centre[0] + random.nextGaussian() * spreadKm / 111.2;
        double lon = centre[1] + random.nextGaussian() * spreadKm / (111.2 * Math.cos(Math.toRadians(centre[0])));
        return new double[] {round(lat), round(lon)};
    }

    private static double round(double degrees) {
        return Math.round(degrees * 100_000) / 100_000.0;
    }

    /** Who lives where while generating, so placed children never break the hard rules. */
    private static final class Occupancy {
        private final Map<String, List<ChildRow>> residents = new HashMap<>();
        private final Map<String, List<HomeRow>> homesByCouncil = new HashMap<>();
        private final LocalDate asOf;

        Occupancy(LocalDate asOf) {
            this.asOf = asOf;
        }

        String findHome(
                List<ChildRow> family,
                List<HomeRow> homes,
                java.util.function.Function<String, List<AvoidZoneRow>> zones,
                Random random) {
            if (homesByCouncil.isEmpty()) {
                homes.forEach(h -> homesByCouncil
                        .computeIfAbsent(h.authorityCode(), k -> new ArrayList<>())
                        .add(h));
            }
            List<HomeRow> local = homesByCouncil.getOrDefault(family.get(0).authorityCode(), List.of());
            for (int attempt = 0; attempt < 60; attempt++) {
                List<HomeRow> pool = attempt < 40 && !local.isEmpty() ? local : homes;
                HomeRow home = pool.get(random.nextInt(pool.size()));
                if (fits(family, home, zones)) {
                    return home.homeId();
                }
            }
            return null;
        }

        private boolean fits(
                List<ChildRow> family, HomeRow home, java.util.function.Function<String, List<AvoidZoneRow>> zones) {
            List<ChildRow> living = residents.getOrDefault(home.homeId(), List.of());
            if (living.size() + family.size() > home.places()) {
                return false;
            }
            boolean exclusiveHere = living.stream().anyMatch(Occupancy::exclusive);
            for (ChildRow child : family) {
                int age = child.dateOfBirth().until(asOf).getYears();
                if (age < home.minAge() || age > home.maxAge()) {
                    return false;
                }
                if (!home.available()
                        || !home.sexes().accepts(child.sex())
                        || !home.needsMet().containsAll(child.needs())
                        || !child.placementKinds().contains(home.kind())
                        || !child.pets().accepts(home.pets())) {
                    return false;
                }
                if (exclusiveHere || exclusive(child) && !living.isEmpty()) {
                    return false;
                }
                for (AvoidZoneRow zone : zones.apply(child.childId())) {
                    if (kilometres(zone.lat(), zone.lon(), home.lat(), home.lon()) <= zone.radiusKm()) {
                        return false;
                    }
                }
            }
            return true;
        }

        /** Children whose alongside rules are easiest to keep by giving them a home to themselves. */
        private static boolean exclusive(ChildRow child) {
            return child.alongside() != Alongside.ANY || child.needs().contains(Need.HSB);
        }

        void place(ChildRow child, String homeId) {
            residents.computeIfAbsent(homeId, k -> new ArrayList<>()).add(child);
        }
    }

    static double kilometres(double lat1, double lon1, double lat2, double lon2) {
        return uk.rcc.matching.policy.Geo.haversineKm(lat1, lon1, lat2, lon2);
    }
}
