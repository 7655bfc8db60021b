package uk.rcc.matching.planning;

import java.math.BigDecimal;

/** Formats hundredths of a point the way officers read them: "15", "7.5", "12.43". */
public final class Points {
    private Points() {
    }

    public static String format(long hundredths) {
        return BigDecimal.valueOf(hundredths, 2).stripTrailingZeros().toPlainString();
    }
}
