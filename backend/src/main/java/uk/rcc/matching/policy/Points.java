package uk.rcc.matching.policy;

import java.math.BigDecimal;

/**
 * Soft costs are kept in hundredths of a point, each term rounded on its own, so fractional terms stay exact in a long
 * score and breakdowns add up to their totals. Formatted the way officers read them: "15", "7.5", "12.43".
 */
public final class Points {
    private Points() {}

    public static long hundredths(double points) {
        return Math.round(points * 100);
    }

    public static double points(long hundredths) {
        return hundredths / 100.0;
    }

    public static String format(long hundredths) {
        return BigDecimal.valueOf(hundredths, 2).stripTrailingZeros().toPlainString();
    }
}
