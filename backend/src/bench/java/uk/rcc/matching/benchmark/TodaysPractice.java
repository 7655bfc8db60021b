package uk.rcc.matching.benchmark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeDataset.AvoidZoneRow;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;
import uk.rcc.matching.policy.Geo;
import uk.rcc.placement.PlacementRules;

/**
 * Today's practice, as the baseline the solver must beat: one child at a time in referral order, each to the
 * nearest valid vacancy (to the family home) in the child's own council, else the nearest anywhere.
 */
public final class TodaysPractice {
    private TodaysPractice() {}

    /** @return child id to home id for every planned child placed; unplaced children are absent */
    public static Map<String, String> assign(ExchangeDataset dataset) {
        LocalDate asOf = dataset.asOf();
        Map<String, List<AvoidZoneRow>> zones =
                dataset.avoidZones().stream().collect(Collectors.groupingBy(AvoidZoneRow::childId));
        Map<String, List<ChildRow>> living = new HashMap<>();
        List<ChildRow> planned = new ArrayList<>();
        for (ChildRow child : dataset.children()) {
            if (child.currentHomeId() != null && !child.mayMove()) {
                living.computeIfAbsent(child.currentHomeId(), h -> new ArrayList<>())
                        .add(child);
            } else {
                planned.add(child);
            }
        }
        planned.sort(Comparator.comparing((ChildRow c) -> c.neededBy() == null ? LocalDate.MAX : c.neededBy())
                .thenComparing(ChildRow::childId));
        Map<String, String> assignment = new HashMap<>();
        for (ChildRow child : planned) {
            HomeRow best = nearestValid(
                    child, dataset.homes(), living, zones.getOrDefault(child.childId(), List.of()), asOf, true);
            if (best == null) {
                best = nearestValid(
                        child, dataset.homes(), living, zones.getOrDefault(child.childId(), List.of()), asOf, false);
            }
            if (best != null) {
                assignment.put(child.childId(), best.homeId());
                living.computeIfAbsent(best.homeId(), h -> new ArrayList<>()).add(child);
            }
        }
        return assignment;
    }

    private static HomeRow nearestValid(
            ChildRow child,
            List<HomeRow> homes,
            Map<String, List<ChildRow>> living,
            List<AvoidZoneRow> zones,
            LocalDate asOf,
            boolean ownCouncilOnly) {
        HomeRow best = null;
        double bestKm = Double.MAX_VALUE;
        for (HomeRow home : homes) {
            if (ownCouncilOnly && !home.authorityCode().equals(child.authorityCode())) {
                continue;
            }
            List<ChildRow> residents = living.getOrDefault(home.homeId(), List.of());
            double km = Geo.haversineKm(child.homeLat(), child.homeLon(), home.lat(), home.lon());
            if (km >= bestKm || residents.size() >= home.places()) {
                continue;
            }
            if (PlacementRules.brokenRules(child, home, residents, zones, asOf).isEmpty()) {
                best = home;
                bestKm = km;
            }
        }
        return best;
    }
}
