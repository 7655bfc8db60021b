package uk.rcc.matching.policy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The weights of the reference matching policy (shared/formats/README.md), by name. A co-operative may store
 * other values; names not given take these.
 */
public record MatchingPolicy(
        double pointsPerKmToSchool,
        double pointsPerKmPerMonthlyVisit,
        double outsideOwnCouncil,
        double nonPreferredKind,
        double pointsPerHundredPounds,
        double movedChild,
        double siblingGroupSplit) {

    public static MatchingPolicy reference() {
        return new MatchingPolicy(1, 0.1, 15, 20, 1, 100, 60);
    }

    public Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("pointsPerKmToSchool", pointsPerKmToSchool);
        map.put("pointsPerKmPerMonthlyVisit", pointsPerKmPerMonthlyVisit);
        map.put("outsideOwnCouncil", outsideOwnCouncil);
        map.put("nonPreferredKind", nonPreferredKind);
        map.put("pointsPerHundredPounds", pointsPerHundredPounds);
        map.put("movedChild", movedChild);
        map.put("siblingGroupSplit", siblingGroupSplit);
        return map;
    }

    public static MatchingPolicy from(Map<String, Double> weights) {
        Map<String, Double> all = reference().asMap();
        if (weights != null) {
            all.putAll(weights);
        }
        return new MatchingPolicy(
                all.get("pointsPerKmToSchool"),
                all.get("pointsPerKmPerMonthlyVisit"),
                all.get("outsideOwnCouncil"),
                all.get("nonPreferredKind"),
                all.get("pointsPerHundredPounds"),
                all.get("movedChild"),
                all.get("siblingGroupSplit"));
    }
}
