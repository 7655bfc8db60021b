package uk.rcc.homes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * A home as the people who keep it see it: the register's columns, how many children live there (a count, never
 * who), its availability as the provider states it, and when its vacancy was last confirmed.
 */
public record ManagedHome(
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
        String availability,
        LocalDate availableFrom,
        Instant vacancyConfirmedAt,
        String vacancyConfirmedBy,
        boolean vacancyStale,
        String providerOrgId,
        int version) {}
