package uk.rcc.matching;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;

import uk.rcc.exchange.Codes.Need;
import uk.rcc.exchange.ExchangeDataset.AvoidZoneRow;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;

/** Policy rules 2 and 3: whether a home can take a child at all, whatever else happens in the run. */
public final class CandidateRules {
    private CandidateRules() {
    }

    public static int ageYears(ChildRow child, LocalDate asOf) {
        return Period.between(child.dateOfBirth(), asOf).getYears();
    }

    /** The first rule the home breaks for the child, or empty when it is a candidate. */
    public static Optional<ExclusionReason> firstBreach(ChildRow child, int ageYears, List<AvoidZoneRow> zones,
            HomeRow home) {
        boolean staysPut = home.homeId().equals(child.currentHomeId());
        if (!home.available() && !staysPut) {
            return Optional.of(ExclusionReason.NOT_AVAILABLE);
        }
        if (!child.placementKinds().contains(home.kind())) {
            return Optional.of(ExclusionReason.KIND);
        }
        if (ageYears < home.minAge() || ageYears > home.maxAge()) {
            return Optional.of(ExclusionReason.AGE_RANGE);
        }
        if (!home.sexes().accepts(child.sex())) {
            return Optional.of(ExclusionReason.SEX);
        }
        for (Need need : child.needs()) {
            if (!home.needsMet().contains(need)) {
                return Optional.of(ExclusionReason.NEEDS);
            }
        }
        if (!child.pets().accepts(home.pets())) {
            return Optional.of(ExclusionReason.PETS);
        }
        for (AvoidZoneRow zone : zones) {
            if (Geo.haversineKm(zone.lat(), zone.lon(), home.lat(), home.lon()) <= zone.radiusKm()) {
                return Optional.of(ExclusionReason.AVOID_ZONES);
            }
        }
        return Optional.empty();
    }
}
