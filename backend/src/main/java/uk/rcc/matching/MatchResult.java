package uk.rcc.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;
import uk.rcc.matching.planning.CandidateCost;
import uk.rcc.matching.planning.MatchingSolution;
import uk.rcc.matching.planning.PlannedChild;
import uk.rcc.matching.policy.Geo;
import uk.rcc.matching.policy.Points;

/**
 * What a matching run proposes and how good it is: the rows of proposals.csv and the summary figures. Shared by the
 * command line, a future HTTP run and benchmarks.
 */
public record MatchResult(List<ChildOutcome> outcomes, HardMediumSoftLongScore score, int siblingGroupsSplit) {

    public static MatchResult of(MatchingProblem problem, MatchingSolution solved) {
        Map<String, ChildRow> rows = new HashMap<>();
        problem.dataset().children().forEach(c -> rows.put(c.childId(), c));
        List<ChildOutcome> outcomes = new ArrayList<>();
        for (PlannedChild child : solved.getPlannedChildren()) {
            outcomes.add(outcome(problem, rows.get(child.childId()), child));
        }
        return new MatchResult(outcomes, solved.getScore(), siblingGroupsSplit(problem, solved));
    }

    private static ChildOutcome outcome(MatchingProblem problem, ChildRow row, PlannedChild child) {
        CandidateCost cost = child.cost();
        if (cost == null) {
            return new ChildOutcome(
                    child.childId(),
                    null,
                    0,
                    "no valid home (" + problem.exclusions(child.childId()) + ")",
                    Double.NaN,
                    null,
                    false);
        }
        HomeRow home = problem.homeRow(cost.home().id());
        double kmHome = Geo.haversineKm(row.homeLat(), row.homeLon(), home.lat(), home.lon());
        Double kmSchool =
                row.hasSchool() ? Geo.haversineKm(row.schoolLat(), row.schoolLon(), home.lat(), home.lon()) : null;
        return new ChildOutcome(
                child.childId(),
                home.homeId(),
                Points.points(cost.totalHundredths()),
                cost.breakdown(),
                kmHome,
                kmSchool,
                cost.outsideCouncilHundredths() > 0);
    }

    /** Groups whose members (staying and placed; unplaced ones do not count) live in more than one home. */
    private static int siblingGroupsSplit(MatchingProblem problem, MatchingSolution solved) {
        Map<String, String> homeOf = new HashMap<>();
        problem.dataset().children().stream()
                .filter(MatchingProblem::mustStay)
                .forEach(c -> homeOf.put(c.childId(), c.currentHomeId()));
        solved.getPlannedChildren().stream()
                .filter(c -> c.getHome() != null)
                .forEach(c -> homeOf.put(c.childId(), c.getHome().id()));
        Map<String, Set<String>> homesByGroup = new HashMap<>();
        for (ChildRow child : problem.dataset().children()) {
            String home = homeOf.get(child.childId());
            if (child.siblingGroup() != null && home != null) {
                homesByGroup
                        .computeIfAbsent(child.siblingGroup(), g -> new HashSet<>())
                        .add(home);
            }
        }
        return (int)
                homesByGroup.values().stream().filter(homes -> homes.size() > 1).count();
    }

    public int planned() {
        return outcomes.size();
    }

    public int placed() {
        return (int) outcomes.stream().filter(ChildOutcome::placed).count();
    }

    public int unplaced() {
        return planned() - placed();
    }

    /** The whole soft cost in points, sibling splits included. */
    public double totalSoftCost() {
        return -Points.points(score.softScore());
    }

    public double shareWithinTwentyMilesOfFamilyHome() {
        return share(o -> o.kmToFamilyHome() <= Geo.TWENTY_MILES_KM);
    }

    public double shareOutsideOwnCouncil() {
        return share(ChildOutcome::outsideOwnCouncil);
    }

    public OptionalDouble meanKmToSchool() {
        return outcomes.stream()
                .filter(o -> o.placed() && o.kmToSchool() != null)
                .mapToDouble(ChildOutcome::kmToSchool)
                .average();
    }

    private double share(java.util.function.Predicate<ChildOutcome> test) {
        long placed = placed();
        return placed == 0
                ? 0
                : (double) outcomes.stream()
                                .filter(o -> o.placed() && test.test(o))
                                .count()
                        / placed;
    }

    public List<String> summaryLines() {
        return List.of(
                "children planned: " + planned(),
                "placed: " + placed(),
                "unplaced: " + unplaced(),
                "hard score: " + score.hardScore(),
                "total soft cost: " + Points.format(-score.softScore()),
                String.format(
                        "placed within 20 miles of family home: %.1f%%", 100 * shareWithinTwentyMilesOfFamilyHome()),
                String.format("placed outside own council: %.1f%%", 100 * shareOutsideOwnCouncil()),
                "sibling groups split: " + siblingGroupsSplit,
                meanKmToSchool().isPresent()
                        ? String.format(
                                "mean km to school: %.1f", meanKmToSchool().getAsDouble())
                        : "mean km to school: n/a");
    }
}
