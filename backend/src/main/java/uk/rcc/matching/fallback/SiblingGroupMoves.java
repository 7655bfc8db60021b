package uk.rcc.matching.fallback;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveListFactory;

/**
 * Every way to put a sibling group's planned members together: into each home that is a candidate for all of
 * them and has at least as many places as the group has members.
 */
public final class SiblingGroupMoves implements MoveListFactory<PlacementPlan> {

    @Override
    public List<SiblingGroupMove> createMoveList(PlacementPlan plan) {
        Map<String, List<ChildPlan>> groups = new LinkedHashMap<>();
        for (ChildPlan child : plan.children()) {
            if (child.siblingGroup() != null && !child.isPinned()) {
                groups.computeIfAbsent(child.siblingGroup(), g -> new ArrayList<>()).add(child);
            }
        }
        List<SiblingGroupMove> moves = new ArrayList<>();
        for (List<ChildPlan> siblings : groups.values()) {
            if (siblings.size() < 2) {
                continue;
            }
            Set<Home> shared = new LinkedHashSet<>(siblings.get(0).getCandidates());
            siblings.forEach(child -> shared.retainAll(child.getCandidates()));
            for (Home home : shared) {
                if (home.places() >= siblings.size()) {
                    moves.add(new SiblingGroupMove(siblings, home));
                }
            }
        }
        return moves;
    }

}
