package uk.rcc.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import uk.rcc.exchange.Codes.Alongside;
import uk.rcc.exchange.Codes.HomeKind;
import uk.rcc.matching.planning.MatchingSolution;

class ShortlistTest {

    @Test
    void bestValidHomesWithTodaysVacanciesCheapestFirstWithBreakdown() {
        var data = new ConstraintTestData();
        data.home("CHEAP", 2, HomeKind.FOSTER, ConstraintTestData.OWN, ConstraintTestData.LAT, ConstraintTestData.LON, 300);
        data.home("AWAY", 2, HomeKind.FOSTER, ConstraintTestData.OTHER, ConstraintTestData.LAT, ConstraintTestData.LON, 300);
        data.home("DEAR", 2, HomeKind.FOSTER, ConstraintTestData.OWN, ConstraintTestData.LAT, ConstraintTestData.LON, 900);
        data.home("FULL", 1, HomeKind.FOSTER, ConstraintTestData.OWN, ConstraintTestData.LAT, ConstraintTestData.LON, 0);
        data.home("SOLO_THERE", 2, HomeKind.FOSTER, ConstraintTestData.OWN, ConstraintTestData.LAT, ConstraintTestData.LON, 0);
        data.home("TEENS_ONLY", 2, HomeKind.FOSTER, ConstraintTestData.OWN, ConstraintTestData.LAT, ConstraintTestData.LON, 0);
        data.replaceHome(new uk.rcc.exchange.ExchangeDataset.HomeRow("TEENS_ONLY", "TEENS_ONLY", HomeKind.FOSTER,
                uk.rcc.exchange.Codes.Provider.IN_HOUSE, ConstraintTestData.OWN, ConstraintTestData.LAT,
                ConstraintTestData.LON, 2, 13, 17, uk.rcc.exchange.Codes.SexesAccepted.ANY, java.util.Set.of(), false, 0,
                true));
        data.child("A", 10).add();
        data.child("F", 9).livesIn("FULL", false).add();
        data.child("SOLO", 9).alongside(Alongside.SOLO).livesIn("SOLO_THERE", false).add();
        MatchingProblem problem = data.problem();
        MatchingSolution today = problem.solution();

        Shortlist.Result result = new Shortlist(problem).forChild("A", today, 2);

        assertEquals(List.of("CHEAP", "DEAR"), result.homes().stream().map(Shortlist.Entry::homeId).toList());
        assertEquals(3.0, result.homes().get(0).cost());
        assertEquals("weekly cost £300: 3", // 0 km terms are left out
                result.homes().get(0).breakdown());
        assertEquals(1, result.full());
        assertEquals(1, result.sharingRuleBreaches());
        assertEquals(1, result.exclusions().count(ExclusionReason.AGE_RANGE));
    }
}
