package uk.rcc.matching.planning;

import uk.rcc.exchange.Codes.Alongside;
import uk.rcc.matching.policy.SharingRules;

/** A child who lives, or may come to live, in a home: what the sharing rules ({@link SharingRules}) look at. */
public interface Occupant {
    String childId();

    int ageYears();

    boolean hsb();

    Alongside alongside();

    /** True when this child's alongside rule forbids living with {@code other}. */
    default boolean alongsideForbids(Occupant other) {
        return SharingRules.alongsideForbids(alongside(), ageYears(), other.ageYears());
    }

    /** True when this child has harmful sexual behaviour and {@code other} is younger. */
    default boolean hsbForbids(Occupant other) {
        return SharingRules.hsbForbids(hsb(), ageYears(), other.ageYears());
    }

    static boolean alongsideConflict(Occupant a, Occupant b) {
        return a.alongsideForbids(b) || b.alongsideForbids(a);
    }

    static boolean hsbConflict(Occupant a, Occupant b) {
        return a.hsbForbids(b) || b.hsbForbids(a);
    }
}
