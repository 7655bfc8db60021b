package uk.rcc.matching.planning;

import uk.rcc.exchange.Codes.Alongside;

/** A child who lives, or may come to live, in a home: what the sharing rules (policy rule 4) look at. */
public interface Occupant {
    String childId();

    int ageYears();

    boolean hsb();

    Alongside alongside();

    /** True when this child's alongside rule forbids living with {@code other}. */
    default boolean alongsideForbids(Occupant other) {
        return switch (alongside()) {
            case ANY -> false;
            case SOLO -> true;
            case OLDER_ONLY -> other.ageYears() <= ageYears();
            case YOUNGER_ONLY -> other.ageYears() >= ageYears();
        };
    }

    /** True when this child has harmful sexual behaviour and {@code other} is younger. */
    default boolean hsbForbids(Occupant other) {
        return hsb() && other.ageYears() < ageYears();
    }

    static boolean alongsideConflict(Occupant a, Occupant b) {
        return a.alongsideForbids(b) || b.alongsideForbids(a);
    }

    static boolean hsbConflict(Occupant a, Occupant b) {
        return a.hsbForbids(b) || b.hsbForbids(a);
    }
}
