package uk.rcc.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import uk.rcc.exchange.Codes.HomeKind;
import uk.rcc.matching.planning.MatchingSolution;

class WholeSolutionScoreTest {

    @Test
    void smallHandMadeProblemScoresExactlyAsThePolicySays() {
        var data = new ConstraintTestData();
        data.home(
                "H1", 2, HomeKind.FOSTER, ConstraintTestData.OWN, ConstraintTestData.LAT, ConstraintTestData.LON, 400);
        data.home(
                "H2",
                1,
                HomeKind.FOSTER,
                ConstraintTestData.OTHER,
                ConstraintTestData.LAT + 0.1,
                ConstraintTestData.LON,
                600);
        data.child("A", 10).siblings("S1").add();
        data.child("B", 8)
                .siblings("S1")
                .school(ConstraintTestData.LAT + 0.1, ConstraintTestData.LON)
                .add();
        data.child("C", 12).livesIn("H1", true).add();
        data.child("D", 16)
                .kinds(Set.of(HomeKind.SUPPORTED), Set.of(HomeKind.SUPPORTED))
                .add();
        MatchingSolution solution = data.problem().solution();
        ConstraintTestData.assign(solution, "A", "H1");
        ConstraintTestData.assign(solution, "B", "H2");
        ConstraintTestData.assign(solution, "C", "H1");

        // A in H1: 0 km from family home, £400 = 4 points
        // B in H2: 0 km from school, outside Cumberland 15, £600 = 6 points -> 21
        // C stays in H1: 0 km, £400 = 4 points, not moved
        // D: no supported accommodation exists -> unplaced (medium -1)
        // sibling group S1 in two homes: 60
        long soft = 400 + 2100 + 400 + 6000;
        assertEquals(HardMediumSoftLongScore.of(0, -1, -soft), ConstraintTestData.score(solution));
    }
}
