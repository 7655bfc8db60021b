package uk.rcc.matching.planning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.AbstractMove;

/** Gives several children new homes in one step: how a sibling group moves in together, or swaps with others. */
public final class ReassignMove extends AbstractMove<MatchingSolution> {
    private final List<PlannedChild> children;
    private final List<Home> targets;

    public ReassignMove(List<PlannedChild> children, List<Home> targets) {
        this.children = List.copyOf(children);
        this.targets = new ArrayList<>(targets);
    }

    /** The homes the children get, in the order of the children; null leaves a child unplaced. */
    List<Home> targets() {
        return java.util.Collections.unmodifiableList(targets);
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<MatchingSolution> scoreDirector) {
        for (int i = 0; i < children.size(); i++) {
            if (!Objects.equals(children.get(i).getHome(), targets.get(i))) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected ReassignMove createUndoMove(ScoreDirector<MatchingSolution> scoreDirector) {
        return new ReassignMove(
                children, children.stream().map(PlannedChild::getHome).toList());
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<MatchingSolution> scoreDirector) {
        for (int i = 0; i < children.size(); i++) {
            PlannedChild child = children.get(i);
            scoreDirector.beforeVariableChanged(child, "home");
            child.setHome(targets.get(i));
            scoreDirector.afterVariableChanged(child, "home");
        }
    }

    @Override
    public ReassignMove rebase(ScoreDirector<MatchingSolution> destination) {
        return new ReassignMove(rebaseList(children, destination), rebaseList(targets, destination));
    }

    @Override
    public Collection<?> getPlanningEntities() {
        return children;
    }

    @Override
    public Collection<?> getPlanningValues() {
        return targets.stream().filter(Objects::nonNull).toList();
    }

    @Override
    public String toString() {
        return "reassign " + children + " to " + targets;
    }
}
