package uk.rcc.matching.planning;

import org.optaplanner.core.api.score.stream.ConstraintJustification;

/** What one constraint match costs, in words: "18.2 km from school", "outside Cumberland: 15 points". */
public record Why(String text) implements ConstraintJustification {
    @Override
    public String toString() {
        return text;
    }
}
