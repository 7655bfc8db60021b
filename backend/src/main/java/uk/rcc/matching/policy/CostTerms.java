package uk.rcc.matching.policy;

import java.util.ArrayList;
import java.util.List;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;
import uk.rcc.exchange.ExchangeDataset.KeyPlaceRow;

/**
 * The one definition of the reference policy's child–home soft terms ({@link CostTerm}) and of how they are
 * explained. Each term is rounded to hundredths of a point on its own, so a breakdown adds up to its total. The
 * solver's candidate costs, the shortlist, the fast bounds of large problems and the match command's figures all
 * come from here.
 */
public final class CostTerms {
    private CostTerms() {}

    /** Every term for this child in this home, in hundredths, indexed by {@link CostTerm#ordinal()}. */
    public static long[] hundredths(ChildRow child, HomeRow home, List<KeyPlaceRow> keyPlaces, MatchingPolicy policy) {
        long[] terms = new long[CostTerm.values().length];
        terms[CostTerm.DISTANCE.ordinal()] = distance(kmToSchoolOrHome(child, home), policy);
        terms[CostTerm.KEY_PLACES.ordinal()] = keyPlaces(home, keyPlaces, policy);
        terms[CostTerm.OUTSIDE_COUNCIL.ordinal()] = outsideCouncil(child, home, policy);
        terms[CostTerm.NON_PREFERRED_KIND.ordinal()] = nonPreferredKind(child, home, policy);
        terms[CostTerm.WEEKLY_COST.ordinal()] = weeklyCost(home, policy);
        terms[CostTerm.MOVED.ordinal()] = moved(child, home, policy);
        return terms;
    }

    public static long total(long[] terms) {
        long total = 0;
        for (long term : terms) {
            total += term;
        }
        return total;
    }

    /** The same total as {@link #hundredths}, term by term, without the array: for ranking many homes. */
    public static long totalHundredths(
            ChildRow child, HomeRow home, List<KeyPlaceRow> keyPlaces, MatchingPolicy policy) {
        return distance(kmToSchoolOrHome(child, home), policy)
                + keyPlaces(home, keyPlaces, policy)
                + withoutDistance(child, home, policy);
    }

    /** The terms that need no distance: outside the council, kind not preferred, weekly cost, a move. */
    public static long withoutDistance(ChildRow child, HomeRow home, MatchingPolicy policy) {
        return outsideCouncil(child, home, policy)
                + nonPreferredKind(child, home, policy)
                + weeklyCost(home, policy)
                + moved(child, home, policy);
    }

    /** From school when the child has one, else from the family home. */
    public static double kmToSchoolOrHome(ChildRow child, HomeRow home) {
        return child.hasSchool()
                ? Geo.haversineKm(child.schoolLat(), child.schoolLon(), home.lat(), home.lon())
                : Geo.haversineKm(child.homeLat(), child.homeLon(), home.lat(), home.lon());
    }

    public static long distance(double km, MatchingPolicy policy) {
        return Points.hundredths(km * policy.pointsPerKmToSchool());
    }

    public static long keyPlaces(HomeRow home, List<KeyPlaceRow> keyPlaces, MatchingPolicy policy) {
        double points = 0;
        for (KeyPlaceRow place : keyPlaces) {
            points += policy.pointsPerKmPerMonthlyVisit()
                    * place.visitsPerMonth()
                    * Geo.haversineKm(place.lat(), place.lon(), home.lat(), home.lon());
        }
        return Points.hundredths(points);
    }

    public static long outsideCouncil(ChildRow child, HomeRow home, MatchingPolicy policy) {
        return home.authorityCode().equals(child.authorityCode()) ? 0 : Points.hundredths(policy.outsideOwnCouncil());
    }

    public static long nonPreferredKind(ChildRow child, HomeRow home, MatchingPolicy policy) {
        return child.preferredKinds().contains(home.kind()) ? 0 : Points.hundredths(policy.nonPreferredKind());
    }

    public static long weeklyCost(HomeRow home, MatchingPolicy policy) {
        return Points.hundredths(home.weeklyCost() / 100 * policy.pointsPerHundredPounds());
    }

    /** A child allowed to move who is moved; a child awaiting a placement has no home to move from. */
    public static long moved(ChildRow child, HomeRow home, MatchingPolicy policy) {
        boolean moves = child.currentHomeId() != null && !child.currentHomeId().equals(home.homeId());
        return moves ? Points.hundredths(policy.movedChild()) : 0;
    }

    /** What an explanation needs to name the terms: "11.1 km from school", "outside Cumberland". */
    public record Facts(
            double km,
            boolean toSchool,
            int keyPlaceCount,
            String councilName,
            String kind,
            double weeklyCost,
            String currentHomeId) {

        public static Facts of(ChildRow child, HomeRow home, int keyPlaceCount, String councilName) {
            return new Facts(
                    kmToSchoolOrHome(child, home),
                    child.hasSchool(),
                    keyPlaceCount,
                    councilName,
                    home.kind().name(),
                    home.weeklyCost(),
                    child.currentHomeId());
        }
    }

    /** A term in words, without its points. */
    public static String label(CostTerm term, Facts facts) {
        return switch (term) {
            case DISTANCE -> String.format("%.1f km from %s", facts.km(), facts.toSchool() ? "school" : "family home");
            case KEY_PLACES -> facts.keyPlaceCount() + (facts.keyPlaceCount() == 1 ? " key place" : " key places");
            case OUTSIDE_COUNCIL -> "outside " + facts.councilName();
            case NON_PREFERRED_KIND -> facts.kind() + " not preferred";
            case WEEKLY_COST -> String.format("weekly cost £%.0f", facts.weeklyCost());
            case MOVED -> "moves from " + facts.currentHomeId();
        };
    }

    /** "11.1 km from family home: 11.12; outside Cumberland: 15; weekly cost £750: 7.5" — terms costing nothing left out. */
    public static String explain(long[] terms, Facts facts) {
        List<String> parts = new ArrayList<>();
        for (CostTerm term : CostTerm.values()) {
            if (terms[term.ordinal()] != 0) {
                parts.add(label(term, facts) + ": " + Points.format(terms[term.ordinal()]));
            }
        }
        return String.join("; ", parts);
    }
}
