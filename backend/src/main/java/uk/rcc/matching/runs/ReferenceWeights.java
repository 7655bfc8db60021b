package uk.rcc.matching.runs;

import java.util.Map;

/** The reference matching policy's weights, by name, as the solver module defines them. */
public interface ReferenceWeights {
    Map<String, Double> weights();
}
