package uk.rcc.matching.policy;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import uk.rcc.exchange.ExchangeDataset.AvoidZoneRow;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;
import uk.rcc.exchange.ExchangeDataset.KeyPlaceRow;

/**
 * Which homes a child could ever have, judged on the child and the home alone, and what each would cost: the
 * rules of the policy that need no other child are applied here once, so the solver only sees valid values.
 */
public final class Candidates {

    /** Why a home was left out, in an officer's words. */
    public enum Exclusion {
        AGE_RANGE("age range"), SEX("sex"), NEEDS("needs"), KIND("kind of home"), NOT_AVAILABLE("not taking children"),
        PETS("pets"), AVOID_ZONE("avoid zones");

        private final String label;

        Exclusion(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private Candidates() {
    }

    /** The first rule a home breaks for this child, or null when it could take the child. */
    public static Exclusion exclusion(ChildRow child, HomeRow home, List<AvoidZoneRow> zones, LocalDate asOf) {
        int age = Period.between(child.dateOfBirth(), asOf).getYears();
        boolean currentHome = home.homeId().equals(child.currentHomeId());
        if (age < home.minAge() || age > home.maxAge()) {
            return Exclusion.AGE_RANGE;
        }
        if (!home.sexes().accepts(child.sex())) {
            return Exclusion.SEX;
        }
        if (!home.needsMet().containsAll(child.needs())) {
            return Exclusion.NEEDS;
        }
        if (!child.placementKinds().contains(home.kind())) {
            return Exclusion.KIND;
        }
        if (!home.available() && !currentHome) {
            return Exclusion.NOT_AVAILABLE;
        }
        if (!child.pets().accepts(home.pets())) {
            return Exclusion.PETS;
        }
        for (AvoidZoneRow zone : zones) {
            if (kilometres(zone.lat(), zone.lon(), home.lat(), home.lon()) <= zone.radiusKm()) {
                return Exclusion.AVOID_ZONE;
            }
        }
        return null;
    }

    /** Counts of excluded homes by reason, for "12 homes excluded: 7 age range, 3 needs, 2 avoid zones". */
    public static Map<Exclusion, Integer> exclusions(ChildRow child, List<HomeRow> homes, List<AvoidZoneRow> zones,
            LocalDate asOf) {
        Map<Exclusion, Integer> counts = new EnumMap<>(Exclusion.class);
        for (HomeRow home : homes) {
            Exclusion reason = exclusion(child, home, zones, asOf);
            if (reason != null) {
                counts.merge(reason, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Each soft term for this child in this home, in points (not yet scaled to hundredths). */
    public static double[] terms(ChildRow child, HomeRow home, List<KeyPlaceRow> keyPlaces, MatchingPolicy policy) {
        double[] terms = new double[CostTerm.values().length];
        double toSchool = child.hasSchool()
                ? kilometres(child.schoolLat(), child.schoolLon(), home.lat(), home.lon())
                : kilometres(child.homeLat(), child.homeLon(), home.lat(), home.lon());
        terms[CostTerm.DISTANCE.ordinal()] = policy.pointsPerKmToSchool() * toSchool;
        double keyPlaceCost = 0;
        for (KeyPlaceRow place : keyPlaces) {
            keyPlaceCost += policy.pointsPerKmPerMonthlyVisit() * place.visitsPerMonth()
                    * kilometres(place.lat(), place.lon(), home.lat(), home.lon());
        }
        terms[CostTerm.KEY_PLACES.ordinal()] = keyPlaceCost;
        terms[CostTerm.OUTSIDE_COUNCIL.ordinal()] = home.authorityCode().equals(child.authorityCode()) ? 0
                : policy.outsideOwnCouncil();
        terms[CostTerm.NON_PREFERRED_KIND.ordinal()] = child.preferredKinds().contains(home.kind()) ? 0
                : policy.nonPreferredKind();
        terms[CostTerm.WEEKLY_COST.ordinal()] = policy.pointsPerHundredPounds() * home.weeklyCost() / 100;
        boolean moves = child.currentHomeId() != null && !child.currentHomeId().equals(home.homeId());
        terms[CostTerm.MOVED.ordinal()] = moves ? policy.movedChild() : 0;
        return terms;
    }

    public static long[] hundredths(double[] terms) {
        long[] scaled = new long[terms.length];
        for (int i = 0; i < terms.length; i++) {
            scaled[i] = Math.round(terms[i] * 100);
        }
        return scaled;
    }

    /** "18.2 km to school: 18.2; outside own council: 15; ..." — the terms that cost anything. */
    public static String explain(ChildRow child, HomeRow home, double[] terms, String councilName) {
        List<String> parts = new ArrayList<>();
        double km = child.hasSchool() ? kilometres(child.schoolLat(), child.schoolLon(), home.lat(), home.lon())
                : kilometres(child.homeLat(), child.homeLon(), home.lat(), home.lon());
        parts.add(String.format("%.1f km from %s: %.1f", km, child.hasSchool() ? "school" : "family home",
                terms[CostTerm.DISTANCE.ordinal()]));
        if (terms[CostTerm.KEY_PLACES.ordinal()] > 0) {
            parts.add(String.format("key places: %.1f", terms[CostTerm.KEY_PLACES.ordinal()]));
        }
        if (terms[CostTerm.OUTSIDE_COUNCIL.ordinal()] > 0) {
            parts.add(String.format("outside %s: %.0f", councilName, terms[CostTerm.OUTSIDE_COUNCIL.ordinal()]));
        }
        if (terms[CostTerm.NON_PREFERRED_KIND.ordinal()] > 0) {
            parts.add(String.format("%s not preferred: %.0f", home.kind(), terms[CostTerm.NON_PREFERRED_KIND.ordinal()]));
        }
        parts.add(String.format("weekly cost £%,.0f: %.1f", home.weeklyCost(), terms[CostTerm.WEEKLY_COST.ordinal()]));
        if (terms[CostTerm.MOVED.ordinal()] > 0) {
            parts.add(String.format("moves from %s: %.0f", child.currentHomeId(), terms[CostTerm.MOVED.ordinal()]));
        }
        return String.join("; ", parts);
    }

    public static double kilometres(double lat1, double lon1, double lat2, double lon2) {
        return uk.rcc.matching.Geo.haversineKm(lat1, lon1, lat2, lon2);
    }
}
