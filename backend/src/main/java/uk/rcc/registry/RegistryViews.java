package uk.rcc.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** What the JSON API shows of the registry. Children's locations are rounded to about 1 km. */
public final class RegistryViews {
    private RegistryViews() {}

    public record AuthorityView(String authorityCode, String name, double lat, double lon, boolean member) {}

    public record HomeView(
            String homeId,
            String name,
            String kind,
            String provider,
            String authorityCode,
            double lat,
            double lon,
            int places,
            int occupied,
            int vacancies,
            int minAge,
            int maxAge,
            String sexes,
            Set<String> needsMet,
            boolean pets,
            double weeklyCost,
            boolean available,
            int version) {}

    /**
     * A home as the homes map draws and filters it: position, kind, provider, council, places and vacancies, ages
     * and needs met, and how current its vacancy is: the day it was last confirmed, {@code vacancyStale} (only
     * when true), and availability and a place-free-from date only when not simply available. The rest of a home
     * (sexes, pets, cost, occupancy) is read from {@code /api/homes/{id}} when an officer selects it, so the
     * register every officer downloads carries only this.
     */
    public record MapHome(
            String homeId,
            String name,
            String kind,
            String provider,
            String authorityCode,
            double lat,
            double lon,
            int places,
            int vacancies,
            int minAge,
            int maxAge,
            Set<String> needsMet,
            boolean available,

            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            String availability,

            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            LocalDate availableFrom,

            LocalDate vacancyConfirmedOn,

            @com.fasterxml.jackson.annotation.JsonInclude(
                    com.fasterxml.jackson.annotation.JsonInclude.Include.NON_DEFAULT)
            boolean vacancyStale) {}

    public record ChildSummary(
            String childId,
            String authorityCode,
            int age,
            String sex,
            String siblingGroup,
            Set<String> needs,
            Set<String> placementKinds,
            LocalDate neededBy,
            String currentHomeId,
            boolean mayMove,
            long daysWaiting) {}

    public record Point(double lat, double lon) {}

    public record KeyPlaceView(String kind, Point at, double visitsPerMonth) {}

    public record AvoidZoneView(Point centre, double radiusKm, String reason) {}

    public record ChildDetail(
            ChildSummary child,
            Point familyHome,
            Point school,
            Set<String> preferredKinds,
            String alongside,
            String pets,
            List<KeyPlaceView> keyPlaces,
            List<AvoidZoneView> avoidZones,
            List<String> siblings,
            int version,
            String locationPrecision) {}

    /** About 1 km: enough to plan on a map, not enough to find a family's address. */
    public static Point approximate(double lat, double lon) {
        return new Point(Math.round(lat * 100) / 100.0, Math.round(lon * 100) / 100.0);
    }
}
