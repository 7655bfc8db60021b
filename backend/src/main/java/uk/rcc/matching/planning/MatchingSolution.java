package uk.rcc.matching.planning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.domain.solution.ProblemFactProperty;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import uk.rcc.matching.policy.MatchingPolicy;

/** One matching problem: homes, children who must stay, children to plan, and the weights of the run. */
@PlanningSolution(solutionCloner = MatchingSolutionCloner.class)
public class MatchingSolution {
    @ProblemFactCollectionProperty
    private List<Home> homes;

    @ProblemFactCollectionProperty
    private List<StayingChild> stayingChildren;

    @ProblemFactCollectionProperty
    private List<SiblingGroup> siblingGroups;

    @ProblemFactProperty
    private MatchingPolicy weights;

    @PlanningEntityCollectionProperty
    private List<PlannedChild> plannedChildren;

    @PlanningScore
    private HardMediumSoftLongScore score;
    /** Who lives where, for the moves; built at first use, never cloned (each working solution has its own). */
    private Occupancy occupancy;

    MatchingSolution() {
        // for planning clones
    }

    public MatchingSolution(
            List<Home> homes,
            List<StayingChild> stayingChildren,
            List<SiblingGroup> siblingGroups,
            MatchingPolicy weights,
            List<PlannedChild> plannedChildren) {
        this.homes = homes;
        this.stayingChildren = stayingChildren;
        this.siblingGroups = siblingGroups;
        this.weights = weights;
        this.plannedChildren = plannedChildren;
    }

    public List<Home> getHomes() {
        return homes;
    }

    public List<StayingChild> getStayingChildren() {
        return stayingChildren;
    }

    public List<SiblingGroup> getSiblingGroups() {
        return siblingGroups;
    }

    public MatchingPolicy getWeights() {
        return weights;
    }

    public List<PlannedChild> getPlannedChildren() {
        return plannedChildren;
    }

    /** Planned children by the home they are in now (the unplaced left out); a new map each call. */
    public Map<Home, List<PlannedChild>> plannedChildrenByHome() {
        Map<Home, List<PlannedChild>> living = new HashMap<>();
        for (PlannedChild child : plannedChildren) {
            if (child.getHome() != null) {
                living.computeIfAbsent(child.getHome(), h -> new ArrayList<>()).add(child);
            }
        }
        return living;
    }

    /**
     * Planned children by the home they are in now, the unplaced left out: the same as
     * {@link #plannedChildrenByHome()}, brought up to date rather than rebuilt. Read-only; valid until a child moves.
     * For the moves of one solver, which draw from one working solution on one thread.
     */
    Map<Home, List<PlannedChild>> occupancy() {
        if (occupancy == null) {
            occupancy = new Occupancy(plannedChildren);
        }
        return occupancy.refresh();
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }
}
