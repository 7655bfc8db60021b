package uk.rcc.capacity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optaplanner.core.config.solver.SolverConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.rcc.exchange.Codes.HomeKind;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;
import uk.rcc.matching.MatchingProblem;
import uk.rcc.matching.PolicyCost;
import uk.rcc.matching.SolverConfigs;
import uk.rcc.matching.planning.Home;
import uk.rcc.matching.planning.MatchingSolution;
import uk.rcc.matching.planning.MatchingSolutionCloner;
import uk.rcc.matching.planning.Occupant;
import uk.rcc.matching.planning.PlannedChild;
import uk.rcc.matching.policy.HomeRules;
import uk.rcc.matching.policy.MatchingPolicy;

/**
 * Where one more place would help most. One matching problem is built with every existing home given a place more
 * (so homes the children who stay have filled are candidates too) and every possible new home included; the
 * places are then set back (new homes closed) and the co-operative is solved as usual, or a given answer is taken.
 * From that answer {@link PlaceChains} prices one more place in every home and the opening of every new home at
 * once (the min-cost flow's augmenting paths, rules between children included); the best candidates are then
 * confirmed one by one: the place is added, the chains are applied to a copy of the answer, the solver re-solves
 * from there, and the independent scorer ({@link PolicyCost}) gives the figures reported.
 */
public final class CapacityAnalysis {
    private static final Logger LOG = LoggerFactory.getLogger(CapacityAnalysis.class);
    /** A re-solve shorter than this is skipped: the chains alone are the confirmed answer. */
    private static final Duration SHORTEST_RESOLVE = Duration.ofMillis(300);
    /** How many more candidates than asked for are confirmed, since the screen's order is not exactly the re-solve's. */
    static final int EXTRA_CONFIRMED = 20;

    /**
     * @param solve the co-operative's own solve, when no answer is given
     * @param confirm time shared by all the confirming re-solves
     * @param top options reported for extra places, and for new homes of each kind
     */
    public record Settings(Duration solve, Duration confirm, int top) {}

    /** The options found, best first, and the answer they are measured against. */
    public record Report(
            PolicyCost baseline,
            Map<String, String> baselineAssignment,
            List<CapacityOption> extraPlaces,
            List<CapacityOption> newHomes,
            int homesScreened,
            int confirmed) {
        /** Extra places, then new homes kind by kind, each ranked from 1. */
        public List<Ranked> rows() {
            List<Ranked> rows = new ArrayList<>();
            for (int i = 0; i < extraPlaces.size(); i++) {
                rows.add(new Ranked(i + 1, extraPlaces.get(i)));
            }
            HomeKind kind = null;
            int rank = 0;
            for (CapacityOption option : newHomes) {
                rank = option.kind() == kind ? rank + 1 : 1;
                kind = option.kind();
                rows.add(new Ranked(rank, option));
            }
            return rows;
        }
    }

    public record Ranked(int rank, CapacityOption option) {}

    private final ExchangeDataset dataset;
    private final MatchingPolicy policy;
    private final SolverConfig config;
    private final Settings settings;
    private final Map<String, HomeRow> newHomes = new LinkedHashMap<>();
    private final Map<String, HomeRow> homeRows = new HashMap<>();
    private MatchingSolution baseline;
    private PolicyCost baselineCost;
    private PlaceChains.Arcs arcs;

    private CapacityAnalysis(ExchangeDataset dataset, MatchingPolicy weights, SolverConfig config, Settings settings) {
        this.dataset = dataset;
        this.policy = weights;
        this.config = config;
        this.settings = settings;
        dataset.homes().forEach(home -> homeRows.put(home.homeId(), home));
    }

    /**
     * @param answer child id to home id of the answer to measure against (a stored run's proposals), or null to
     *        solve the co-operative first
     */
    public static Report analyse(
            ExchangeDataset dataset,
            MatchingPolicy weights,
            SolverConfig config,
            Settings settings,
            Map<String, String> answer) {
        return new CapacityAnalysis(dataset, weights, config, settings).run(weights, answer);
    }

    private Report run(MatchingPolicy weights, Map<String, String> answer) {
        long begun = System.nanoTime();
        Map<HomeKind, HomeRow> registrations = NewHomeSites.registrations(dataset);
        List<NewHomeSites.Site> sites = NewHomeSites.sites(
                dataset, dataset.children().stream().filter(ChildRow::awaiting).toList());
        for (HomeRow registration : registrations.values()) {
            for (NewHomeSites.Site site : sites) {
                HomeRow home = NewHomeSites.at(registration, site, newHomes.size() + 1);
                newHomes.put(home.homeId(), home);
            }
        }
        List<HomeRow> widened = new ArrayList<>();
        dataset.homes().forEach(home -> widened.add(home.withPlaces(home.places() + 1)));
        widened.addAll(newHomes.values());
        MatchingProblem problem = MatchingProblem.of(withHomes(widened), weights);
        MatchingSolution solution = problem.solution();
        for (Home home : solution.getHomes()) {
            home.setPlaces(
                    newHomes.containsKey(home.id())
                            ? 0
                            : homeRows.get(home.id()).places());
        }
        LOG.info("capacity problem built in {} ms with {} possible new homes", ms(begun), newHomes.size());
        baseline = answer == null ? solve(problem) : take(problem, solution, answer);
        arcs = new PlaceChains.Arcs(baseline);
        polishBaseline();
        baselineCost = PolicyCost.of(dataset, assignment(baseline), policy);
        LOG.info(
                "answer measured against: {} placed, soft cost {} ({} ms)",
                baselineCost.placed(),
                baselineCost.softCost(),
                ms(begun));
        PlaceChains chains = new PlaceChains(baseline, arcs);
        List<Home> extraCandidates = solution.getHomes().stream()
                .filter(home -> !newHomes.containsKey(home.id()) && chains.room(home) <= 0 && chains.gain(home) > 0)
                .sorted(Comparator.comparingLong((Home home) -> -chains.gain(home))
                        .thenComparing(Home::id))
                .limit(settings.top() * 2L + EXTRA_CONFIRMED)
                .toList();
        Map<Home, Integer> closed = new LinkedHashMap<>();
        solution.getHomes().stream()
                .filter(home -> newHomes.containsKey(home.id()))
                .forEach(home -> closed.put(home, newHomes.get(home.id()).places()));
        Map<Home, Long> opening = chains.openingGains(closed);
        List<Home> newCandidates = new ArrayList<>();
        for (HomeKind kind : registrations.keySet()) {
            closed.keySet().stream()
                    .filter(home -> newHomes.get(home.id()).kind() == kind && opening.get(home) > 0)
                    .sorted(Comparator.comparingLong((Home home) -> -opening.get(home))
                            .thenComparing(Home::id))
                    .limit(settings.top() + EXTRA_CONFIRMED / 4)
                    .forEach(newCandidates::add);
        }
        int confirmations = extraCandidates.size() + newCandidates.size();
        Duration resolve =
                confirmations == 0 ? Duration.ZERO : settings.confirm().dividedBy(confirmations);
        LOG.info(
                "screened {} homes and {} sites in {} ms; confirming {} extra places and {} new homes, {} ms each",
                solution.getHomes().size() - newHomes.size(),
                newHomes.size(),
                ms(begun),
                extraCandidates.size(),
                newCandidates.size(),
                resolve.toMillis());
        List<CapacityOption> extra = new ArrayList<>();
        for (Home home : extraCandidates) {
            HomeRow row = homeRows.get(home.id());
            confirm(
                            home,
                            row.places() + 1,
                            chains.chain(home),
                            resolve,
                            row.withPlaces(row.places() + 1),
                            CapacityOption.Kind.EXTRA_PLACE)
                    .ifPresent(extra::add);
        }
        List<CapacityOption> opened = new ArrayList<>();
        for (Home home : newCandidates) {
            HomeRow row = newHomes.get(home.id());
            confirm(home, row.places(), null, resolve, row, CapacityOption.Kind.NEW_HOME)
                    .ifPresent(opened::add);
        }
        extra.sort(CapacityOption.BEST_FIRST);
        List<CapacityOption> newRanked = new ArrayList<>();
        for (HomeKind kind : registrations.keySet()) {
            opened.stream()
                    .filter(o -> o.kind() == kind)
                    .sorted(CapacityOption.BEST_FIRST)
                    .limit(settings.top())
                    .forEach(newRanked::add);
        }
        LOG.info("capacity options confirmed in {} ms", ms(begun));
        return new Report(
                baselineCost,
                assignment(baseline),
                extra.stream().limit(settings.top()).toList(),
                newRanked,
                solution.getHomes().size() - newHomes.size(),
                confirmations);
    }

    /** The co-operative solved as a run solves it: the first answer in a quarter of the time, the search after. */
    private MatchingSolution solve(MatchingProblem problem) {
        long begun = System.nanoTime();
        MatchingSolution start = problem.assignmentStart(settings.solve().dividedBy(4));
        Duration left = settings.solve().minusNanos(System.nanoTime() - begun);
        return left.compareTo(SHORTEST_RESOLVE) < 0 ? start : search(start, left);
    }

    private MatchingSolution search(MatchingSolution from, Duration limit) {
        return SolverConfigs.factory(SolverConfigs.withTimeLimit(config, Duration.ofMillis(limit.toMillis())))
                .buildSolver()
                .solve(from);
    }

    /**
     * A stored answer: each planned child in the home it names, where that is still one of its valid homes (the
     * candidate cap may have left it out of the child's list, as it does for an exact solver's homes; it is put
     * back) and still has a place (the registry may have changed since the run); the others wait.
     */
    private MatchingSolution take(MatchingProblem problem, MatchingSolution solution, Map<String, String> answer) {
        Map<String, Home> byId = new HashMap<>();
        Map<Home, Integer> room = new HashMap<>();
        solution.getHomes().forEach(home -> {
            byId.put(home.id(), home);
            room.put(home, home.places() - home.stayingCount());
        });
        Map<String, ChildRow> rows = new HashMap<>();
        dataset.children().forEach(child -> rows.put(child.childId(), child));
        for (PlannedChild child : solution.getPlannedChildren()) {
            Home home = byId.get(answer.get(child.childId()));
            if (home != null && !child.getCandidateHomes().contains(home)) {
                putBack(problem, solution, child, rows.get(child.childId()), home);
            }
            boolean fits = home != null && child.getCandidateHomes().contains(home) && room.get(home) > 0;
            child.setHome(fits ? home : null);
            if (fits) {
                room.merge(home, -1, Integer::sum);
            }
        }
        return solution;
    }

    /** Makes the home a candidate of the child again when the child's rules and the children staying there allow. */
    private void putBack(
            MatchingProblem problem, MatchingSolution solution, PlannedChild child, ChildRow row, Home home) {
        HomeRow homeRow = homeRows.get(home.id());
        if (homeRow == null
                || HomeRules.firstBreach(
                                row,
                                HomeRules.ageYears(row, dataset.asOf()),
                                dataset.avoidZones().stream()
                                        .filter(zone -> zone.childId().equals(row.childId()))
                                        .toList(),
                                homeRow)
                        != null
                || solution.getStayingChildren().stream()
                        .anyMatch(other -> other.home() == home
                                && (Occupant.alongsideConflict(child, other) || Occupant.hsbConflict(child, other)))) {
            return;
        }
        child.addCandidates(Map.of(home, problem.cost(row, homeRow)));
    }

    /**
     * Chains into homes that already have room improve the answer itself; they are applied first, so the options
     * are measured against an answer no single chain improves, and their figures are the place's own doing.
     */
    private void polishBaseline() {
        long deadline =
                System.nanoTime() + Math.max(2_000_000_000L, settings.solve().toNanos() / 10);
        while (System.nanoTime() < deadline) {
            PlaceChains chains = new PlaceChains(baseline, arcs);
            Home best = baseline.getHomes().stream()
                    .filter(home -> chains.room(home) > 0 && chains.gain(home) > 0)
                    .max(Comparator.comparingLong(chains::gain))
                    .orElse(null);
            List<PlaceChains.Move> chain = best == null ? null : chains.chain(best);
            if (chain == null || chain.isEmpty()) {
                return;
            }
            PolicyCost before = PolicyCost.of(dataset, assignment(baseline), policy);
            MatchingSolution trial = new MatchingSolutionCloner().cloneSolution(baseline);
            PlaceChains.apply(chain, baseline.getPlannedChildren(), trial.getPlannedChildren());
            PolicyCost after = PolicyCost.of(dataset, assignment(trial), policy);
            if (after.hardBroken() > 0 || !better(after, before)) {
                return;
            }
            baseline = trial;
        }
    }

    private java.util.Optional<CapacityOption> confirm(
            Home home,
            int places,
            List<PlaceChains.Move> firstChain,
            Duration resolve,
            HomeRow row,
            CapacityOption.Kind kind) {
        int before = home.places();
        home.setPlaces(places);
        try {
            MatchingSolution trial = new MatchingSolutionCloner().cloneSolution(baseline);
            if (firstChain != null) {
                PlaceChains.apply(firstChain, baseline.getPlannedChildren(), trial.getPlannedChildren());
            } else {
                for (int place = before; place < places; place++) {
                    List<PlaceChains.Move> chain = new PlaceChains(trial, arcs).chain(home);
                    if (chain == null || chain.isEmpty()) {
                        break;
                    }
                    PlaceChains.apply(chain, trial.getPlannedChildren(), trial.getPlannedChildren());
                }
            }
            if (resolve.compareTo(SHORTEST_RESOLVE) >= 0) {
                trial = search(trial, resolve);
            }
            ExchangeDataset scored = withRow(row);
            PolicyCost cost = PolicyCost.of(scored, assignment(trial), policy);
            if (cost.hardBroken() > 0 || !better(cost, baselineCost)) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(option(kind, row, cost));
        } finally {
            home.setPlaces(before);
        }
    }

    private CapacityOption option(CapacityOption.Kind kind, HomeRow row, PolicyCost cost) {
        boolean extra = kind == CapacityOption.Kind.EXTRA_PLACE;
        return new CapacityOption(
                kind,
                extra ? row.homeId() : null,
                row.kind(),
                row.lat(),
                row.lon(),
                row.minAge(),
                row.maxAge(),
                row.sexes(),
                row.needsMet(),
                extra ? 1 : row.places(),
                row.authorityCode(),
                extra ? row.name() : row.name().substring(row.name().indexOf(" at ") + 4),
                cost.placed() - baselineCost.placed(),
                round(cost.softCost() - baselineCost.softCost(), 100),
                round(totalKm(cost) - totalKm(baselineCost), 10),
                baselineCost.siblingGroupsSplit() - cost.siblingGroupsSplit(),
                ownCouncil(cost) - ownCouncil(baselineCost));
    }

    private static double totalKm(PolicyCost cost) {
        return cost.meanKmToSchool() * cost.placed();
    }

    private static int ownCouncil(PolicyCost cost) {
        return (int) Math.round(cost.placed() * (1 - cost.outsideCouncilShare()));
    }

    private static double round(double value, int scale) {
        return Math.round(value * scale) / (double) scale;
    }

    /** More placed, or as many at a lower soft cost (by more than rounding). */
    private static boolean better(PolicyCost a, PolicyCost b) {
        return a.placed() != b.placed() ? a.placed() > b.placed() : a.softCost() < b.softCost() - 0.005;
    }

    private static Map<String, String> assignment(MatchingSolution solution) {
        Map<String, String> homes = new HashMap<>();
        for (PlannedChild child : solution.getPlannedChildren()) {
            if (child.getHome() != null) {
                homes.put(child.childId(), child.getHome().id());
            }
        }
        return homes;
    }

    /** The data set with one home's row replaced, or a new home added. */
    private ExchangeDataset withRow(HomeRow row) {
        List<HomeRow> homes = new ArrayList<>(dataset.homes().size() + 1);
        boolean replaced = false;
        for (HomeRow home : dataset.homes()) {
            boolean same = home.homeId().equals(row.homeId());
            homes.add(same ? row : home);
            replaced |= same;
        }
        if (!replaced) {
            homes.add(row);
        }
        return withHomes(homes);
    }

    private ExchangeDataset withHomes(List<HomeRow> homes) {
        return new ExchangeDataset(
                dataset.asOf(),
                dataset.name(),
                dataset.authorities(),
                homes,
                dataset.children(),
                dataset.avoidZones(),
                dataset.keyPlaces());
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
