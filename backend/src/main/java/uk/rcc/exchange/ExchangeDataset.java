package uk.rcc.exchange;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import uk.rcc.exchange.Codes.Alongside;
import uk.rcc.exchange.Codes.HomeKind;
import uk.rcc.exchange.Codes.KeyPlaceKind;
import uk.rcc.exchange.Codes.Need;
import uk.rcc.exchange.Codes.PetsRule;
import uk.rcc.exchange.Codes.Provider;
import uk.rcc.exchange.Codes.Sex;
import uk.rcc.exchange.Codes.SexesAccepted;

/**
 * A whole data set in exchange format v1, validated: every reference resolves and every value is in range.
 * The records mirror the files' rows one to one.
 */
public record ExchangeDataset(
        LocalDate asOf,
        String name,
        List<AuthorityRow> authorities,
        List<HomeRow> homes,
        List<ChildRow> children,
        List<AvoidZoneRow> avoidZones,
        List<KeyPlaceRow> keyPlaces) {

    public record AuthorityRow(String authorityCode, String name, double lat, double lon) {
    }

    public record HomeRow(
            String homeId, String name, HomeKind kind, Provider provider, String authorityCode,
            double lat, double lon, int places, int minAge, int maxAge, SexesAccepted sexes,
            Set<Need> needsMet, boolean pets, double weeklyCost, boolean available) {
    }

    public record ChildRow(
            String childId, String authorityCode, LocalDate dateOfBirth, Sex sex,
            double homeLat, double homeLon, Double schoolLat, Double schoolLon,
            String siblingGroup, Set<Need> needs, Set<HomeKind> placementKinds, Set<HomeKind> preferredKinds,
            Alongside alongside, PetsRule pets, LocalDate neededBy, String currentHomeId, boolean mayMove) {

        public boolean awaiting() {
            return currentHomeId == null;
        }

        public boolean hasSchool() {
            return schoolLat != null && schoolLon != null;
        }
    }

    public record AvoidZoneRow(String childId, double lat, double lon, double radiusKm, String reason) {
    }

    public record KeyPlaceRow(String childId, double lat, double lon, KeyPlaceKind kind, double visitsPerMonth) {
    }
}
