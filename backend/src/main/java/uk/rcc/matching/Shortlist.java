package uk.rcc.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import uk.rcc.matching.planning.CandidateCost;
import uk.rcc.matching.planning.Home;
import uk.rcc.matching.planning.MatchingSolution;
import uk.rcc.matching.planning.Occupant;
import uk.rcc.matching.planning.PlannedChild;
import uk.rcc.matching.planning.Points;
import uk.rcc.matching.planning.SiblingGroup;

/**
 * The best K valid homes for one child given today's vacancies, with every other child left where they are. Plain
 * Java over the precomputed candidate costs, so an officer gets it at once; no solver run.
 */
public final class Shortlist {
    private final MatchingProblem problem;

    public Shortlist(MatchingProblem problem) {
        this.problem = problem;
    }

    /** One home on the shortlist: its cost in points (sibling term included) and the term-by-term breakdown. */
    public record Entry(String homeId, double cost, String breakdown) {
    }

    /**
     * @param full homes the child could live in but which have no place left today
     * @param sharingRuleBreaches homes where an alongside or HSB rule forbids living with a child already there
     */
    public record Result(String childId, List<Entry> homes, Exclusions exclusions, int full, int sharingRuleBreaches) {
        public String exclusionSummary() {
            return exclusions + "; " + full + " full; " + sharingRuleBreaches + " sharing rule";
        }
    }

    /** @param assignment the current proposal (or today's placements) for the other planned children */
    public Result forChild(String childId, MatchingSolution assignment, int k) {
        PlannedChild child = assignment.getPlannedChildren().stream().filter(c -> c.childId().equals(childId))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no planned child " + childId));
        Map<Home, List<Occupant>> occupants = occupantsExcept(assignment, child);
        Set<Home> siblingHomes = siblingHomesExcept(assignment, child);
        int full = 0;
        int sharing = 0;
        List<Home> valid = new ArrayList<>();
        for (Home home : child.validHomes()) {
            List<Occupant> living = occupants.getOrDefault(home, List.of());
            if (living.size() >= home.places()) {
                full++;
            } else if (living.stream().anyMatch(o -> Occupant.alongsideConflict(child, o)
                    || Occupant.hsbConflict(child, o))) {
                sharing++;
            } else {
                valid.add(home);
            }
        }
        // Breakdown strings are only built for the K homes shown; formatting thousands of them is the slow part.
        List<Entry> best = valid.stream()
                .sorted(Comparator.<Home>comparingLong(home -> costHundredths(child, home, siblingHomes))
                        .thenComparing(Home::id))
                .limit(k).map(home -> entry(child, home, siblingHomes)).toList();
        return new Result(childId, best, problem.exclusions(childId), full, sharing);
    }

    private static long costHundredths(PlannedChild child, Home home, Set<Home> siblingHomes) {
        return child.costIn(home).totalHundredths() + (apartFromSiblings(child, home, siblingHomes)
                ? child.siblingGroup().extraHomeHundredths() : 0);
    }

    private static boolean apartFromSiblings(PlannedChild child, Home home, Set<Home> siblingHomes) {
        return child.siblingGroup() != null && !siblingHomes.isEmpty() && !siblingHomes.contains(home);
    }

    private static Entry entry(PlannedChild child, Home home, Set<Home> siblingHomes) {
        CandidateCost cost = child.costIn(home);
        String breakdown = cost.breakdown();
        SiblingGroup group = child.siblingGroup();
        if (apartFromSiblings(child, home, siblingHomes)) {
            breakdown += (breakdown.isEmpty() ? "" : "; ") + "apart from sibling group " + group.id() + ": "
                    + Points.format(group.extraHomeHundredths());
        }
        return new Entry(home.id(), MatchingWeights.points(costHundredths(child, home, siblingHomes)), breakdown);
    }

    private static Map<Home, List<Occupant>> occupantsExcept(MatchingSolution solution, PlannedChild child) {
        Map<Home, List<Occupant>> occupants = new HashMap<>();
        solution.getStayingChildren().forEach(s -> occupants.computeIfAbsent(s.home(), h -> new ArrayList<>()).add(s));
        for (PlannedChild other : solution.getPlannedChildren()) {
            if (other != child && other.getHome() != null) {
                occupants.computeIfAbsent(other.getHome(), h -> new ArrayList<>()).add(other);
            }
        }
        return occupants;
    }

    private static Set<Home> siblingHomesExcept(MatchingSolution solution, PlannedChild child) {
        if (child.siblingGroup() == null) {
            return Set.of();
        }
        Set<Home> homes = new HashSet<>(child.siblingGroup().stayingHomes());
        solution.getPlannedChildren().stream()
                .filter(o -> o != child && o.getHome() != null && child.siblingGroup().equals(o.siblingGroup()))
                .forEach(o -> homes.add(o.getHome()));
        return homes;
    }
}
