package uk.rcc.matching.planning;

import uk.rcc.matching.policy.CostTerm;
import uk.rcc.matching.policy.CostTerms;
import uk.rcc.matching.policy.Points;

/**
 * Every child–home soft term of the reference policy for one child in one home, in hundredths of a point, as
 * {@link CostTerms} defines them. Computed once when the problem is built; constraints and explanations only read
 * them.
 *
 * @param terms hundredths by {@link CostTerm#ordinal()}; never changed after construction
 */
public record CandidateCost(Home home, long[] terms, long totalHundredths, CostTerms.Facts facts) {

    public static CandidateCost of(Home home, long[] terms, CostTerms.Facts facts) {
        return new CandidateCost(home, terms, CostTerms.total(terms), facts);
    }

    public long hundredths(CostTerm term) {
        return terms[term.ordinal()];
    }

    public long distanceHundredths() {
        return terms[CostTerm.DISTANCE.ordinal()];
    }

    public long keyPlacesHundredths() {
        return terms[CostTerm.KEY_PLACES.ordinal()];
    }

    public long outsideCouncilHundredths() {
        return terms[CostTerm.OUTSIDE_COUNCIL.ordinal()];
    }

    public long nonPreferredKindHundredths() {
        return terms[CostTerm.NON_PREFERRED_KIND.ordinal()];
    }

    public long weeklyCostHundredths() {
        return terms[CostTerm.WEEKLY_COST.ordinal()];
    }

    public long movedHundredths() {
        return terms[CostTerm.MOVED.ordinal()];
    }

    public double kmToSchoolOrHome() {
        return facts.km();
    }

    public boolean toSchool() {
        return facts.toSchool();
    }

    public double weeklyCost() {
        return facts.weeklyCost();
    }

    /** A term in words, without its points: "18.2 km from school", "outside Cumberland". */
    public String text(CostTerm term) {
        return CostTerms.label(term, facts);
    }

    /** "18.2 km from school: 18.2; outside Cumberland: 15; weekly cost £750: 7.5" — zero terms left out. */
    public String breakdown() {
        return CostTerms.explain(terms, facts);
    }

    public String points(CostTerm term) {
        return Points.format(hundredths(term));
    }
}
