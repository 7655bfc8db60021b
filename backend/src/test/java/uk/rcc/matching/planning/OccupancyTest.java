package uk.rcc.matching.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.rcc.matching.ConstraintTestData;

class OccupancyTest {

    private static Map<Home, Set<PlannedChild>> asSets(Map<Home, List<PlannedChild>> living) {
        Map<Home, Set<PlannedChild>> sets = new HashMap<>();
        living.forEach((home, children) -> sets.put(home, new HashSet<>(children)));
        return sets;
    }

    @Test
    void afterEveryRoundOfMovesItMatchesWhoLivesWhereWorkedOutAfresh() {
        var data = new ConstraintTestData();
        for (int h = 1; h <= 4; h++) {
            data.home("H" + h, 3);
        }
        for (int c = 1; c <= 8; c++) {
            data.child("C" + c, 8 + c).add();
        }
        MatchingSolution solution = data.problem().solution();
        List<Home> homes = solution.getHomes();
        Random random = new Random(7);

        for (int round = 0; round < 50; round++) {
            for (int moves = random.nextInt(4); moves >= 0; moves--) {
                PlannedChild child = solution.getPlannedChildren().get(random.nextInt(8));
                int pick = random.nextInt(homes.size() + 1); // one in five leaves the child unplaced
                child.setHome(pick == homes.size() ? null : homes.get(pick));
            }

            assertEquals(asSets(solution.plannedChildrenByHome()), asSets(solution.occupancy()), "round " + round);
        }
    }
}
