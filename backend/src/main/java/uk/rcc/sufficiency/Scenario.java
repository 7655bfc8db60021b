package uk.rcc.sufficiency;

import java.util.Locale;

/**
 * A named "what if" beside the baseline forecast. Two levers change demand: entry rates (family help reducing
 * entries by 10% is {@code entryRateChange = -0.1}) and step-downs (a share of the children in children's homes
 * moved to foster care each year). One changes supply: foster recruitment, net extra foster places a year.
 */
public record Scenario(String name, double entryRateChange, double stepDownShare, double fosterRecruitment) {
    public static final String BASELINE_NAME = "baseline";
    public static final Scenario BASELINE = new Scenario(BASELINE_NAME, 0, 0, 0);

    public Scenario {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9 _.%()+-]{0,63}")) {
            throw new IllegalArgumentException(
                    "a scenario name is 1 to 64 letters, digits, spaces and _ . % ( ) + -, " + "not '" + name + "'");
        }
        check(entryRateChange, -0.9, 2, "entry rate change");
        check(stepDownShare, 0, 1, "step-down share");
        check(fosterRecruitment, -10_000, 10_000, "foster recruitment");
    }

    /**
     * Parses {@code name:entry=-0.1,stepdown=0.1,recruit=20} (any of the three levers, in any order), as the
     * headless command's {@code --scenario} option takes it.
     */
    public static Scenario parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("a scenario is name:entry=R,stepdown=S,recruit=N, not '" + text + "'");
        }
        double entry = 0;
        double stepDown = 0;
        double recruit = 0;
        for (String lever : text.substring(colon + 1).split(",")) {
            String[] pair = lever.trim().split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("scenario lever '" + lever + "' is not name=value");
            }
            double value = number(pair[1], pair[0]);
            switch (pair[0].trim().toLowerCase(Locale.ROOT)) {
                case "entry" -> entry = value;
                case "stepdown" -> stepDown = value;
                case "recruit" -> recruit = value;
                default ->
                    throw new IllegalArgumentException(
                            "unknown scenario lever '" + pair[0] + "' (known: entry, stepdown, recruit)");
            }
        }
        return new Scenario(text.substring(0, colon).trim(), entry, stepDown, recruit);
    }

    /** The option text that {@link #parse} reads back. */
    public String option() {
        return name + ":entry=" + entryRateChange + ",stepdown=" + stepDownShare + ",recruit=" + fosterRecruitment;
    }

    /** Monthly chance that a child in a children's home steps down, from the yearly share. */
    public double monthlyStepDown() {
        return stepDownShare <= 0 ? 0 : 1 - Math.pow(1 - stepDownShare, 1 / 12.0);
    }

    public boolean baseline() {
        return name.equals(BASELINE_NAME);
    }

    private static double number(String text, String lever) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "scenario lever " + lever.trim() + " needs a number, not '" + text + "'");
        }
    }

    private static void check(double value, double min, double max, String what) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(what + " must be between " + min + " and " + max + ", not " + value);
        }
    }
}
