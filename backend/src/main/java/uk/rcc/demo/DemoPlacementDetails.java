package uk.rcc.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import uk.rcc.exchange.Codes.CulturalNeeds;
import uk.rcc.exchange.Codes.HomeKind;
import uk.rcc.exchange.Codes.Need;
import uk.rcc.exchange.Codes.OutOfAreaReason;
import uk.rcc.exchange.Codes.Provider;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;
import uk.rcc.exchange.ExchangeDataset.PlacementDetails;
import uk.rcc.matching.policy.Geo;

/**
 * Fills a generated co-operative's exchange format v1.1 columns (Ofsted URNs, postcode districts, referral and
 * placement dates, agreed costs, cultural needs, out-of-area reasons), so the demo can write a national placements
 * return. It draws from its own random sequence: the v1 data set, and so every benchmark figure, stays the same.
 */
public final class DemoPlacementDetails {
    /** Placements in the demo started over the three years before the data set's date. */
    static final int PLACED_WITHIN_DAYS = 3 * 365;

    /** The outward postcode of each demo town, for the postcode district of the homes nearest it. */
    private static final Map<String, String> DISTRICTS = Map.ofEntries(
            Map.entry("Carlisle", "CA1"),
            Map.entry("Workington", "CA14"),
            Map.entry("Whitehaven", "CA28"),
            Map.entry("Penrith", "CA11"),
            Map.entry("Maryport", "CA15"),
            Map.entry("Cockermouth", "CA13"),
            Map.entry("Keswick", "CA12"),
            Map.entry("Kendal", "LA9"),
            Map.entry("Barrow-in-Furness", "LA14"),
            Map.entry("Ulverston", "LA12"),
            Map.entry("Windermere", "LA23"),
            Map.entry("Appleby-in-Westmorland", "CA16"),
            Map.entry("Morpeth", "NE61"),
            Map.entry("Blyth", "NE24"),
            Map.entry("Cramlington", "NE23"),
            Map.entry("Ashington", "NE63"),
            Map.entry("Hexham", "NE46"),
            Map.entry("Berwick-upon-Tweed", "TD15"),
            Map.entry("Alnwick", "NE66"),
            Map.entry("Durham", "DH1"),
            Map.entry("Chester-le-Street", "DH3"),
            Map.entry("Consett", "DH8"),
            Map.entry("Stanley", "DH9"),
            Map.entry("Peterlee", "SR8"),
            Map.entry("Bishop Auckland", "DL14"),
            Map.entry("Newton Aycliffe", "DL5"),
            Map.entry("Seaham", "SR7"),
            Map.entry("Spennymoor", "DL16"),
            Map.entry("Barnard Castle", "DL12"),
            Map.entry("Newcastle", "NE1"),
            Map.entry("Sunderland", "SR1"),
            Map.entry("Gateshead", "NE8"),
            Map.entry("Darlington", "DL1"),
            Map.entry("Lancaster", "LA1"),
            Map.entry("Harrogate", "HG1"),
            Map.entry("Richmond", "DL10"),
            Map.entry("Birmingham", "B1"),
            Map.entry("Manchester", "M1"),
            Map.entry("Leeds", "LS1"),
            Map.entry("Sheffield", "S1"),
            Map.entry("Bristol", "BS1"),
            Map.entry("Liverpool", "L1"),
            Map.entry("Nottingham", "NG1"),
            Map.entry("Leicester", "LE1"),
            Map.entry("Surrey", "GU1"),
            Map.entry("Kent", "ME14"),
            Map.entry("Norfolk", "NR1"),
            Map.entry("Devon", "EX1"),
            Map.entry("Cornwall", "TR1"),
            Map.entry("Hampshire", "SO23"),
            Map.entry("Essex", "CM1"),
            Map.entry("Kingston upon Hull", "HU1"),
            Map.entry("Plymouth", "PL1"),
            Map.entry("Westminster", "SW1A"),
            Map.entry("Southwark", "SE1"),
            Map.entry("Coventry", "CV1"),
            Map.entry("Stoke-on-Trent", "ST1"));

    private static final List<Places.Town> TOWNS = Stream.of(
                    Places.NORTHERN_MEMBERS, Places.NORTHERN_NEIGHBOURS, Places.NATIONAL_EXTRA)
            .flatMap(List::stream)
            .flatMap(c -> c.towns().stream())
            .toList();

    private final Random random;
    private final LocalDate asOf;
    private final Map<String, String> fosteringServiceUrns = new HashMap<>();

    private DemoPlacementDetails(long seed, LocalDate asOf) {
        this.random = new Random(seed ^ 0x5EED_0011L);
        this.asOf = asOf;
    }

    public static ExchangeDataset fill(ExchangeDataset dataset, long seed) {
        return new DemoPlacementDetails(seed, dataset.asOf()).fillAll(dataset);
    }

    private ExchangeDataset fillAll(ExchangeDataset dataset) {
        List<HomeRow> homes = dataset.homes().stream().map(this::home).toList();
        Map<String, HomeRow> byId = new HashMap<>();
        homes.forEach(h -> byId.put(h.homeId(), h));
        List<ChildRow> children = new ArrayList<>();
        for (ChildRow child : dataset.children()) {
            children.add(
                    child.currentHomeId() == null ? awaiting(child) : placed(child, byId.get(child.currentHomeId())));
        }
        return new ExchangeDataset(
                dataset.asOf(),
                dataset.name(),
                dataset.authorities(),
                homes,
                children,
                dataset.avoidZones(),
                dataset.keyPlaces());
    }

    private HomeRow home(HomeRow h) {
        return new HomeRow(
                h.homeId(),
                h.name(),
                h.kind(),
                h.provider(),
                h.authorityCode(),
                h.lat(),
                h.lon(),
                h.places(),
                h.minAge(),
                h.maxAge(),
                h.sexes(),
                v11RisksMet(h),
                h.pets(),
                h.weeklyCost(),
                h.available(),
                ofstedUrn(h),
                district(h.lat(), h.lon()));
    }

    /** A home that manages exploitation manages both kinds; children's homes more often manage the other risks. */
    private Set<Need> v11RisksMet(HomeRow h) {
        Set<Need> met = EnumSet.noneOf(Need.class);
        met.addAll(h.needsMet());
        if (met.contains(Need.EXPLOITATION_RISK)) {
            met.add(Need.CRIMINAL_EXPLOITATION);
            met.add(Need.SEXUAL_EXPLOITATION);
        }
        double scale = h.kind() == HomeKind.FOSTER ? 0.5 : 1.5;
        addIf(met, Need.DRUG_ALCOHOL, 0.25 * scale);
        addIf(met, Need.EATING_DISORDER, 0.1 * scale);
        addIf(met, Need.HARM_TO_OTHERS, 0.2 * scale);
        addIf(met, Need.HARM_TO_ANIMALS, 0.05 * scale);
        addIf(met, Need.CRIMINAL_BEHAVIOUR, 0.15 * scale);
        return met;
    }

    /** Children of 11 and over may carry the risks v1.1 added, where the home they live in manages them. */
    private Set<Need> v11Risks(ChildRow child, HomeRow home) {
        Set<Need> needs = EnumSet.noneOf(Need.class);
        needs.addAll(child.needs());
        if (ChronoUnit.YEARS.between(child.dateOfBirth(), asOf) < 11) {
            return needs;
        }
        Map<Need, Double> shares = Map.of(
                Need.DRUG_ALCOHOL,
                0.1,
                Need.EATING_DISORDER,
                0.03,
                Need.HARM_TO_OTHERS,
                0.06,
                Need.HARM_TO_ANIMALS,
                0.01,
                Need.CRIMINAL_BEHAVIOUR,
                0.05);
        for (Need risk : List.of(
                Need.DRUG_ALCOHOL,
                Need.EATING_DISORDER,
                Need.HARM_TO_OTHERS,
                Need.HARM_TO_ANIMALS,
                Need.CRIMINAL_BEHAVIOUR)) {
            if (chance(shares.get(risk)) && home.needsMet().contains(risk)) {
                needs.add(risk);
            }
        }
        return needs;
    }

    private void addIf(Set<Need> needs, Need need, double p) {
        if (chance(p)) {
            needs.add(need);
        }
    }

    /** A children's home has its own URN; foster carers have their fostering service's, one per council or agency. */
    private String ofstedUrn(HomeRow h) {
        if (h.kind() != HomeKind.FOSTER) {
            return (h.kind() == HomeKind.CHILDRENS_HOME ? "SC" : "2") + (100_000 + random.nextInt(900_000));
        }
        String service = h.provider() == Provider.INDEPENDENT ? "agency" + random.nextInt(12) : h.authorityCode();
        return fosteringServiceUrns.computeIfAbsent(service, s -> "SC" + (100_000 + random.nextInt(900_000)));
    }

    private static String district(double lat, double lon) {
        Places.Town nearest = TOWNS.get(0);
        for (Places.Town town : TOWNS) {
            if (Geo.haversineKm(lat, lon, town.lat(), town.lon())
                    < Geo.haversineKm(lat, lon, nearest.lat(), nearest.lon())) {
                nearest = town;
            }
        }
        return DISTRICTS.get(nearest.name());
    }

    private ChildRow awaiting(ChildRow child) {
        LocalDate referral = asOf.minusDays(random.nextInt(30));
        return child.withDetails(
                new PlacementDetails(referral, null, null, culturalNeeds(), outOfAreaReason(child, null)));
    }

    /**
     * A placed child moved in on a day of the last three years (never before birth); the referral came 0 to 60 days
     * earlier and asked for a home today, within five days or later, the needed-by date kept as the standard asks.
     */
    private ChildRow placed(ChildRow child, HomeRow home) {
        long sinceBirth = ChronoUnit.DAYS.between(child.dateOfBirth(), asOf);
        LocalDate placedOn =
                asOf.minusDays(random.nextInt((int) Math.max(1, Math.min(PLACED_WITHIN_DAYS, sinceBirth))));
        double draw = random.nextDouble();
        int noticeDays = draw < 0.3 ? 0 : draw < 0.6 ? 1 + random.nextInt(5) : 6 + random.nextInt(40);
        LocalDate referral = placedOn.minusDays(noticeDays + random.nextInt(10));
        if (referral.isBefore(child.dateOfBirth())) {
            referral = child.dateOfBirth();
        }
        LocalDate neededBy = referral.plusDays(noticeDays);
        Double agreedCost =
                chance(0.3) ? Math.round(home.weeklyCost() * (1 + random.nextDouble() * 0.3) * 100) / 100.0 : null;
        ChildRow withDates = new ChildRow(
                child.childId(),
                child.authorityCode(),
                child.dateOfBirth(),
                child.sex(),
                child.homeLat(),
                child.homeLon(),
                child.schoolLat(),
                child.schoolLon(),
                child.siblingGroup(),
                v11Risks(child, home),
                child.placementKinds(),
                child.preferredKinds(),
                child.alongside(),
                child.pets(),
                neededBy,
                child.currentHomeId(),
                child.mayMove(),
                PlacementDetails.NONE);
        return withDates.withDetails(
                new PlacementDetails(referral, placedOn, agreedCost, culturalNeeds(), outOfAreaReason(child, home)));
    }

    private CulturalNeeds culturalNeeds() {
        double draw = random.nextDouble();
        return draw < 0.12
                ? CulturalNeeds.REQUIRED
                : draw < 0.75 ? CulturalNeeds.NOT_REQUIRED : CulturalNeeds.NOT_KNOWN;
    }

    /** Most children placed outside their council were placed there for a reason; exploitation most often. */
    private String outOfAreaReason(ChildRow child, HomeRow home) {
        boolean outside = home != null && !home.authorityCode().equals(child.authorityCode());
        if (!outside && !chance(0.03)) {
            return null;
        }
        if (child.needs().contains(Need.EXPLOITATION_RISK) || chance(0.45)) {
            return OutOfAreaReason.SAFEGUARDING.name();
        }
        double draw = random.nextDouble();
        return draw < 0.25
                ? OutOfAreaReason.COURT_ORDER.name()
                : draw < 0.35
                        ? OutOfAreaReason.BAIL_CONDITIONS.name()
                        : draw < 0.5 ? "Specialist provision only available in a neighbouring council" : null;
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }
}
