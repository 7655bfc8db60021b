package uk.rcc.matching.fallback;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.AbstractMove;

/**
 * Moves every planned member of a sibling group into one home at once. Single-child moves rarely reunite a group:
 * moving one sibling alone first costs more than it saves, so the search needs this move to find the reunion.
 */
public final class SiblingGroupMove extends AbstractMove<PlacementPlan> {
    private final List<ChildPlan> siblings;
    private final Home target;

    public SiblingGroupMove(List<ChildPlan> siblings, Home target) {
        this.siblings = siblings;
        this.target = target;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<PlacementPlan> scoreDirector) {
        return siblings.stream().anyMatch(child -> child.getHome() != target);
    }

    @Override
    protected AbstractMove<PlacementPlan> createUndoMove(ScoreDirector<PlacementPlan> scoreDirector) {
        return new UndoMove(siblings, siblings.stream().map(ChildPlan::getHome).toList());
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<PlacementPlan> scoreDirector) {
        for (ChildPlan child : siblings) {
            move(scoreDirector, child, target);
        }
    }

    static void move(ScoreDirector<PlacementPlan> scoreDirector, ChildPlan child, Home home) {
        scoreDirector.beforeVariableChanged(child, "home");
        child.setHome(home);
        scoreDirector.afterVariableChanged(child, "home");
    }

    @Override
    public SiblingGroupMove rebase(ScoreDirector<PlacementPlan> destination) {
        List<ChildPlan> rebased = new ArrayList<>();
        siblings.forEach(child -> rebased.add(destination.lookUpWorkingObject(child)));
        return new SiblingGroupMove(rebased, destination.lookUpWorkingObject(target));
    }

    @Override
    public Collection<?> getPlanningEntities() {
        return siblings;
    }

    @Override
    public Collection<?> getPlanningValues() {
        return List.of(target);
    }

    @Override
    public String toString() {
        return siblings + " => " + target;
    }

    /** Puts each sibling back where they were. */
    private static final class UndoMove extends AbstractMove<PlacementPlan> {
        private final List<ChildPlan> siblings;
        private final List<Home> homes;

        UndoMove(List<ChildPlan> siblings, List<Home> homes) {
            this.siblings = siblings;
            this.homes = homes;
        }

        @Override
        public boolean isMoveDoable(ScoreDirector<PlacementPlan> scoreDirector) {
            return true;
        }

        @Override
        protected AbstractMove<PlacementPlan> createUndoMove(ScoreDirector<PlacementPlan> scoreDirector) {
            return new UndoMove(siblings, siblings.stream().map(ChildPlan::getHome).toList());
        }

        @Override
        protected void doMoveOnGenuineVariables(ScoreDirector<PlacementPlan> scoreDirector) {
            for (int i = 0; i < siblings.size(); i++) {
                move(scoreDirector, siblings.get(i), homes.get(i));
            }
        }

        @Override
        public Collection<?> getPlanningEntities() {
            return siblings;
        }

        @Override
        public Collection<?> getPlanningValues() {
            return homes.stream().filter(java.util.Objects::nonNull).toList();
        }
    }
}
