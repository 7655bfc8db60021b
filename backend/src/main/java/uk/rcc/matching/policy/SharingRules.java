package uk.rcc.matching.policy;

import uk.rcc.exchange.Codes.Alongside;

/**
 * Policy rule 4, who may live with whom, from one child's side; two children may share a home only when each side
 * allows it. The solver's constraints, its first answer and an officer's decision all ask here.
 */
public final class SharingRules {
    private SharingRules() {}

    /** True when a child of {@code ageYears} with this alongside rule forbids living with a child of {@code otherAge}. */
    public static boolean alongsideForbids(Alongside rule, int ageYears, int otherAge) {
        return switch (rule) {
            case ANY -> false;
            case SOLO -> true;
            case OLDER_ONLY -> otherAge <= ageYears;
            case YOUNGER_ONLY -> otherAge >= ageYears;
        };
    }

    /** True when a child with harmful sexual behaviour would live with a younger child. */
    public static boolean hsbForbids(boolean hsb, int ageYears, int otherAge) {
        return hsb && otherAge < ageYears;
    }

    /** Both rules from one side. */
    public static boolean forbids(Alongside rule, boolean hsb, int ageYears, int otherAge) {
        return alongsideForbids(rule, ageYears, otherAge) || hsbForbids(hsb, ageYears, otherAge);
    }
}
