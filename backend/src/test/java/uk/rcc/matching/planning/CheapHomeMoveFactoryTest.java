package uk.rcc.matching.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Iterator;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.SolverFactory;
import uk.rcc.exchange.Codes.HomeKind;
import uk.rcc.matching.ConstraintTestData;

class CheapHomeMoveFactoryTest {
    private static final double TENTH = 0.1;

    /** Cheap-home moves only, a couple of hundred steps (late acceptance wanders among equal states). */
    private static SolverFactory<MatchingSolution> cheapHomeMovesOnly() {
        return OnlyTheseMoves.solverFactory(CheapHomeMoveFactory.class, 200);
    }

    /** Three one-place homes in a line, a tenth of a degree apart; H1 is at the reference point. */
    private static ConstraintTestData threeHomesInALine() {
        var data = new ConstraintTestData();
        data.home("H1", 1);
        data.home(
                "H2",
                1,
                HomeKind.FOSTER,
                ConstraintTestData.OWN,
                ConstraintTestData.LAT + TENTH,
                ConstraintTestData.LON,
                0);
        data.home(
                "H3",
                1,
                HomeKind.FOSTER,
                ConstraintTestData.OWN,
                ConstraintTestData.LAT + 2 * TENTH,
                ConstraintTestData.LON,
                0);
        return data;
    }

    @Test
    void solveMovesAChildIntoTheFullHomeNearItsSchoolAndTheChildThereOnToAHomeWithRoom() {
        var data = threeHomesInALine();
        // A's school is at H1; C's is halfway between H1 and H2, so C is as well off in either
        data.child("A", 10)
                .school(ConstraintTestData.LAT, ConstraintTestData.LON)
                .add();
        data.child("C", 12)
                .school(ConstraintTestData.LAT + TENTH / 2, ConstraintTestData.LON)
                .add();
        MatchingSolution far = data.problem().solution();
        ConstraintTestData.assign(far, "A", "H3");
        ConstraintTestData.assign(far, "C", "H1");

        MatchingSolution solved = cheapHomeMovesOnly().buildSolver().solve(far);

        assertEquals("H1", ConstraintTestData.homeOf(solved, "A").id());
        assertEquals("H2", ConstraintTestData.homeOf(solved, "C").id());
    }

    @Test
    void solveSwapsTwoChildrenEachLivingNearerTheOthersSchool() {
        var data = threeHomesInALine();
        data.child("A", 10)
                .school(ConstraintTestData.LAT, ConstraintTestData.LON)
                .add();
        data.child("C", 12)
                .school(ConstraintTestData.LAT + 2 * TENTH, ConstraintTestData.LON)
                .add();
        data.child("S", 9).livesIn("H2", false).add(); // H2 is full, so neither child can wait there
        MatchingSolution crossed = data.problem().solution();
        ConstraintTestData.assign(crossed, "A", "H3");
        ConstraintTestData.assign(crossed, "C", "H1");

        MatchingSolution solved = cheapHomeMovesOnly().buildSolver().solve(crossed);

        assertEquals("H1", ConstraintTestData.homeOf(solved, "A").id());
        assertEquals("H3", ConstraintTestData.homeOf(solved, "C").id());
    }

    @Test
    void noMoveWhenTheChildInTheFullHomeHasNowhereElseToGoAndMayNotBeLeftWithout() {
        var data = threeHomesInALine();
        data.child("A", 10).add();
        data.child("C", 12).livesIn("H1", true).add(); // placed there and allowed to move, so never left homeless
        data.child("S2", 13).livesIn("H2", false).add();
        data.child("S3", 14).livesIn("H3", false).add();
        MatchingSolution full = data.problem().solution();
        ConstraintTestData.assign(full, "C", "H1");

        Iterator<ReassignMove> moves = CheapHomeMoveFactory.randomMoves(full, new Random(1));

        for (int i = 0; i < 100; i++) {
            assertFalse(moves.next().isMoveDoable(null), "A waits: C may only live in H1, which A would need");
        }
    }

    @Test
    void solveGivesTheLastPlaceToTheWaitingChildItSuitsBetter() {
        var data = threeHomesInALine();
        data.child("A", 10)
                .school(ConstraintTestData.LAT, ConstraintTestData.LON)
                .add();
        data.child("C", 12)
                .school(ConstraintTestData.LAT + 2 * TENTH, ConstraintTestData.LON)
                .add();
        data.child("S2", 13).livesIn("H2", false).add();
        data.child("S3", 14).livesIn("H3", false).add();
        MatchingSolution dearer = data.problem().solution();
        ConstraintTestData.assign(dearer, "C", "H1"); // C is 22 km from school there, A would be at school

        MatchingSolution solved = cheapHomeMovesOnly().buildSolver().solve(dearer);

        assertEquals("H1", ConstraintTestData.homeOf(solved, "A").id());
        assertNull(ConstraintTestData.homeOf(solved, "C"));
        assertEquals(-1, solved.getScore().mediumScore(), "still one child waiting, only a different one");
    }
}
