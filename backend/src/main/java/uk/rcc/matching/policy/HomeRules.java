package uk.rcc.matching.policy;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import uk.rcc.exchange.ExchangeDataset.AvoidZoneRow;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;

/**
 * The one definition of policy rules 2 and 3 ({@link HomeRule}). The solver's problem building (through its columnar
 * form, tested against this), the shortlist and an officer's decision all ask here.
 */
public final class HomeRules {
    private HomeRules() {}

    public static int ageYears(ChildRow child, LocalDate asOf) {
        return Period.between(child.dateOfBirth(), asOf).getYears();
    }

    /** The first rule the home breaks for the child, or null when the home could take the child. */
    public static HomeRule firstBreach(ChildRow child, int ageYears, List<AvoidZoneRow> zones, HomeRow home) {
        for (HomeRule rule : HomeRule.values()) {
            if (breaks(rule, child, ageYears, zones, home)) {
                return rule;
            }
        }
        return null;
    }

    /** Every rule the home breaks for the child, in rule order. */
    public static List<HomeRule> breaches(ChildRow child, int ageYears, List<AvoidZoneRow> zones, HomeRow home) {
        List<HomeRule> broken = new ArrayList<>();
        for (HomeRule rule : HomeRule.values()) {
            if (breaks(rule, child, ageYears, zones, home)) {
                broken.add(rule);
            }
        }
        return broken;
    }

    public static boolean breaks(HomeRule rule, ChildRow child, int ageYears, List<AvoidZoneRow> zones, HomeRow home) {
        return switch (rule) {
            // a child allowed to move may stay where they are, even in a home taking no new child
            case NOT_AVAILABLE -> !home.available() && !home.homeId().equals(child.currentHomeId());
            case KIND -> !child.placementKinds().contains(home.kind());
            case AGE_RANGE -> ageYears < home.minAge() || ageYears > home.maxAge();
            case SEX -> !home.sexes().accepts(child.sex());
            case NEEDS -> !home.needsMet().containsAll(child.needs());
            case PETS -> !child.pets().accepts(home.pets());
            case AVOID_ZONES -> insideAvoidZone(zones, home);
        };
    }

    public static boolean insideAvoidZone(List<AvoidZoneRow> zones, HomeRow home) {
        for (AvoidZoneRow zone : zones) {
            if (Geo.haversineKm(zone.lat(), zone.lon(), home.lat(), home.lon()) <= zone.radiusKm()) {
                return true;
            }
        }
        return false;
    }
}
