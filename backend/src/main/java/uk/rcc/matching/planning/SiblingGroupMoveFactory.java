package uk.rcc.matching.planning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

/**
 * Moves a whole sibling group into one home, which single-child moves rarely find because every member moved
 * alone first makes the score worse. When the home has no room, the planned children living there, dearest first,
 * swap into the homes the siblings leave (when those are among their candidates) or, when they too are waiting
 * for a placement, wait instead: which children get the scarce places is as much the question as where they go.
 */
public class SiblingGroupMoveFactory implements MoveIteratorFactory<MatchingSolution, ReassignMove> {
    private static final int ATTEMPTS = 20;

    /**
     * Each group's target homes. Candidate lists never change while solving, and intersecting them for every move
     * took most of the search's time, so they are worked out once per group (one factory serves one solver).
     */
    private final Map<SiblingGroup, List<Home>> targets = new ConcurrentHashMap<>();

    private MatchingSolution groupsFor;
    private List<List<PlannedChild>> groupsList;

    @Override
    public long getSize(ScoreDirector<MatchingSolution> scoreDirector) {
        return groupsOf(scoreDirector.getWorkingSolution()).values().stream()
                .mapToLong(members -> members.get(0).getCandidateHomes().size())
                .sum();
    }

    @Override
    public Iterator<ReassignMove> createOriginalMoveIterator(ScoreDirector<MatchingSolution> scoreDirector) {
        MatchingSolution solution = scoreDirector.getWorkingSolution();
        Map<Home, List<PlannedChild>> living = solution.plannedChildrenByHome();
        List<ReassignMove> moves = new ArrayList<>();
        for (List<PlannedChild> members : groupsOf(solution).values()) {
            for (Home home : commonCandidates(members)) {
                ReassignMove move = moveInto(living, members, home);
                if (move != null) {
                    moves.add(move);
                }
            }
        }
        return moves.iterator();
    }

    @Override
    public Iterator<ReassignMove> createRandomMoveIterator(
            ScoreDirector<MatchingSolution> scoreDirector, Random random) {
        MatchingSolution solution = scoreDirector.getWorkingSolution();
        List<List<PlannedChild>> groups = groups(solution);
        return new RandomMoveIterator(solution, random, ATTEMPTS) {
            @Override
            public boolean hasNext() {
                return !groups.isEmpty();
            }

            @Override
            protected ReassignMove attempt() {
                List<PlannedChild> members = groups.get(random.nextInt(groups.size()));
                List<Home> homes =
                        targets.computeIfAbsent(members.get(0).siblingGroup(), group -> preferredTargets(members));
                return homes.isEmpty() ? null : moveInto(living(), members, homes.get(random.nextInt(homes.size())));
            }
        };
    }

    /** The groups' planned members never change while solving, so they are found once per solution. */
    private synchronized List<List<PlannedChild>> groups(MatchingSolution solution) {
        if (groupsFor != solution) {
            groupsList = new ArrayList<>(groupsOf(solution).values());
            groupsFor = solution;
        }
        return groupsList;
    }

    /** Groups with at least one planned member and more than one member in all. */
    static Map<SiblingGroup, List<PlannedChild>> groupsOf(MatchingSolution solution) {
        Map<SiblingGroup, List<PlannedChild>> groups = new LinkedHashMap<>();
        for (PlannedChild child : solution.getPlannedChildren()) {
            if (child.siblingGroup() != null) {
                groups.computeIfAbsent(child.siblingGroup(), g -> new ArrayList<>())
                        .add(child);
            }
        }
        groups.entrySet()
                .removeIf(e -> e.getValue().size() + e.getKey().stayingHomes().size() < 2);
        return groups;
    }

    /** The home of a staying member when all planned members could live there, else any common candidate. */
    private static List<Home> preferredTargets(List<PlannedChild> members) {
        List<Home> common = commonCandidates(members);
        List<Home> staying = common.stream()
                .filter(members.get(0).siblingGroup().stayingHomes()::contains)
                .toList();
        return staying.isEmpty() ? common : staying;
    }

    static List<Home> commonCandidates(List<PlannedChild> members) {
        Set<Home> common = new HashSet<>(members.get(0).getCandidateHomes());
        for (PlannedChild member : members.subList(1, members.size())) {
            common.retainAll(new HashSet<>(member.getCandidateHomes()));
        }
        return members.get(0).getCandidateHomes().stream()
                .filter(common::contains)
                .toList();
    }

    /** The move putting every member into {@code home}, swapping others out if needed; null when impossible. */
    static ReassignMove moveInto(MatchingSolution solution, List<PlannedChild> members, Home home) {
        return moveInto(solution.plannedChildrenByHome(), members, home);
    }

    private static ReassignMove moveInto(Map<Home, List<PlannedChild>> living, List<PlannedChild> members, Home home) {
        List<PlannedChild> arriving =
                members.stream().filter(m -> m.getHome() != home).toList();
        if (arriving.isEmpty()) {
            return null;
        }
        // the dearest children there give way first: their leaving saves the most
        List<PlannedChild> others = living.getOrDefault(home, List.of()).stream()
                .filter(c -> !members.contains(c))
                .sorted(Comparator.comparingLong((PlannedChild c) -> c.cost().totalHundredths())
                        .reversed())
                .toList();
        int free = home.places() - home.stayingCount() - others.size() - (members.size() - arriving.size());
        List<PlannedChild> children = new ArrayList<>(arriving);
        List<Home> targets = new ArrayList<>();
        arriving.forEach(m -> targets.add(home));
        int shortfall = arriving.size() - free;
        List<Home> vacated = arriving.stream()
                .map(PlannedChild::getHome)
                .filter(h -> h != null)
                .toList();
        for (int i = 0; i < shortfall; i++) {
            if (i >= others.size()) {
                return null;
            }
            PlannedChild other = others.get(i);
            if (i < vacated.size() && other.getCandidateHomes().contains(vacated.get(i))) {
                targets.add(vacated.get(i));
            } else if (other.awaiting()) {
                targets.add(null); // waits instead, when the group's arrival places as many as it unplaces
            } else {
                return null;
            }
            children.add(other);
        }
        return new ReassignMove(children, targets);
    }
}
