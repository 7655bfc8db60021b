package uk.rcc.matching;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import uk.rcc.matching.policy.HomeRule;

/** How many homes each hard rule excluded for one child: "12 homes excluded: 7 age range, 3 needs, 2 avoid zones". */
public final class Exclusions {
    /** Counted once per excluded home while a problem is built, so plain ints rather than a boxed map. */
    private final int[] counts = new int[HomeRule.values().length];

    void add(HomeRule reason) {
        counts[reason.ordinal()]++;
    }

    public int count(HomeRule reason) {
        return counts[reason.ordinal()];
    }

    public int total() {
        int total = 0;
        for (int count : counts) {
            total += count;
        }
        return total;
    }

    public Map<HomeRule, Integer> asMap() {
        return Map.copyOf(inRuleOrder());
    }

    private Map<HomeRule, Integer> inRuleOrder() {
        Map<HomeRule, Integer> map = new EnumMap<>(HomeRule.class);
        for (HomeRule reason : HomeRule.values()) {
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
        return total() + (total() == 1 ? " home" : " homes") + " excluded: "
                + inRuleOrder().entrySet().stream()
                        .sorted(Map.Entry.<HomeRule, Integer>comparingByValue().reversed())
                        .map(e -> e.getValue() + " " + e.getKey().label())
                        .collect(Collectors.joining(", "));
    }
}
