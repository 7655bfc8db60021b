package uk.rcc.matching;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/** How many homes each hard rule excluded for one child: "12 homes excluded: 7 age range, 3 needs, 2 avoid zones". */
public final class Exclusions {
    private final EnumMap<ExclusionReason, Integer> counts = new EnumMap<>(ExclusionReason.class);

    void add(ExclusionReason reason) {
        counts.merge(reason, 1, Integer::sum);
    }

    public int count(ExclusionReason reason) {
        return counts.getOrDefault(reason, 0);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    public Map<ExclusionReason, Integer> asMap() {
        return Map.copyOf(counts);
    }

    @Override
    public String toString() {
        if (counts.isEmpty()) {
            return "no homes excluded";
        }
        return total() + (total() == 1 ? " home" : " homes") + " excluded: " + counts.entrySet().stream()
                .sorted(Map.Entry.<ExclusionReason, Integer>comparingByValue().reversed())
                .map(e -> e.getValue() + " " + e.getKey().label())
                .collect(Collectors.joining(", "));
    }
}
