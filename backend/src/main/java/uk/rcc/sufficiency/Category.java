package uk.rcc.sufficiency;

import java.util.Locale;
import java.util.Map;

/** The forecast's placement categories (shared/formats/ssda903.md) and the PLACE codes behind them. */
public enum Category {
    FOSTER_KINSHIP,
    FOSTER,
    RESIDENTIAL,
    SUPPORTED,
    WITH_PARENTS,
    ADOPTION,
    OTHER;

    private static final Map<String, Category> BY_CODE = Map.ofEntries(
            Map.entry("U1", FOSTER_KINSHIP),
            Map.entry("U2", FOSTER_KINSHIP),
            Map.entry("U3", FOSTER_KINSHIP),
            Map.entry("U4", FOSTER),
            Map.entry("U5", FOSTER),
            Map.entry("U6", FOSTER),
            Map.entry("K1", RESIDENTIAL),
            Map.entry("K2", RESIDENTIAL),
            Map.entry("R1", RESIDENTIAL),
            Map.entry("S1", RESIDENTIAL),
            Map.entry("P3", RESIDENTIAL),
            Map.entry("H5", SUPPORTED),
            Map.entry("K3", SUPPORTED),
            Map.entry("P2", SUPPORTED),
            Map.entry("P1", WITH_PARENTS),
            Map.entry("A3", ADOPTION),
            Map.entry("A4", ADOPTION),
            Map.entry("A5", ADOPTION),
            Map.entry("A6", ADOPTION),
            Map.entry("R2", OTHER),
            Map.entry("R3", OTHER),
            Map.entry("R5", OTHER),
            Map.entry("T0", OTHER),
            Map.entry("T1", OTHER),
            Map.entry("T2", OTHER),
            Map.entry("T3", OTHER),
            Map.entry("T4", OTHER),
            Map.entry("Z1", OTHER),
            Map.entry("Z11", OTHER),
            Map.entry("Z12", OTHER),
            Map.entry("Z13", OTHER),
            Map.entry("Z14", OTHER));

    /** The category of a PLACE code of any collection year (H5 and K3, Z1 and Z11–Z14 alike), or null if unknown. */
    public static Category ofPlace(String code) {
        return code == null ? null : BY_CODE.get(code.trim().toUpperCase(Locale.ROOT));
    }

    /** PLACE codes retired or renamed, with what replaced them, for collection years from the given one. */
    public static String crosswalk(String code) {
        return switch (code) {
            case "H5" -> "K3";
            case "Z1" -> "Z11";
            default -> code;
        };
    }
}
