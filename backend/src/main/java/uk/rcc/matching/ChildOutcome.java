package uk.rcc.matching;

/** One planned child's proposal: home (null when unplaced), own cost in points and its term-by-term breakdown. */
public record ChildOutcome(
        String childId,
        String homeId,
        double cost,
        String explanation,
        double kmToFamilyHome,
        Double kmToSchool,
        boolean outsideOwnCouncil) {

    public boolean placed() {
        return homeId != null;
    }
}
