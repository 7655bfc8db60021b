package uk.rcc.matching.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import uk.rcc.exchange.Codes.Alongside;
import uk.rcc.exchange.Codes.HomeKind;
import uk.rcc.exchange.Codes.Need;
import uk.rcc.matching.ConstraintTestData;

/** One test per constraint, named after it: a case that penalises and one that does not. */
class MatchingConstraintProviderTest {
    private static final HardMediumSoftLongScore NONE = HardMediumSoftLongScore.ZERO;

    private static HardMediumSoftLongScore hard(long n) {
        return HardMediumSoftLongScore.ofHard(-n);
    }

    private static HardMediumSoftLongScore soft(long hundredths) {
        return HardMediumSoftLongScore.ofSoft(-hundredths);
    }

    @Test
    void capacity() {
        var data = new ConstraintTestData();
        data.home("H1", 1);
        data.home("H2", 1);
        data.child("A", 10).add();
        data.child("B", 10).add();
        data.child("S", 10).livesIn("H2", false).add();
        MatchingSolution solution = data.problem().solution();

        ConstraintTestData.assign(solution, "A", "H1");
        ConstraintTestData.assign(solution, "B", "H1");
        assertEquals(hard(1), ConstraintTestData.scoreOf(solution, "capacity"));

        ConstraintTestData.assign(solution, "B", "H2"); // the staying child already fills H2
        assertEquals(hard(1), ConstraintTestData.scoreOf(solution, "capacity"));

        ConstraintTestData.assign(solution, "B", null);
        assertEquals(NONE, ConstraintTestData.scoreOf(solution, "capacity"));
    }

    @Test
    void alongsideRules() {
        var data = new ConstraintTestData();
        data.home("H1", 2);
        data.home("H2", 2);
        data.child("SOLO", 10).alongside(Alongside.SOLO).add();
        data.child("B", 12).add();
        data.child("OLDER_ONLY", 9).alongside(Alongside.OLDER_ONLY).add();
        MatchingSolution solution = data.problem().solution();

        ConstraintTestData.assign(solution, "SOLO", "H1");
        ConstraintTestData.assign(solution, "B", "H1");
        assertEquals(hard(1), ConstraintTestData.scoreOf(solution, "alongsideRules"));

        ConstraintTestData.assign(solution, "SOLO", null);
        ConstraintTestData.assign(solution, "OLDER_ONLY", "H1"); // B is older: allowed
        assertEquals(NONE, ConstraintTestData.scoreOf(solution, "alongsideRules"));
    }

    @Test
    void alongsideRulesWithStayingChild() {
        var data = new ConstraintTestData();
        data.home("H1", 2);
        data.home("H2", 2);
        data.child("YOUNGER_ONLY", 10).alongside(Alongside.YOUNGER_ONLY).add();
        data.child("OLDER", 12).livesIn("H1", false).add();
        data.child("YOUNGER", 8).livesIn("H2", false).add();
        MatchingSolution solution = data.problem().solution();

        ConstraintTestData.assign(solution, "YOUNGER_ONLY", "H1");
        assertEquals(hard(1), ConstraintTestData.scoreOf(solution, "alongsideRulesWithStayingChild"));

        ConstraintTestData.assign(solution, "YOUNGER_ONLY", "H2");
        assertEquals(NONE, ConstraintTestData.scoreOf(solution, "alongsideRulesWithStayingChild"));
    }

    @Test
    void hsbNeverWithYoungerChild() {
        var data = new ConstraintTestData();
        data.home("H1", 2);
        data.home("H2", 2);
        data.child("HSB", 14).needs(Need.HSB).add();
        data.child("YOUNGER", 10).add();
        data.child("SAME_AGE", 14).add();
        MatchingSolution solution = data.problem().solution();

        ConstraintTestData.assign(solution, "HSB", "H1");
        ConstraintTestData.assign(solution, "YOUNGER", "H1");
        assertEquals(hard(1), ConstraintTestData.scoreOf(solution, "hsbNeverWithYoungerChild"));

        ConstraintTestData.assign(solution, "YOUNGER", "H2");
        ConstraintTestData.assign(solution, "SAME_AGE", "H1");
        assertEquals(NONE, ConstraintTestData.scoreOf(solution, "hsbNeverWithYoungerChild"));
    }

    @Test
    void hsbNeverWithYoungerStayingChild() {
        var data = new ConstraintTestData();
        data.home("H1", 2);
        data.home("H2", 2);
        data.child("HSB", 14).needs(Need.HSB).add();
        data.child("YOUNGER", 13).livesIn("H1", false).add();
        data.child("OLDER", 16).livesIn("H2", false).add();
        MatchingSolution solution = data.problem().solution();

        ConstraintTestData.assign(solution, "HSB", "H1");
        assertEquals(hard(1), ConstraintTestData.scoreOf(solution, "hsbNeverWithYoungerStayingChild"));

        ConstraintTestData.assign(solution, "HSB", "H2");
        assertEquals(NONE, ConstraintTestData.scoreOf(solution, "hsbNeverWithYoungerStayingChild"));
    }

    @Test
    void movableChildWithoutHome() {
        var data = new ConstraintTestData();
        data.home("H1", 1);
        data.child("M", 10).livesIn("H1", true).add();
        MatchingSolution solution = data.problem().solution();

        assertEquals(hard(1), ConstraintTestData.scoreOf(solution, "movableChildWithoutHome"));
        ConstraintTestData.assign(solution, "M", "H1");
        assertEquals(NONE, ConstraintTestData.scoreOf(solution, "movableChildWithoutHome"));
    }

    @Test
    void unplacedAwaitingChild() {
        var data = new ConstraintTestData();
        data.home("H1", 1);
        data.child("A", 10).add();
        MatchingSolution solution = data.problem().solution();

        assertEquals(
                HardMediumSoftLongScore.ofMedium(-1), ConstraintTestData.scoreOf(solution, "unplacedAwaitingChild"));
        ConstraintTestData.assign(solution, "A", "H1");
        assertEquals(NONE, ConstraintTestData.scoreOf(solution, "unplacedAwaitingChild"));
    }

    @Test
    void distanceToSchoolOrHome() {
        var data = new ConstraintTestData();
        data.home("NEAR", 1);
        data.home(
                "NORTH",
                1,
                HomeKind.FOSTER,
                ConstraintTestData.OWN,
                ConstraintTestData.LAT + 0.1,
                ConstraintTestData.LON,
                0);
        data.child("A", 10).add(); // no school: measured from the family home at the reference point
        MatchingSolution solution = data.problem().solution();

        ConstraintTestData.assign(solution, "A", "NORTH");
        long expected = Math.round(ConstraintTestData.KM_PER_TENTH_DEGREE * 100); // 11.12 km: 1112
        assertEquals(soft(expected), ConstraintTestData.scoreOf(solution, "distanceToSchoolOrHome"));

        ConstraintTestData.assign(solution, "A", "NEAR");
        assertEquals(NONE, ConstraintTestData.scoreOf(solution, "distanceToSchoolOrHome"));
    }

    @Test
    void keyPlaces() {
        var data = new ConstraintTestData();
        data.home("H1", 1);
        data.child("A", 10).add();
        data.keyPlace("A", ConstraintTestData.LAT + 0.1, ConstraintTestData.LON, 5);
        MatchingSolution solution = data.problem().solution();

        ConstraintTestData.assign(solution, "A", "H1");
        long expected = Math.round(0.1 * 5 * ConstraintTestData.KM_PER_TENTH_DEGREE * 100); // 5.56 points
        assertEquals(soft(expected), ConstraintTestData.scoreOf(solution, "keyPlaces"));

        ConstraintTestData.assign(solution, "A", null);
        assertEquals(NONE, ConstraintTestData.scoreOf(solution, "keyPlaces"));
    }

    @Test
    void outsideOwnCouncil() {
        var data = new ConstraintTestData();
        data.home("OWN", 1);
        data.home(
                "AWAY",
                1,
                HomeKind.FOSTER,
                ConstraintTestData.OTHER,
                ConstraintTestData.LAT,
                ConstraintTestData.LON,
                0);
        data.child("A", 10).add();
        MatchingSolution solution = data.problem().solution();

        ConstraintTestData.assign(solution, "A", "AWAY");
        assertEquals(soft(1500), ConstraintTestData.scoreOf(solution, "outsideOwnCouncil"));
        ConstraintTestData.assign(solution, "A", "OWN");
        assertEquals(NONE, ConstraintTestData.scoreOf(solution, "outsideOwnCouncil"));
    }

    @Test
    void nonPreferredKind() {
        var data = new ConstraintTestData();
        data.home("FOSTER", 1);
        data.home(
                "RESIDENTIAL",
                1,
                HomeKind.CHILDRENS_HOME,
                ConstraintTestData.OWN,
                ConstraintTestData.LAT,
                ConstraintTestData.LON,
                0);
        data.child("A", 10)
                .kinds(Set.of(HomeKind.FOSTER, HomeKind.CHILDRENS_HOME), Set.of(HomeKind.FOSTER))
                .add();
        MatchingSolution solution = data.problem().solution();

        ConstraintTestData.assign(solution, "A", "RESIDENTIAL");
        assertEquals(soft(2000), ConstraintTestData.scoreOf(solution, "nonPreferredKind"));
        ConstraintTestData.assign(solution, "A", "FOSTER");
        assertEquals(NONE, ConstraintTestData.scoreOf(solution, "nonPreferredKind"));
    }

    @Test
    void weeklyCost() {
        var data = new ConstraintTestData();
        data.home("FREE", 1);
        data.home(
                "DEAR",
                1,
                HomeKind.FOSTER,
                ConstraintTestData.OWN,
                ConstraintTestData.LAT,
                ConstraintTestData.LON,
                750);
        data.child("A", 10).add();
        MatchingSolution solution = data.problem().solution();

        ConstraintTestData.assign(solution, "A", "DEAR");
        assertEquals(soft(750), ConstraintTestData.scoreOf(solution, "weeklyCost")); // £750: 7.5 points
        ConstraintTestData.assign(solution, "A", "FREE");
        assertEquals(NONE, ConstraintTestData.scoreOf(solution, "weeklyCost"));
    }

    @Test
    void movedChild() {
        var data = new ConstraintTestData();
        data.home("H1", 1);
        data.home("H2", 1);
        data.child("M", 10).livesIn("H1", true).add();
        MatchingSolution solution = data.problem().solution();

        ConstraintTestData.assign(solution, "M", "H2");
        assertEquals(soft(10000), ConstraintTestData.scoreOf(solution, "movedChild"));
        ConstraintTestData.assign(solution, "M", "H1");
        assertEquals(NONE, ConstraintTestData.scoreOf(solution, "movedChild"));
    }

    @Test
    void siblingGroupSplit() {
        var data = new ConstraintTestData();
        data.home("H1", 3);
        data.home("H2", 3);
        data.home("H3", 3);
        data.child("A", 10).siblings("S1").add();
        data.child("B", 8).siblings("S1").add();
        data.child("C", 6).siblings("S1").livesIn("H3", false).add();
        MatchingSolution solution = data.problem().solution();

        ConstraintTestData.assign(solution, "A", "H1");
        ConstraintTestData.assign(solution, "B", "H2");
        assertEquals(soft(2 * 6000), ConstraintTestData.scoreOf(solution, "siblingGroupSplit")); // 3 homes

        ConstraintTestData.assign(solution, "B", null); // unplaced members do not count as a home
        assertEquals(soft(6000), ConstraintTestData.scoreOf(solution, "siblingGroupSplit"));

        ConstraintTestData.assign(solution, "A", "H3");
        ConstraintTestData.assign(solution, "B", "H3");
        assertEquals(NONE, ConstraintTestData.scoreOf(solution, "siblingGroupSplit"));
    }

    @Test
    void siblingGroupSplitAmongStayingChildren() {
        var data = new ConstraintTestData();
        data.home("H1", 3);
        data.home("H2", 3);
        data.child("A", 10).siblings("S1").add();
        data.child("B", 8).siblings("S1").livesIn("H1", false).add();
        data.child("C", 6).siblings("S1").livesIn("H2", false).add();
        MatchingSolution solution = data.problem().solution();

        assertEquals(soft(6000), ConstraintTestData.scoreOf(solution, "siblingGroupSplitAmongStayingChildren"));

        ConstraintTestData.assign(solution, "A", "H1"); // now counted by siblingGroupSplit instead
        assertEquals(NONE, ConstraintTestData.scoreOf(solution, "siblingGroupSplitAmongStayingChildren"));
        assertEquals(soft(6000), ConstraintTestData.scoreOf(solution, "siblingGroupSplit"));
    }
}
