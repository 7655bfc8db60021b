package uk.rcc.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import uk.rcc.matching.policy.MatchingPolicy;

class SolverConfigsTest {

    private static ConstraintTestData splitSiblingsAndAnotherChild() {
        var data = new ConstraintTestData();
        data.home("H1", 1);
        data.home("H2", 2);
        data.child("A", 10).siblings("S1").add();
        data.child("B", 8).siblings("S1").add();
        data.child("C", 12).add();
        return data;
    }

    @Test
    void nightlyConfigWithMoveThreadsPlacesEveryoneAndKeepsSiblingsTogether() {
        var config =
                SolverConfigs.withTimeLimit(SolverConfigs.fromClasspath(SolverConfigs.NIGHTLY), Duration.ofSeconds(2));
        MatchResult result =
                new Matcher(config).match(splitSiblingsAndAnotherChild().dataset(), MatchingPolicy.reference());

        assertEquals(3, result.placed());
        assertEquals(0, result.siblingGroupsSplit());
        assertEquals(0, result.score().hardScore());
    }

    @Test
    void operatorConfigFileIsReadFromThePathGiven() {
        var config = SolverConfigs.fromFile(Path.of("..", "solver-configs", "interactive-solver.xml"));
        MatchResult result = new Matcher(SolverConfigs.withTimeLimit(config, Duration.ofSeconds(1)))
                .match(splitSiblingsAndAnotherChild().dataset(), MatchingPolicy.reference());

        assertEquals(3, result.placed());
    }

    @Test
    void missingConfigFileIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> SolverConfigs.fromFile(Path.of("no-such-config.xml")));
    }
}
