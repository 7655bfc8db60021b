package uk.rcc.matching;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/** How many homes each hard rule excluded for one child: "12 homes excluded: 7 age range, 3 needs, 2 avoid zones". */
public final class Exclusions {
    /** Counted once per excluded home while a problem is built, so plain ints rather than a boxed map. */
    private final int[] counts = new int[ExclusionReason.values().length];

    void add(ExclusionReason reason) {
        counts[reason.ordinal()]++;
    }

    public int count(ExclusionReason reason) {
        return counts[reason.ordinal()];
    }

    public int total() {
        int total = 0;
        for (int count : counts) {
            total += count;
        }
        return total;
    }

    public Map<ExclusionReason, Integer> asMap() {
        return Map.copyOf(inRuleOrder());
    }

    private Map<ExclusionReason, Integer> inRuleOrder() {
        Map<ExclusionReason, Integer> map = new EnumMap<>(ExclusionReason.class);
        for (ExclusionReason reason : ExclusionReason.values()) {
            if (counts[reason.ordinal()] > 0) {
                map.put(reason, counts[reason.ordinal()]);
            }
        }
        return map;
    }

    @Override
    public String toString() {
        if (total() == 0) {
            return "no homes excluded";
        }
        return total() + (total() == 1 ? " home" : " homes") + " excluded: " + inRuleOrder().entrySet().stream()
                .sorted(Map.Entry.<ExclusionReason, Integer>comparingByValue().reversed())
                .map(e -> e.getValue() + " " + e.getKey().label())
                .collect(Collectors.joining(", "));
    }
}
