package uk.rcc.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.rcc.matching.ConstraintTestData.LAT;
import static uk.rcc.matching.ConstraintTestData.LON;
import static uk.rcc.matching.ConstraintTestData.OWN;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import uk.rcc.exchange.Codes.Alongside;
import uk.rcc.exchange.Codes.HomeKind;
import uk.rcc.exchange.Codes.Need;
import uk.rcc.matching.planning.Home;
import uk.rcc.matching.planning.MatchingSolution;

/** The first answer: min-cost assignment rounds that settle the sharing rules no assignment sees. */
class AssignmentStartTest {
    private static final Duration BUDGET = Duration.ofSeconds(5);
    private static final double FAR = 0.5;

    private static String homeOf(MatchingSolution solution, String childId) {
        Home home = ConstraintTestData.homeOf(solution, childId);
        return home == null ? null : home.id();
    }

    @Test
    void aChildWhoMustLiveAloneWaitsWhenThreeOthersCanHaveTheOnlyHome() {
        ConstraintTestData data = new ConstraintTestData();
        data.home("H3", 3);
        data.child("SOLO", 12).alongside(Alongside.SOLO).add();
        data.child("A", 10).add();
        data.child("B", 10).add();
        data.child("C", 10).add();

        MatchingSolution solution = data.problem().assignmentStart(BUDGET);

        assertThat(homeOf(solution, "SOLO")).isNull();
        assertThat(homeOf(solution, "A")).isEqualTo("H3");
        assertThat(homeOf(solution, "B")).isEqualTo("H3");
        assertThat(homeOf(solution, "C")).isEqualTo("H3");
    }

    @Test
    void aChildWhoMustLiveAloneTakesTheSmallHomeSoOthersCanHaveTheBigOne() {
        ConstraintTestData data = new ConstraintTestData();
        data.home("BIG", 3);
        data.home("SMALL", 1, HomeKind.FOSTER, OWN, LAT + FAR, LON, 0);
        data.child("SOLO", 12).alongside(Alongside.SOLO).add();
        for (String id : new String[] {"A", "B", "C"}) {
            data.child(id, 10).add();
            data.avoidZone(id, LAT + FAR, LON, 1);
        }

        MatchingSolution solution = data.problem().assignmentStart(BUDGET);

        assertThat(homeOf(solution, "SOLO")).isEqualTo("SMALL");
        assertThat(solution.getPlannedChildren()).allMatch(child -> child.getHome() != null);
    }

    @Test
    void aChildWithNowhereElseKeepsTheHomeAndAYoungerChildGoesFurther() {
        ConstraintTestData data = new ConstraintTestData();
        data.home("NEAR", 2);
        data.home("FURTHER", 1, HomeKind.FOSTER, OWN, LAT + FAR, LON, 0);
        data.child("HSB", 15).needs(Need.HSB).add();
        data.avoidZone("HSB", LAT + FAR, LON, 1);
        data.child("YOUNGER", 8).add();

        MatchingSolution solution = data.problem().assignmentStart(BUDGET);

        assertThat(homeOf(solution, "HSB")).isEqualTo("NEAR");
        assertThat(homeOf(solution, "YOUNGER")).isEqualTo("FURTHER");
    }
}
