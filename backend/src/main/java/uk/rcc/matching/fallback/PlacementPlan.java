package uk.rcc.matching.fallback;

import java.util.List;

import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/** The whole co-operative's matching problem: every child (planned or staying) and every home. */
@PlanningSolution
public final class PlacementPlan {
    @ProblemFactCollectionProperty
    private List<Home> homes;
    @PlanningEntityCollectionProperty
    private List<ChildPlan> children;
    @PlanningScore
    private HardMediumSoftLongScore score;

    PlacementPlan() {
    }

    public PlacementPlan(List<Home> homes, List<ChildPlan> children) {
        this.homes = homes;
        this.children = children;
    }

    public List<Home> homes() {
        return homes;
    }

    public List<ChildPlan> children() {
        return children;
    }

    public HardMediumSoftLongScore score() {
        return score;
    }
}
