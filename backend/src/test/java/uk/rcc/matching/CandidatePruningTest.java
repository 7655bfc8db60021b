package uk.rcc.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.rcc.exchange.Codes.HomeKind;
import uk.rcc.exchange.Codes.Need;
import uk.rcc.exchange.Codes.PetsRule;
import uk.rcc.exchange.Codes.Provider;
import uk.rcc.exchange.Codes.Sex;
import uk.rcc.exchange.Codes.SexesAccepted;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;
import uk.rcc.matching.planning.Home;
import uk.rcc.matching.policy.HomeRule;
import uk.rcc.matching.policy.HomeRules;
import uk.rcc.matching.policy.MatchingPolicy;

class CandidatePruningTest {
    private static final Set<Need> ALL_NEEDS = EnumSet.allOf(Need.class);

    private static HomeRow home(
            String id,
            int minAge,
            int maxAge,
            SexesAccepted sexes,
            Set<Need> needs,
            boolean pets,
            boolean available,
            HomeKind kind,
            double lat) {
        return new HomeRow(
                id,
                id,
                kind,
                Provider.IN_HOUSE,
                ConstraintTestData.OWN,
                lat,
                ConstraintTestData.LON,
                2,
                minAge,
                maxAge,
                sexes,
                needs,
                pets,
                100,
                available);
    }

    private static List<String> candidates(MatchingProblem problem, String childId) {
        return ConstraintTestData.planned(problem.solution(), childId).getCandidateHomes().stream()
                .map(Home::id)
                .toList();
    }

    private static List<String> validHomes(MatchingProblem problem, String childId) {
        return ConstraintTestData.planned(problem.solution(), childId).validHomes().stream()
                .map(Home::id)
                .toList();
    }

    @Test
    void eachHardRuleExcludesItsHomesAndIsCountedOnce() {
        var data = new ConstraintTestData();
        double lat = ConstraintTestData.LAT;
        data.homes.add(home("OK", 0, 17, SexesAccepted.ANY, ALL_NEEDS, false, true, HomeKind.FOSTER, lat));
        data.homes.add(home("TOO_OLD", 13, 17, SexesAccepted.ANY, ALL_NEEDS, false, true, HomeKind.FOSTER, lat));
        data.homes.add(home("TOO_YOUNG", 0, 9, SexesAccepted.ANY, ALL_NEEDS, false, true, HomeKind.FOSTER, lat));
        data.homes.add(home("BOYS", 0, 17, SexesAccepted.M, ALL_NEEDS, false, true, HomeKind.FOSTER, lat));
        data.homes.add(home("NO_BSL", 0, 17, SexesAccepted.ANY, Set.of(), false, true, HomeKind.FOSTER, lat));
        data.homes.add(home("PETS", 0, 17, SexesAccepted.ANY, ALL_NEEDS, true, true, HomeKind.FOSTER, lat));
        data.homes.add(home("ON_HOLD", 0, 17, SexesAccepted.ANY, ALL_NEEDS, false, false, HomeKind.FOSTER, lat));
        data.homes.add(
                home("RESIDENTIAL", 0, 17, SexesAccepted.ANY, ALL_NEEDS, false, true, HomeKind.CHILDRENS_HOME, lat));
        data.homes.add(home("IN_ZONE", 0, 17, SexesAccepted.ANY, ALL_NEEDS, false, true, HomeKind.FOSTER, lat + 0.1));
        data.child("A", 10).sex(Sex.F).needs(Need.BSL).pets(PetsRule.NO).add();
        data.avoidZone("A", lat + 0.1, ConstraintTestData.LON, 5);

        MatchingProblem problem = data.problem();

        assertEquals(List.of("OK"), candidates(problem, "A"));
        Exclusions exclusions = problem.exclusions("A");
        assertEquals(8, exclusions.total());
        assertEquals(2, exclusions.count(HomeRule.AGE_RANGE));
        assertEquals(1, exclusions.count(HomeRule.SEX));
        assertEquals(1, exclusions.count(HomeRule.NEEDS));
        assertEquals(1, exclusions.count(HomeRule.PETS));
        assertEquals(1, exclusions.count(HomeRule.NOT_AVAILABLE));
        assertEquals(1, exclusions.count(HomeRule.KIND));
        assertEquals(1, exclusions.count(HomeRule.AVOID_ZONES));
        assertEquals(
                "8 homes excluded: 2 age range, 1 not available, 1 kind not in care plan, 1 sex, 1 needs, 1 pets, "
                        + "1 avoid zones",
                exclusions.toString());
    }

    @Test
    void childAllowedToMoveKeepsTheirUnavailableHomeAsACandidate() {
        var data = new ConstraintTestData();
        data.homes.add(home(
                "CURRENT", 0, 17, SexesAccepted.ANY, ALL_NEEDS, false, false, HomeKind.FOSTER, ConstraintTestData.LAT));
        data.homes.add(home(
                "OTHER_ON_HOLD",
                0,
                17,
                SexesAccepted.ANY,
                ALL_NEEDS,
                false,
                false,
                HomeKind.FOSTER,
                ConstraintTestData.LAT));
        data.child("M", 10).livesIn("CURRENT", true).add();
        data.child("A", 10).add();

        MatchingProblem problem = data.problem();

        assertEquals(List.of("CURRENT"), candidates(problem, "M"));
        assertEquals(List.of(), candidates(problem, "A"));
        assertEquals(2, problem.exclusions("A").count(HomeRule.NOT_AVAILABLE));
    }

    @Test
    void ageIsWholeYearsOnTheAsOfDate() {
        var data = new ConstraintTestData();
        data.homes.add(home(
                "TEENS", 13, 17, SexesAccepted.ANY, ALL_NEEDS, false, true, HomeKind.FOSTER, ConstraintTestData.LAT));
        data.child("TWELVE", 12).add();
        data.child("THIRTEEN", 13).add();

        MatchingProblem problem = data.problem();

        assertEquals(List.of(), candidates(problem, "TWELVE"));
        assertEquals(List.of("TEENS"), candidates(problem, "THIRTEEN"));
    }

    @Test
    void searchLeavesOutHomesTheChildrenWhoStayFillOrTheChildMayNotLiveWith() {
        var data = new ConstraintTestData();
        data.home("FULL", 1);
        data.home("SOLO_RESIDENT", 2);
        data.home("YOUNGER_RESIDENT", 2);
        data.home("OLDER_RESIDENT", 2);
        data.home("EMPTY", 2);
        data.child("S1", 10).livesIn("FULL", false).add();
        data.child("S2", 12)
                .alongside(uk.rcc.exchange.Codes.Alongside.SOLO)
                .livesIn("SOLO_RESIDENT", false)
                .add();
        data.child("S3", 8).livesIn("YOUNGER_RESIDENT", false).add();
        data.child("S4", 16).livesIn("OLDER_RESIDENT", false).add();
        data.child("HSB", 14).needs(Need.HSB).add();
        data.child("A", 10).livesIn("EMPTY", true).add();

        MatchingProblem problem = data.problem();

        assertEquals(Set.of("OLDER_RESIDENT", "EMPTY"), Set.copyOf(candidates(problem, "HSB")));
        assertEquals(Set.of("YOUNGER_RESIDENT", "OLDER_RESIDENT", "EMPTY"), Set.copyOf(candidates(problem, "A")));
        assertEquals(
                Set.of("FULL", "SOLO_RESIDENT", "YOUNGER_RESIDENT", "OLDER_RESIDENT", "EMPTY"),
                Set.copyOf(validHomes(problem, "HSB")),
                "the homes the child's own rules allow are still listed");
        assertEquals(0, problem.exclusions("HSB").total(), "no home breaks the child's own rules");
    }

    @Test
    void childrenWhoMustStayAreFactsThatFillPlaces() {
        var data = new ConstraintTestData();
        data.home("H1", 2);
        data.child("S", 10).livesIn("H1", false).add();
        data.child("A", 10).add();

        MatchingProblem problem = data.problem();

        assertEquals(1, problem.solution().getStayingChildren().size());
        assertEquals(
                List.of("A"),
                problem.solution().getPlannedChildren().stream()
                        .map(c -> c.childId())
                        .toList());
        assertEquals(1, problem.solution().getHomes().get(0).stayingCount());
    }

    @Test
    void largeProblemsKeepEachChildsCheapestCandidatesWithRoomAndTheirCurrentHome() {
        ExchangeDataset dataset =
                uk.rcc.demo.DemoCooperativeGenerator.generate(uk.rcc.matching.benchmark.BenchmarkCommand.spec("1000"));
        MatchingProblem problem = MatchingProblem.of(dataset, MatchingPolicy.reference());
        int cap = MatchingProblem.candidateCap(dataset);
        Map<String, Integer> staying = new HashMap<>();
        dataset.children().stream()
                .filter(MatchingProblem::mustStay)
                .forEach(c -> staying.merge(c.currentHomeId(), 1, Integer::sum));
        int capped = 0;
        for (ChildRow child : dataset.children()) {
            if (MatchingProblem.mustStay(child)) {
                continue;
            }
            var zones = zones(dataset, child);
            var keyPlaces = dataset.keyPlaces().stream()
                    .filter(p -> p.childId().equals(child.childId()))
                    .toList();
            List<HomeRow> valid = dataset.homes().stream()
                    .filter(home -> HomeRules.firstBreach(child, HomeRules.ageYears(child, dataset.asOf()), zones, home)
                            == null)
                    .toList();
            List<String> expected = valid.stream().map(HomeRow::homeId).toList();
            if (valid.size() > cap) {
                capped++;
                expected = new ArrayList<>(valid.stream()
                        .filter(home -> staying.getOrDefault(home.homeId(), 0) < home.places()
                                || home.homeId().equals(child.currentHomeId()))
                        .sorted(Comparator.comparingLong(
                                home -> problem.cost(child, home).totalHundredths()))
                        .limit(cap)
                        .map(HomeRow::homeId)
                        .toList());
                if (child.currentHomeId() != null
                        && valid.stream().anyMatch(h -> h.homeId().equals(child.currentHomeId()))
                        && !expected.contains(child.currentHomeId())) {
                    expected.add(child.currentHomeId());
                }
            }
            List<String> listed = validHomes(problem, child.childId());
            assertEquals(Set.copyOf(expected), Set.copyOf(listed), child.childId());
            assertEquals(expected.size(), listed.size(), child.childId());
            List<Long> costs = listed.stream()
                    .map(id -> problem.cost(
                                    child,
                                    dataset.homes().stream()
                                            .filter(h -> h.homeId().equals(id))
                                            .findFirst()
                                            .orElseThrow())
                            .totalHundredths())
                    .toList();
            assertEquals(costs.stream().sorted().toList(), costs, child.childId() + ": cheapest home first");
            Map<HomeRule, Integer> excluded = new java.util.EnumMap<>(HomeRule.class);
            for (HomeRow home : dataset.homes()) {
                HomeRule reason = HomeRules.firstBreach(child, HomeRules.ageYears(child, dataset.asOf()), zones, home);
                if (reason != null) {
                    excluded.merge(reason, 1, Integer::sum);
                }
            }
            assertEquals(excluded, problem.exclusions(child.childId()).asMap(), child.childId());
            for (HomeRow home : valid) {
                assertEquals(
                        problem.cost(child, home).totalHundredths(), problem.totalHundredths(child, home, keyPlaces));
            }
        }
        assertTrue(capped > 0, "the generated co-operative should have children with more valid homes than the cap");
    }

    private static List<ExchangeDataset.AvoidZoneRow> zones(ExchangeDataset dataset, ChildRow child) {
        return dataset.avoidZones().stream()
                .filter(zone -> zone.childId().equals(child.childId()))
                .toList();
    }
}
