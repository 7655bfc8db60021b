package uk.rcc.matching.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.rcc.exchange.Codes.HomeKind;
import uk.rcc.matching.ConstraintTestData;

class LocalReassignmentMoveFactoryTest {
    private static final double TENTH = 0.1;
    private static final double LAT = ConstraintTestData.LAT;
    private static final double LON = ConstraintTestData.LON;

    private static ConstraintTestData homesInALine(int places) {
        var data = new ConstraintTestData();
        for (int i = 1; i <= 3; i++) {
            data.home("H" + i, places, HomeKind.FOSTER, ConstraintTestData.OWN, LAT + (i - 1) * TENTH, LON, 0);
        }
        return data;
    }

    private static List<String> homesAfter(MatchingSolution solution, List<String> childIds) {
        List<PlannedChild> moving = childIds.stream()
                .map(id -> ConstraintTestData.planned(solution, id))
                .toList();
        ReassignMove move = LocalReassignmentMoveFactory.reassign(
                solution.plannedChildrenByHome(),
                LocalReassignmentMoveFactory.membersByGroup(solution.getPlannedChildren()),
                moving);
        return move.targets().stream()
                .map(home -> home == null ? null : home.id())
                .toList();
    }

    @Test
    void threeChildrenEachInTheNextOnesHomeRotateToTheHomesNearTheirSchools() {
        var data = homesInALine(1);
        data.child("A", 10).school(LAT, LON).add();
        data.child("B", 11).school(LAT + TENTH, LON).add();
        data.child("C", 12).school(LAT + 2 * TENTH, LON).add();
        MatchingSolution rotated = data.problem().solution();
        ConstraintTestData.assign(rotated, "A", "H3");
        ConstraintTestData.assign(rotated, "B", "H1");
        ConstraintTestData.assign(rotated, "C", "H2");

        assertEquals(List.of("H1", "H2", "H3"), homesAfter(rotated, List.of("A", "B", "C")));
    }

    @Test
    void aSiblingJoinsTheSiblingHeldOutsideTheNeighbourhoodWhenThatCostsLessThanLivingApart() {
        var data = homesInALine(2);
        data.child("X", 9).siblings("S1").add();
        data.child("Y", 11).siblings("S1").school(LAT, LON).add(); // 11 km from H2, 0 from H1; apart costs 60
        MatchingSolution apart = data.problem().solution();
        ConstraintTestData.assign(apart, "X", "H2");
        ConstraintTestData.assign(apart, "Y", "H1");

        assertEquals(List.of("H2"), homesAfter(apart, List.of("Y")));
    }

    @Test
    void aWaitingChildIsPlacedWhenTheOthersCanMakeRoomAndNoOneWhoHadAHomeLosesIt() {
        var data = homesInALine(1);
        data.child("A", 10).school(LAT, LON).livesIn("H1", true).add();
        data.child("B", 11).school(LAT, LON).livesIn("H2", true).add();
        data.child("W", 12).school(LAT, LON).add();
        data.avoidZone("W", LAT + 2 * TENTH, LON, 1.0); // W may not live in H3, the only home with room
        MatchingSolution waiting = data.problem().solution();
        ConstraintTestData.assign(waiting, "A", "H1");
        ConstraintTestData.assign(waiting, "B", "H2");

        List<String> homes = homesAfter(waiting, List.of("A", "B", "W"));

        assertEquals(
                3, homes.stream().filter(java.util.Objects::nonNull).distinct().count(), homes.toString());
        assertEquals(true, List.of("H1", "H2").contains(homes.get(2)), "W takes a place A or B made: " + homes);
    }
}
