package uk.rcc.matching.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.SolverFactory;
import uk.rcc.matching.ConstraintTestData;

class SiblingGroupMoveFactoryTest {

    /** Sibling-group moves only, a few steps: any reunion found is the move's doing. */
    private static SolverFactory<MatchingSolution> siblingMovesOnly() {
        return OnlyTheseMoves.solverFactory(SiblingGroupMoveFactory.class, 3);
    }

    @Test
    void solveReunitesASplitGroupBySwappingAnotherChildOut() {
        var data = new ConstraintTestData();
        data.home("H1", 1);
        data.home("H2", 1);
        data.home("H3", 2);
        data.child("A", 10).siblings("S1").add();
        data.child("B", 8).siblings("S1").add();
        data.child("C", 12).add();
        data.child("D", 13).add();
        MatchingSolution split = data.problem().solution();
        ConstraintTestData.assign(split, "A", "H1");
        ConstraintTestData.assign(split, "B", "H2");
        ConstraintTestData.assign(split, "C", "H3");
        ConstraintTestData.assign(split, "D", "H3");

        MatchingSolution solved = siblingMovesOnly().buildSolver().solve(split);

        assertEquals(ConstraintTestData.homeOf(solved, "A"), ConstraintTestData.homeOf(solved, "B"));
        assertEquals("H3", ConstraintTestData.homeOf(solved, "A").id());
        assertNotEquals("H3", ConstraintTestData.homeOf(solved, "C").id());
        assertNotEquals("H3", ConstraintTestData.homeOf(solved, "D").id());
        assertEquals(0, solved.getScore().softScore());
    }

    @Test
    void solveGivesAWaitingGroupTheHomeOfTwoWaitingChildrenItSuitsBetter() {
        var data = new ConstraintTestData();
        data.home("H1", 2);
        double farAway = ConstraintTestData.LAT + 0.5;
        data.child("A", 10)
                .siblings("S1")
                .school(ConstraintTestData.LAT, ConstraintTestData.LON)
                .add();
        data.child("B", 8)
                .siblings("S1")
                .school(ConstraintTestData.LAT, ConstraintTestData.LON)
                .add();
        data.child("C", 12).school(farAway, ConstraintTestData.LON).add();
        data.child("D", 13).school(farAway, ConstraintTestData.LON).add();
        MatchingSolution dearer = data.problem().solution();
        ConstraintTestData.assign(dearer, "C", "H1");
        ConstraintTestData.assign(dearer, "D", "H1");

        MatchingSolution solved = siblingMovesOnly().buildSolver().solve(dearer);

        assertEquals("H1", ConstraintTestData.homeOf(solved, "A").id());
        assertEquals("H1", ConstraintTestData.homeOf(solved, "B").id());
        assertNull(ConstraintTestData.homeOf(solved, "C"));
        assertNull(ConstraintTestData.homeOf(solved, "D"));
        assertEquals(-2, solved.getScore().mediumScore(), "two children still wait, only different ones");
    }

    @Test
    void aChildWhoMayNotBeLeftWithoutAHomeIsNeverSentToWait() {
        var data = new ConstraintTestData();
        data.home("H1", 2);
        data.child("A", 10).siblings("S1").add();
        data.child("B", 8).siblings("S1").livesIn("H1", false).add(); // stays, so A joining B would be best
        data.child("C", 12).livesIn("H1", true).add();
        MatchingSolution solution = data.problem().solution();
        ConstraintTestData.assign(solution, "C", "H1");

        assertNull(SiblingGroupMoveFactory.moveInto(
                solution,
                List.of(ConstraintTestData.planned(solution, "A")),
                solution.getHomes().get(0)));
    }

    @Test
    void noMoveIntoAHomeWithoutRoomWhenNobodyCanSwapOut() {
        var data = new ConstraintTestData();
        data.home("H1", 1);
        data.home("H2", 1);
        data.home("H3", 2);
        data.child("A", 10).siblings("S1").add();
        data.child("B", 8).siblings("S1").add();
        data.child("S", 12).livesIn("H3", false).add();
        MatchingSolution solution = data.problem().solution();
        ConstraintTestData.assign(solution, "A", "H1");
        ConstraintTestData.assign(solution, "B", "H2");
        List<PlannedChild> group =
                List.of(ConstraintTestData.planned(solution, "A"), ConstraintTestData.planned(solution, "B"));
        Home h3 = solution.getHomes().get(2);
        Home h1 = solution.getHomes().get(0);

        assertNull(SiblingGroupMoveFactory.moveInto(solution, group, h3)); // one place left for two
        assertNull(SiblingGroupMoveFactory.moveInto(solution, group, h1)); // A fills it; nobody planned to swap out
    }
}
