package uk.rcc.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.rcc.exchange.Codes.HomeKind;
import uk.rcc.matching.planning.MatchingSolution;

class ExplanationTest {

    private static MatchingProblem twoSiblingsApart() {
        var data = new ConstraintTestData();
        data.home(
                "H1", 1, HomeKind.FOSTER, ConstraintTestData.OWN, ConstraintTestData.LAT, ConstraintTestData.LON, 400);
        data.home(
                "H2",
                1,
                HomeKind.FOSTER,
                ConstraintTestData.OTHER,
                ConstraintTestData.LAT + 0.1,
                ConstraintTestData.LON,
                750);
        data.child("A", 10).siblings("S1").add();
        data.child("B", 8).siblings("S1").add();
        data.child("U", 16)
                .kinds(java.util.Set.of(HomeKind.SUPPORTED), java.util.Set.of(HomeKind.SUPPORTED))
                .add();
        MatchingProblem problem = data.problem();
        ConstraintTestData.assign(problem.solution(), "A", "H1");
        ConstraintTestData.assign(problem.solution(), "B", "H2");
        return problem;
    }

    @Test
    void eachPlannedChildGetsItsCostAndATermByTermBreakdown() {
        MatchingProblem problem = twoSiblingsApart();
        MatchingSolution solution = problem.solution();
        ConstraintTestData.score(solution);

        Map<String, ChildOutcome> outcomes = MatchResult.of(problem, solution).outcomes().stream()
                .collect(Collectors.toMap(ChildOutcome::childId, o -> o));

        assertEquals("weekly cost £400: 4", outcomes.get("A").explanation());
        assertEquals(4.0, outcomes.get("A").cost());
        assertEquals(
                "11.1 km from family home: 11.12; outside Cumberland: 15; weekly cost £750: 7.5",
                outcomes.get("B").explanation());
        assertEquals(33.62, outcomes.get("B").cost(), 1e-9);
        assertEquals(
                "no valid home (2 homes excluded: 2 kind not in care plan)",
                outcomes.get("U").explanation());
    }

    @Test
    void constraintJustificationsSayWhatEachMatchCostsInWords() {
        MatchingSolution solution = twoSiblingsApart().solution();

        List<String> texts =
                ConstraintTestData.SOLUTION_MANAGER.explain(solution).getConstraintMatchTotalMap().values().stream()
                        .flatMap(total -> total.getConstraintMatchSet().stream())
                        .map(match -> match.getJustification().toString())
                        .sorted()
                        .toList();

        assertTrue(texts.contains("outside Cumberland: 15 points"), texts::toString);
        assertTrue(texts.contains("splits sibling group S1 across 2 homes"), texts::toString);
        assertTrue(texts.contains("11.1 km from family home"), texts::toString);
        assertTrue(texts.contains("U left unplaced"), texts::toString);
    }

    @Test
    void summaryCountsPlacedUnplacedAndSplitGroups() {
        MatchingProblem problem = twoSiblingsApart();
        ConstraintTestData.score(problem.solution());

        MatchResult result = MatchResult.of(problem, problem.solution());

        assertEquals(3, result.planned());
        assertEquals(2, result.placed());
        assertEquals(1, result.unplaced());
        assertEquals(1, result.siblingGroupsSplit());
        assertEquals(0.5, result.shareOutsideOwnCouncil());
        assertEquals(1.0, result.shareWithinTwentyMilesOfFamilyHome());
        assertEquals(4 + 33.62 + 60, result.totalSoftCost(), 1e-9);
    }
}
