package uk.rcc.matching.planning;

import java.util.ArrayList;
import java.util.List;

/**
 * Every child–home soft term of the reference policy for one child in one home, each already in hundredths of a
 * point. Computed once when the problem is built; constraints and explanations only read them.
 */
public record CandidateCost(
        Home home,
        double kmToSchoolOrHome, boolean toSchool, long distanceHundredths,
        long keyPlacesHundredths, int keyPlaceCount,
        String outsideCouncilName, long outsideCouncilHundredths,
        String nonPreferredKind, long nonPreferredKindHundredths,
        double weeklyCost, long weeklyCostHundredths,
        long movedHundredths) {

    public long totalHundredths() {
        return distanceHundredths + keyPlacesHundredths + outsideCouncilHundredths + nonPreferredKindHundredths
                + weeklyCostHundredths + movedHundredths;
    }

    public String distanceText() {
        return String.format("%.1f km %s", kmToSchoolOrHome, toSchool ? "from school" : "from family home");
    }

    public String keyPlacesText() {
        return keyPlaceCount + (keyPlaceCount == 1 ? " key place" : " key places");
    }

    public String outsideCouncilText() {
        return "outside " + outsideCouncilName;
    }

    public String nonPreferredKindText() {
        return "non-preferred kind " + nonPreferredKind;
    }

    public String weeklyCostText() {
        return String.format("weekly cost £%.0f", weeklyCost);
    }

    /** "18.2 km from school: 18.2; outside Cumberland: 15; weekly cost £750: 7.5" — zero terms left out. */
    public String breakdown() {
        List<String> parts = new ArrayList<>();
        add(parts, distanceText(), distanceHundredths);
        add(parts, keyPlacesText(), keyPlacesHundredths);
        add(parts, outsideCouncilText(), outsideCouncilHundredths);
        add(parts, nonPreferredKindText(), nonPreferredKindHundredths);
        add(parts, weeklyCostText(), weeklyCostHundredths);
        add(parts, "moved", movedHundredths);
        return String.join("; ", parts);
    }

    private static void add(List<String> parts, String label, long hundredths) {
        if (hundredths != 0) {
            parts.add(label + ": " + Points.format(hundredths));
        }
    }
}
