package uk.rcc.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.rcc.matching.ConstraintTestData.LAT;
import static uk.rcc.matching.ConstraintTestData.LON;
import static uk.rcc.matching.ConstraintTestData.OWN;

import org.junit.jupiter.api.Test;
import uk.rcc.exchange.Codes.Alongside;
import uk.rcc.exchange.Codes.HomeKind;
import uk.rcc.matching.planning.MatchingSolution;

class PlaceMoreByChainsTest {
    private static final long NO_DEADLINE = Long.MAX_VALUE;

    /** Two homes of one place; B can only live in H1, where A was put; A can move to H2. */
    private static ConstraintTestData twoHomes() {
        ConstraintTestData data = new ConstraintTestData();
        data.home("H1", 1);
        data.home("H2", 2, HomeKind.FOSTER, OWN, LAT + 0.5, LON, 0);
        data.child("A", 10).add();
        data.child("B", 10).add();
        data.avoidZone("B", LAT + 0.5, LON, 1);
        return data;
    }

    @Test
    void aWaitingChildTakesThePlaceAnotherGivesUpWhenTheOtherCanMoveElsewhere() {
        MatchingProblem problem = twoHomes().problem();
        MatchingSolution solution = problem.solution();
        ConstraintTestData.assign(solution, "A", "H1");

        int added = PlaceMoreByChains.apply(solution.getStayingChildren(), solution.getPlannedChildren(), NO_DEADLINE);

        assertThat(added).isEqualTo(1);
        assertThat(ConstraintTestData.homeOf(solution, "B").id()).isEqualTo("H1");
        assertThat(ConstraintTestData.homeOf(solution, "A").id()).isEqualTo("H2");
    }

    @Test
    void noChainMovesAChildInWithSomeoneTheyMayNotLiveWith() {
        ConstraintTestData data = twoHomes();
        data.child("SOLO", 12).alongside(Alongside.SOLO).livesIn("H2", false).add();
        MatchingSolution solution = data.problem().solution();
        ConstraintTestData.assign(solution, "A", "H1");

        int added = PlaceMoreByChains.apply(solution.getStayingChildren(), solution.getPlannedChildren(), NO_DEADLINE);

        assertThat(added).isZero();
        assertThat(ConstraintTestData.homeOf(solution, "A").id()).isEqualTo("H1");
        assertThat(ConstraintTestData.homeOf(solution, "B")).isNull();
    }
}
