package uk.rcc.matching.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import uk.rcc.matching.ConstraintTestData;

class MatchingSolutionClonerTest {

    private static MatchingSolution twoChildrenOneHomed() {
        var data = new ConstraintTestData();
        data.home("H1", 2);
        data.home("H2", 1);
        data.child("A", 10).siblings("S1").add();
        data.child("B", 12).add();
        data.child("S", 14).livesIn("H2", false).add();
        MatchingSolution solution = data.problem().solution();
        ConstraintTestData.assign(solution, "A", "H1");
        solution.setScore(HardMediumSoftLongScore.of(0, -1, -250));
        return solution;
    }

    @Test
    void cloneCopiesEveryPlannedChildWithItsHomeAndSharesTheFacts() throws IllegalAccessException {
        MatchingSolution original = twoChildrenOneHomed();

        MatchingSolution clone = new MatchingSolutionCloner().cloneSolution(original);

        assertEquals(original.getScore(), clone.getScore());
        assertSame(original.getHomes(), clone.getHomes());
        assertSame(original.getStayingChildren(), clone.getStayingChildren());
        assertSame(original.getSiblingGroups(), clone.getSiblingGroups());
        assertSame(original.getWeights(), clone.getWeights());
        assertEquals(
                original.getPlannedChildren().size(), clone.getPlannedChildren().size());
        for (int i = 0; i < original.getPlannedChildren().size(); i++) {
            PlannedChild before = original.getPlannedChildren().get(i);
            PlannedChild copy = clone.getPlannedChildren().get(i);
            assertNotSame(before, copy);
            // every field, so a field added to PlannedChild but not to its clone fails here
            for (Field field : PlannedChild.class.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    field.setAccessible(true);
                    assertSame(field.get(before), field.get(copy), field.getName());
                }
            }
        }
    }

    @Test
    void changingAHomeInTheCloneLeavesTheOriginalAsItWas() {
        MatchingSolution original = twoChildrenOneHomed();
        MatchingSolution clone = new MatchingSolutionCloner().cloneSolution(original);

        ConstraintTestData.planned(clone, "A").setHome(null);
        ConstraintTestData.assign(clone, "B", "H1");

        assertEquals("H1", ConstraintTestData.homeOf(original, "A").id());
        assertNull(ConstraintTestData.homeOf(original, "B"));
    }
}
