package uk.rcc.sufficiency;

import java.time.LocalDate;
import java.time.Period;

/** Age bands of the forecast: 0, 1–4, 5–9, 10–15, 16–17. */
public enum AgeBand {
    UNDER_1(0, 0),
    AGE_1_4(1, 4),
    AGE_5_9(5, 9),
    AGE_10_15(10, 15),
    AGE_16_17(16, 17);

    private final int from;
    private final int to;

    AgeBand(int from, int to) {
        this.from = from;
        this.to = to;
    }

    /** The band on a date, or null from the 18th birthday. */
    public static AgeBand on(LocalDate dateOfBirth, LocalDate date) {
        int age = Period.between(dateOfBirth, date).getYears();
        for (AgeBand band : values()) {
            if (age >= band.from && age <= band.to) {
                return band;
            }
        }
        return null;
    }

    public String label() {
        return from == to ? String.valueOf(from) : from + "-" + to;
    }
}
