package uk.rcc.matching;

/**
 * The soft-cost weights of a matching run, in points. {@link #reference()} is the reference matching policy of
 * exchange format v1; a co-operative may store its own.
 */
public record MatchingWeights(
        double pointsPerKmToSchoolOrHome,
        double pointsPerVisitKmToKeyPlace,
        double outsideOwnCouncil,
        double nonPreferredKind,
        double pointsPerPoundWeekly,
        double movedChild,
        double siblingGroupExtraHome) {

    public static MatchingWeights reference() {
        return new MatchingWeights(1.0, 0.1, 15, 20, 0.01, 100, 60);
    }

    /** Soft scores are kept in hundredths of a point so fractional terms stay exact enough in a long score. */
    public static long hundredths(double points) {
        return Math.round(points * 100);
    }

    public static double points(long hundredths) {
        return hundredths / 100.0;
    }
}
