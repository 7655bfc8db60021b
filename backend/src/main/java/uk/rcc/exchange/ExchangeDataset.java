package uk.rcc.exchange;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import uk.rcc.exchange.Codes.Alongside;
import uk.rcc.exchange.Codes.CulturalNeeds;
import uk.rcc.exchange.Codes.HomeKind;
import uk.rcc.exchange.Codes.KeyPlaceKind;
import uk.rcc.exchange.Codes.Need;
import uk.rcc.exchange.Codes.PetsRule;
import uk.rcc.exchange.Codes.Provider;
import uk.rcc.exchange.Codes.Sex;
import uk.rcc.exchange.Codes.SexesAccepted;

/**
 * A whole data set in exchange format v1 (with the 1.1 additions), validated: every reference resolves and every value is in range.
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

    public record AuthorityRow(String authorityCode, String name, double lat, double lon) {}

    /** @param ofstedUrn v1.1, may be null; @param postcodeDistrict v1.1, the outward postcode, may be null */
    public record HomeRow(
            String homeId,
            String name,
            HomeKind kind,
            Provider provider,
            String authorityCode,
            double lat,
            double lon,
            int places,
            int minAge,
            int maxAge,
            SexesAccepted sexes,
            Set<Need> needsMet,
            boolean pets,
            double weeklyCost,
            boolean available,
            String ofstedUrn,
            String postcodeDistrict) {

        /** The same home with another number of places (capacity what-ifs), every other column kept. */
        public HomeRow withPlaces(int newPlaces) {
            return new HomeRow(
                    homeId,
                    name,
                    kind,
                    provider,
                    authorityCode,
                    lat,
                    lon,
                    newPlaces,
                    minAge,
                    maxAge,
                    sexes,
                    needsMet,
                    pets,
                    weeklyCost,
                    available,
                    ofstedUrn,
                    postcodeDistrict);
        }

        /** A home as exchange format v1 describes it, without the 1.1 columns. */
        public HomeRow(
                String homeId,
                String name,
                HomeKind kind,
                Provider provider,
                String authorityCode,
                double lat,
                double lon,
                int places,
                int minAge,
                int maxAge,
                SexesAccepted sexes,
                Set<Need> needsMet,
                boolean pets,
                double weeklyCost,
                boolean available) {
            this(
                    homeId,
                    name,
                    kind,
                    provider,
                    authorityCode,
                    lat,
                    lon,
                    places,
                    minAge,
                    maxAge,
                    sexes,
                    needsMet,
                    pets,
                    weeklyCost,
                    available,
                    null,
                    null);
        }
    }

    /**
     * The last five components are v1.1's placement details (see {@link PlacementDetails}); a child read from a v1
     * file has {@link PlacementDetails#NONE}.
     */
    public record ChildRow(
            String childId,
            String authorityCode,
            LocalDate dateOfBirth,
            Sex sex,
            double homeLat,
            double homeLon,
            Double schoolLat,
            Double schoolLon,
            String siblingGroup,
            Set<Need> needs,
            Set<HomeKind> placementKinds,
            Set<HomeKind> preferredKinds,
            Alongside alongside,
            PetsRule pets,
            LocalDate neededBy,
            String currentHomeId,
            boolean mayMove,
            PlacementDetails details) {

        public ChildRow {
            details = details == null ? PlacementDetails.NONE : details;
        }

        /** A child as exchange format v1 describes it, without the 1.1 columns. */
        public ChildRow(
                String childId,
                String authorityCode,
                LocalDate dateOfBirth,
                Sex sex,
                double homeLat,
                double homeLon,
                Double schoolLat,
                Double schoolLon,
                String siblingGroup,
                Set<Need> needs,
                Set<HomeKind> placementKinds,
                Set<HomeKind> preferredKinds,
                Alongside alongside,
                PetsRule pets,
                LocalDate neededBy,
                String currentHomeId,
                boolean mayMove) {
            this(
                    childId,
                    authorityCode,
                    dateOfBirth,
                    sex,
                    homeLat,
                    homeLon,
                    schoolLat,
                    schoolLon,
                    siblingGroup,
                    needs,
                    placementKinds,
                    preferredKinds,
                    alongside,
                    pets,
                    neededBy,
                    currentHomeId,
                    mayMove,
                    PlacementDetails.NONE);
        }

        /** The same child awaiting a home from {@code newNeededBy}, or living in one; every other column kept. */
        public ChildRow withPlacement(LocalDate newNeededBy, String newCurrentHomeId, boolean newMayMove) {
            return with(newNeededBy, newCurrentHomeId, newMayMove, details);
        }

        public ChildRow withDetails(PlacementDetails newDetails) {
            return with(neededBy, currentHomeId, mayMove, newDetails);
        }

        private ChildRow with(
                LocalDate newNeededBy, String newCurrentHomeId, boolean newMayMove, PlacementDetails newDetails) {
            return new ChildRow(
                    childId,
                    authorityCode,
                    dateOfBirth,
                    sex,
                    homeLat,
                    homeLon,
                    schoolLat,
                    schoolLon,
                    siblingGroup,
                    needs,
                    placementKinds,
                    preferredKinds,
                    alongside,
                    pets,
                    newNeededBy,
                    newCurrentHomeId,
                    newMayMove,
                    newDetails);
        }

        public boolean awaiting() {
            return currentHomeId == null;
        }

        public boolean hasSchool() {
            return schoolLat != null && schoolLon != null;
        }
    }

    /**
     * v1.1: what the national placements return needs of a child's referral and current placement. Every field
     * may be null (not given), except {@code culturalNeeds}, which defaults to NOT_KNOWN.
     *
     * @param placementWeeklyCost the agreed weekly cost of the current placement; null means the home's weekly cost
     * @param outOfAreaReason one of {@link Codes.OutOfAreaReason}'s names or free text
     */
    public record PlacementDetails(
            LocalDate referralDate,
            LocalDate placedOn,
            Double placementWeeklyCost,
            CulturalNeeds culturalNeeds,
            String outOfAreaReason) {
        public static final PlacementDetails NONE =
                new PlacementDetails(null, null, null, CulturalNeeds.NOT_KNOWN, null);

        public PlacementDetails {
            culturalNeeds = culturalNeeds == null ? CulturalNeeds.NOT_KNOWN : culturalNeeds;
        }
    }

    public record AvoidZoneRow(String childId, double lat, double lon, double radiusKm, String reason) {}

    public record KeyPlaceRow(String childId, double lat, double lon, KeyPlaceKind kind, double visitsPerMonth) {}
}
