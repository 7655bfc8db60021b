package uk.rcc.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeDataset.AvoidZoneRow;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;
import uk.rcc.exchange.ExchangeDataset.KeyPlaceRow;
import uk.rcc.matching.policy.CostTerms;
import uk.rcc.matching.policy.Geo;
import uk.rcc.matching.policy.MatchingPolicy;
import uk.rcc.matching.policy.Points;
import uk.rcc.placement.PlacementRules;

/**
 * Scores any assignment of the planned children by the reference policy, from the data set alone, so the solver
 * and today's practice are measured by the same ruler: hard rules broken, unplaced, soft cost, mission figures.
 */
public record PolicyCost(
        int planned,
        int placed,
        int hardBroken,
        double softCost,
        double within20MilesShare,
        double outsideCouncilShare,
        int siblingGroupsSplit,
        double meanKmToSchool,
        double weeklyCost) {
    /** The DfE's "placed more than 20 miles from home" measure. */
    public static final double TWENTY_MILES_KM = 32.187;

    public static PolicyCost of(ExchangeDataset dataset, Map<String, String> assignment, MatchingPolicy policy) {
        Map<String, HomeRow> homes = new HashMap<>();
        dataset.homes().forEach(h -> homes.put(h.homeId(), h));
        Map<String, List<AvoidZoneRow>> zones =
                dataset.avoidZones().stream().collect(Collectors.groupingBy(AvoidZoneRow::childId));
        Map<String, List<KeyPlaceRow>> keyPlaces =
                dataset.keyPlaces().stream().collect(Collectors.groupingBy(KeyPlaceRow::childId));
        Map<String, String> homeOf = new HashMap<>();
        List<ChildRow> planned = new ArrayList<>();
        for (ChildRow child : dataset.children()) {
            boolean stays = child.currentHomeId() != null && !child.mayMove();
            if (stays) {
                homeOf.put(child.childId(), child.currentHomeId());
            } else {
                planned.add(child);
                String home = assignment.get(child.childId());
                if (home != null) {
                    homeOf.put(child.childId(), home);
                }
            }
        }
        Map<String, List<ChildRow>> living = new HashMap<>();
        dataset.children().stream()
                .filter(c -> homeOf.containsKey(c.childId()))
                .forEach(c -> living.computeIfAbsent(homeOf.get(c.childId()), h -> new ArrayList<>())
                        .add(c));
        int hard = 0;
        for (Map.Entry<String, List<ChildRow>> home : living.entrySet()) {
            hard += Math.max(
                    0, home.getValue().size() - homes.get(home.getKey()).places());
        }
        int placed = 0;
        int within = 0;
        int outside = 0;
        double soft = 0;
        double km = 0;
        double weekly = 0;
        for (ChildRow child : planned) {
            String homeId = homeOf.get(child.childId());
            if (homeId == null) {
                continue;
            }
            HomeRow home = homes.get(homeId);
            placed++;
            List<ChildRow> others =
                    living.get(homeId).stream().filter(c -> c != child).toList();
            if (!homeId.equals(child.currentHomeId())) {
                hard += PlacementRules.brokenRules(
                                child, home, others, zones.getOrDefault(child.childId(), List.of()), dataset.asOf())
                        .size();
            }
            soft += Points.points(
                    CostTerms.totalHundredths(child, home, keyPlaces.getOrDefault(child.childId(), List.of()), policy));
            double fromHome = Geo.haversineKm(child.homeLat(), child.homeLon(), home.lat(), home.lon());
            within += fromHome <= TWENTY_MILES_KM ? 1 : 0;
            outside += home.authorityCode().equals(child.authorityCode()) ? 0 : 1;
            km += child.hasSchool()
                    ? Geo.haversineKm(child.schoolLat(), child.schoolLon(), home.lat(), home.lon())
                    : fromHome;
            weekly += home.weeklyCost();
        }
        Map<String, Set<String>> groupHomes = new HashMap<>();
        for (ChildRow child : dataset.children()) {
            if (child.siblingGroup() != null && homeOf.containsKey(child.childId())) {
                groupHomes
                        .computeIfAbsent(child.siblingGroup(), g -> new HashSet<>())
                        .add(homeOf.get(child.childId()));
            }
        }
        int split = 0;
        for (Set<String> groupHomeIds : groupHomes.values()) {
            soft += policy.siblingGroupSplit() * (groupHomeIds.size() - 1);
            split += groupHomeIds.size() > 1 ? 1 : 0;
        }
        return new PolicyCost(
                planned.size(),
                placed,
                hard,
                soft,
                placed == 0 ? 0 : within / (double) placed,
                placed == 0 ? 0 : outside / (double) placed,
                split,
                placed == 0 ? 0 : km / placed,
                weekly);
    }

    public int unplaced() {
        return planned - placed;
    }
}
