package uk.rcc.matching.benchmark;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import uk.rcc.exchange.Codes.Need;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeDataset.AvoidZoneRow;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;
import uk.rcc.exchange.ExchangeDataset.KeyPlaceRow;
import uk.rcc.matching.policy.CostTerms;
import uk.rcc.matching.policy.HomeRules;
import uk.rcc.matching.policy.MatchingPolicy;
import uk.rcc.matching.policy.SharingRules;

/**
 * The whole reference policy as an integer program, solved by OR-Tools CP-SAT, written from the data set and the
 * policy text alone (it shares no code with the solver's model): one 0/1 variable per child and valid home (every
 * valid home, not the solver's pruned lists), capacity, the sharing rules (as "if this child lives here, no child
 * it may not live with does"), one variable per sibling group and home, and the lexicographic objective (children
 * left unplaced first, then soft cost in hundredths of a point). CP-SAT reports the best assignment it found and a
 * proven bound; when the two meet, the assignment is the exact optimum.
 */
public final class ExactOptimum {
    /**
     * What CP-SAT found and proved. Objectives are unplaced × {@code unplacedWeight} + soft cost in hundredths.
     *
     * @param optimal true when the best assignment is proven optimal
     * @param bestObjective the objective of the best assignment found
     * @param boundObjective a proven lower bound on every assignment's objective
     */
    public record Result(
            boolean optimal,
            long bestObjective,
            long boundObjective,
            long unplacedWeight,
            double seconds,
            int variables,
            Map<String, String> assignment) {
        public int unplaced() {
            return (int) (bestObjective / unplacedWeight);
        }

        public double softCost() {
            return (bestObjective % unplacedWeight) / 100.0;
        }

        /** No assignment leaving this many children unplaced costs less than this (0 when nothing is proved). */
        public double softBoundAt(int unplacedCount) {
            return Math.max(0, boundObjective - unplacedCount * unplacedWeight) / 100.0;
        }

        /** No assignment leaves fewer children unplaced than this. */
        public int unplacedBound() {
            return (int) (boundObjective / unplacedWeight);
        }
    }

    /** One CP-SAT worker per core of the benchmark machine. */
    public static final int DEFAULT_WORKERS = 2;

    private ExactOptimum() {}

    public static Result solve(ExchangeDataset dataset, MatchingPolicy policy, Duration limit) {
        Loader.loadNativeLibraries();
        return new Model(dataset, policy).solve(limit);
    }

    /**
     * The least soft cost of any assignment placing at least {@code placed} waiting children — the optimum "at the
     * same unplaced count" when no assignment places more. The objective is the soft cost alone (without the
     * weight that ranks unplaced children first, whose size keeps CP-SAT from proving any bound), and CP-SAT starts
     * from {@code hint} (child id to home id), typically the solver's answer. Its bound is on the soft cost among
     * such assignments only; {@link Result#unplaced()} is the found assignment's own count.
     */
    public static Result solveAtPlacedCount(
            ExchangeDataset dataset, MatchingPolicy policy, Duration limit, int placed, Map<String, String> hint) {
        return solveAtPlacedCount(dataset, policy, limit, placed, hint, DEFAULT_WORKERS);
    }

    /**
     * As above with {@code workers} CP-SAT workers. More workers than cores can still pay for the bound: larger
     * portfolios add CP-SAT's full-LP and core-based workers, which work on raising it.
     */
    public static Result solveAtPlacedCount(
            ExchangeDataset dataset,
            MatchingPolicy policy,
            Duration limit,
            int placed,
            Map<String, String> hint,
            int workers) {
        Loader.loadNativeLibraries();
        Model model = new Model(dataset, policy);
        model.workers = workers;
        return model.solveAtPlacedCount(limit, placed, hint);
    }

    /**
     * The best home for one place more, proven: as {@link #solveAtPlacedCount} with any one of {@code homes} allowed
     * a place more. {@code home} is the home whose extra place the assignment uses (null when none helps).
     */
    public record OnePlaceMore(Result result, String home) {}

    public static OnePlaceMore solveWithOnePlaceMore(
            ExchangeDataset dataset,
            MatchingPolicy policy,
            Duration limit,
            int placed,
            Map<String, String> hint,
            int workers,
            Set<String> homes) {
        Loader.loadNativeLibraries();
        Model model = new Model(dataset, policy, homes);
        model.workers = workers;
        Result result = model.solveAtPlacedCount(limit, placed, hint);
        return new OnePlaceMore(result, model.homeUsingExtraPlace(result.assignment()));
    }

    private static final class Model {
        private final ExchangeDataset dataset;
        private final MatchingPolicy policy;
        private final CpModel model = new CpModel();
        private final List<ChildRow> planned = new ArrayList<>();
        private final Map<String, List<ChildRow>> staying = new HashMap<>();
        private final Map<String, Integer> room = new HashMap<>();
        /** x[child][home]: child i lives in the home. */
        private final List<Map<String, BoolVar>> lives = new ArrayList<>();

        private final List<Map<String, Long>> costs = new ArrayList<>();
        private final LinearExprBuilder objective = LinearExpr.newBuilder();
        /** The soft cost alone and the waiting children's placement variables, for the fixed-count solve. */
        private final LinearExprBuilder soft = LinearExpr.newBuilder();

        private final List<BoolVar> awaitingPlaced = new ArrayList<>();
        private long softConstant;
        private long constant;
        private long unplacedWeight;
        private int variables;
        private int workers = DEFAULT_WORKERS;
        /** Homes that may take one place more (at most one of them does); null when none may. */
        private final Set<String> onePlaceMore;

        private final Map<String, BoolVar> extraPlace = new HashMap<>();
        /** Each sibling group's "uses this home" variables and its count of homes beyond the first, for the hint. */
        private final List<GroupVars> groups = new ArrayList<>();

        private record GroupVars(List<Integer> members, Map<String, BoolVar> used, Set<String> fixed, IntVar extra) {}

        Model(ExchangeDataset dataset, MatchingPolicy policy) {
            this(dataset, policy, null);
        }

        Model(ExchangeDataset dataset, MatchingPolicy policy, Set<String> onePlaceMore) {
            this.dataset = dataset;
            this.policy = policy;
            this.onePlaceMore = onePlaceMore;
            dataset.homes().forEach(h -> room.put(h.homeId(), h.places()));
            for (ChildRow child : dataset.children()) {
                if (child.currentHomeId() != null && !child.mayMove()) {
                    staying.computeIfAbsent(child.currentHomeId(), h -> new ArrayList<>())
                            .add(child);
                    room.merge(child.currentHomeId(), -1, Integer::sum);
                } else {
                    planned.add(child);
                }
            }
            placementVariables();
            capacity();
            sharingRules();
            objective();
            siblingGroups();
        }

        private void placementVariables() {
            Map<String, List<AvoidZoneRow>> zones =
                    dataset.avoidZones().stream().collect(Collectors.groupingBy(AvoidZoneRow::childId));
            Map<String, List<KeyPlaceRow>> keyPlaces =
                    dataset.keyPlaces().stream().collect(Collectors.groupingBy(KeyPlaceRow::childId));
            for (ChildRow child : planned) {
                Map<String, BoolVar> homes = new LinkedHashMap<>();
                Map<String, Long> cost = new HashMap<>();
                for (HomeRow home : dataset.homes()) {
                    if (cap(home.homeId()) > 0 && mayLiveThere(child, home, zones)) {
                        homes.put(home.homeId(), model.newBoolVar(child.childId() + "@" + home.homeId()));
                        cost.put(
                                home.homeId(),
                                CostTerms.totalHundredths(
                                        child, home, keyPlaces.getOrDefault(child.childId(), List.of()), policy));
                    }
                }
                variables += homes.size();
                lives.add(homes);
                costs.add(cost);
                if (child.awaiting()) {
                    model.addAtMostOne(homes.values().toArray(new BoolVar[0]));
                } else {
                    model.addExactlyOne(homes.values().toArray(new BoolVar[0]));
                }
            }
        }

        private boolean mayLiveThere(ChildRow child, HomeRow home, Map<String, List<AvoidZoneRow>> zones) {
            if (HomeRules.firstBreach(
                            child,
                            HomeRules.ageYears(child, dataset.asOf()),
                            zones.getOrDefault(child.childId(), List.of()),
                            home)
                    != null) {
                return false;
            }
            return staying.getOrDefault(home.homeId(), List.of()).stream().allMatch(other -> together(child, other));
        }

        private void capacity() {
            Map<String, List<BoolVar>> byHome = new HashMap<>();
            lives.forEach(homes -> homes.forEach((home, x) ->
                    byHome.computeIfAbsent(home, h -> new ArrayList<>()).add(x)));
            byHome.forEach((home, xs) -> {
                if (xs.size() > room.get(home) && cap(home) > room.get(home)) {
                    BoolVar extra = extraPlace.computeIfAbsent(home, h -> model.newBoolVar("one more place in " + h));
                    model.addLessOrEqual(
                            LinearExpr.newBuilder()
                                    .addSum(xs.toArray(new BoolVar[0]))
                                    .addTerm(extra, -1)
                                    .build(),
                            room.get(home));
                } else if (xs.size() > room.get(home)) {
                    model.addLessOrEqual(LinearExpr.sum(xs.toArray(new BoolVar[0])), room.get(home));
                }
            });
            if (!extraPlace.isEmpty()) {
                model.addAtMostOne(extraPlace.values().toArray(new BoolVar[0]));
            }
        }

        /** For a child with a sharing rule: if it lives in a home, none of the children it refuses lives there. */
        private void sharingRules() {
            Map<String, List<Integer>> candidatesOfHome = new HashMap<>();
            for (int i = 0; i < planned.size(); i++) {
                for (String home : lives.get(i).keySet()) {
                    candidatesOfHome
                            .computeIfAbsent(home, h -> new ArrayList<>())
                            .add(i);
                }
            }
            for (int a = 0; a < planned.size(); a++) {
                ChildRow child = planned.get(a);
                if (child.alongside() == uk.rcc.exchange.Codes.Alongside.ANY
                        && !child.needs().contains(Need.HSB)) {
                    continue;
                }
                for (Map.Entry<String, BoolVar> home : lives.get(a).entrySet()) {
                    List<BoolVar> refused = new ArrayList<>();
                    for (int b : candidatesOfHome.get(home.getKey())) {
                        if (b != a && !accepts(child, planned.get(b))) {
                            refused.add(lives.get(b).get(home.getKey()));
                        }
                    }
                    if (!refused.isEmpty()) {
                        // written as one linear inequality, which the LP relaxation behind CP-SAT's bound sees
                        // (an enforced constraint it barely does): cap × x[child][home] + Σ x[refused][home] ≤ cap
                        long refusedCap = Math.min(cap(home.getKey()), refused.size());
                        model.addLessOrEqual(
                                LinearExpr.newBuilder()
                                        .addSum(refused.toArray(new BoolVar[0]))
                                        .addTerm(home.getValue(), refusedCap)
                                        .build(),
                                refusedCap);
                    }
                }
            }
        }

        /** Unplaced children outweigh every soft cost: the weight exceeds the largest soft total possible. */
        private void objective() {
            long worstSoft = 1;
            for (int i = 0; i < planned.size(); i++) {
                worstSoft += costs.get(i).values().stream()
                                .mapToLong(Long::longValue)
                                .max()
                                .orElse(0)
                        + Math.round(policy.siblingGroupSplit() * 100);
            }
            unplacedWeight = worstSoft + dataset.children().size() * Math.round(policy.siblingGroupSplit() * 100);
            for (int i = 0; i < planned.size(); i++) {
                if (planned.get(i).awaiting()) {
                    constant += unplacedWeight;
                }
                for (Map.Entry<String, BoolVar> home : lives.get(i).entrySet()) {
                    long weight =
                            costs.get(i).get(home.getKey()) - (planned.get(i).awaiting() ? unplacedWeight : 0);
                    objective.addTerm(home.getValue(), weight);
                    soft.addTerm(home.getValue(), costs.get(i).get(home.getKey()));
                    if (planned.get(i).awaiting()) {
                        awaitingPlaced.add(home.getValue());
                    }
                }
            }
        }

        /** Homes a group lives in beyond the first, counting its members who must stay where they are. */
        private void siblingGroups() {
            Map<String, Set<String>> stayingHomes = new HashMap<>();
            Map<String, List<Integer>> members = new LinkedHashMap<>();
            staying.forEach((home, children) -> children.stream()
                    .filter(c -> c.siblingGroup() != null)
                    .forEach(c -> stayingHomes
                            .computeIfAbsent(c.siblingGroup(), g -> new HashSet<>())
                            .add(home)));
            for (int i = 0; i < planned.size(); i++) {
                if (planned.get(i).siblingGroup() != null) {
                    members.computeIfAbsent(planned.get(i).siblingGroup(), g -> new ArrayList<>())
                            .add(i);
                }
            }
            long extraHome = Math.round(policy.siblingGroupSplit() * 100);
            Set<String> fixedOnly = new HashSet<>(stayingHomes.keySet());
            fixedOnly.removeAll(members.keySet());
            fixedOnly.forEach(
                    group -> constant += extraHome * (stayingHomes.get(group).size() - 1));
            fixedOnly.forEach(group ->
                    softConstant += extraHome * (stayingHomes.get(group).size() - 1));
            members.forEach((group, indices) -> {
                Set<String> fixed = stayingHomes.getOrDefault(group, Set.of());
                Map<String, BoolVar> used = new HashMap<>();
                for (int i : indices) {
                    lives.get(i).forEach((home, x) -> {
                        if (!fixed.contains(home)) {
                            model.addImplication(x, used.computeIfAbsent(home, h -> model.newBoolVar(group + "@" + h)));
                        }
                    });
                }
                // A home holds at most min(room, members) of the group, and only if the group uses it: the implications
                // alone let the LP relaxation spread a group thinly over many homes at no sibling cost.
                Map<String, LinearExprBuilder> inHome = new HashMap<>();
                for (int i : indices) {
                    lives.get(i).forEach((home, x) -> {
                        if (used.containsKey(home)) {
                            inHome.computeIfAbsent(home, h -> LinearExpr.newBuilder())
                                    .add(x);
                        }
                    });
                }
                inHome.forEach((home, together) -> model.addLessOrEqual(
                        together.addTerm(used.get(home), -Math.min(cap(home), indices.size()))
                                .build(),
                        0));
                IntVar extra = model.newIntVar(0, used.size() + fixed.size(), group + " extra homes");
                LinearExprBuilder homes = LinearExpr.newBuilder()
                        .addSum(used.values().toArray(new BoolVar[0]))
                        .add(fixed.size() - 1);
                model.addGreaterOrEqual(extra, homes.build());
                objective.addTerm(extra, extraHome);
                soft.addTerm(extra, extraHome);
                groups.add(new GroupVars(indices, used, fixed, extra));
            });
        }

        /**
         * Two workers unless told; linearization level 2 puts every constraint in CP-SAT's LP, which found far
         * cheaper assignments at 1,000 planned children than the default level (34,818 against 35,055 in 300 s).
         */
        private CpSolver solver(Duration limit) {
            CpSolver solver = new CpSolver();
            solver.getParameters()
                    .setMaxTimeInSeconds(limit.toMillis() / 1000.0)
                    .setNumWorkers(workers)
                    .setLinearizationLevel(2)
                    // -Dcpsat.log=true prints CP-SAT's own search log (presolve, hint, bounds), for diagnosis
                    .setLogSearchProgress(Boolean.getBoolean("cpsat.log"));
            return solver;
        }

        Result solve(Duration limit) {
            model.minimize(objective.build());
            CpSolver solver = solver(limit);
            long start = System.nanoTime();
            CpSolverStatus status = solver.solve(model);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
                throw new IllegalStateException("CP-SAT found no assignment: " + status);
            }
            long best = Math.round(solver.objectiveValue()) + constant;
            long bound = (long) Math.ceil(solver.bestObjectiveBound() - 1e-6) + constant;
            Map<String, String> assignment = new HashMap<>();
            for (int i = 0; i < planned.size(); i++) {
                for (Map.Entry<String, BoolVar> home : lives.get(i).entrySet()) {
                    if (solver.booleanValue(home.getValue())) {
                        assignment.put(planned.get(i).childId(), home.getKey());
                    }
                }
            }
            return new Result(
                    status == CpSolverStatus.OPTIMAL, best, bound, unplacedWeight, seconds, variables, assignment);
        }

        Result solveAtPlacedCount(Duration limit, int placed, Map<String, String> hint) {
            model.addGreaterOrEqual(LinearExpr.sum(awaitingPlaced.toArray(new BoolVar[0])), placed);
            model.minimize(soft.build());
            hintEveryVariable(withChildrenAdded(hint, placed));
            CpSolver solver = solver(limit);
            long start = System.nanoTime();
            CpSolverStatus status = solver.solve(model);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
                throw new IllegalStateException("CP-SAT found no assignment placing " + placed + ": " + status);
            }
            Map<String, String> assignment = new HashMap<>();
            long placedFound = 0;
            for (int i = 0; i < planned.size(); i++) {
                for (Map.Entry<String, BoolVar> home : lives.get(i).entrySet()) {
                    if (solver.booleanValue(home.getValue())) {
                        assignment.put(planned.get(i).childId(), home.getKey());
                        placedFound += planned.get(i).awaiting() ? 1 : 0;
                    }
                }
            }
            long awaiting = planned.stream().filter(ChildRow::awaiting).count();
            long best = (awaiting - placedFound) * unplacedWeight + Math.round(solver.objectiveValue()) + softConstant;
            long bound = (awaiting - placed) * unplacedWeight
                    + (long) Math.ceil(solver.bestObjectiveBound() - 1e-6)
                    + softConstant;
            return new Result(
                    status == CpSolverStatus.OPTIMAL, best, bound, unplacedWeight, seconds, variables, assignment);
        }

        /**
         * The hint placing at least {@code placed}: when it places fewer (the answer before a place more was given),
         * the cheapest waiting children are added one by one where a place is free and rule 4 allows, so CP-SAT
         * starts from an assignment it accepts; without it, the search at one placed more often found none at all.
         */
        private Map<Integer, String> withChildrenAdded(Map<String, String> hint, int placed) {
            Map<Integer, String> at = new HashMap<>();
            Map<String, List<Integer>> living = new HashMap<>();
            int placedNow = 0;
            for (int i = 0; i < planned.size(); i++) {
                String home = hint.get(planned.get(i).childId());
                if (home != null && lives.get(i).containsKey(home)) {
                    at.put(i, home);
                    living.computeIfAbsent(home, h -> new ArrayList<>()).add(i);
                    placedNow += planned.get(i).awaiting() ? 1 : 0;
                }
            }
            while (placedNow < placed) {
                int bestChild = -1;
                String bestHome = null;
                long bestCost = Long.MAX_VALUE;
                for (int i = 0; i < planned.size(); i++) {
                    if (at.containsKey(i) || !planned.get(i).awaiting()) {
                        continue;
                    }
                    ChildRow child = planned.get(i);
                    for (String home : lives.get(i).keySet()) {
                        List<Integer> there = living.getOrDefault(home, List.of());
                        long cost = costs.get(i).get(home);
                        if (cost < bestCost
                                && there.size() < cap(home)
                                && there.stream().allMatch(o -> together(child, planned.get(o)))) {
                            bestChild = i;
                            bestHome = home;
                            bestCost = cost;
                        }
                    }
                }
                if (bestChild < 0) {
                    break;
                }
                at.put(bestChild, bestHome);
                living.computeIfAbsent(bestHome, h -> new ArrayList<>()).add(bestChild);
                placedNow++;
            }
            return at;
        }

        /** Hints every variable, the sibling and extra-place ones too, so the hint is a whole assignment. */
        private void hintEveryVariable(Map<Integer, String> at) {
            Map<String, Integer> load = new HashMap<>();
            for (int i = 0; i < planned.size(); i++) {
                String home = at.get(i);
                lives.get(i).forEach((candidate, x) -> model.addHint(x, candidate.equals(home) ? 1 : 0));
                if (home != null) {
                    load.merge(home, 1, Integer::sum);
                }
            }
            extraPlace.forEach((home, x) -> model.addHint(x, load.getOrDefault(home, 0) > room.get(home) ? 1 : 0));
            for (GroupVars group : groups) {
                Set<String> homes = new HashSet<>(group.fixed());
                group.members().stream().map(at::get).filter(h -> h != null).forEach(homes::add);
                group.used().forEach((home, x) -> model.addHint(x, homes.contains(home) ? 1 : 0));
                model.addHint(group.extra(), Math.max(0, homes.size() - 1));
            }
        }

        /** The most planned children the home could hold: its room, and one more if it may take a place more. */
        private int cap(String home) {
            return room.get(home) + (onePlaceMore != null && onePlaceMore.contains(home) ? 1 : 0);
        }

        /** The home whose extra place the assignment uses, or null. */
        String homeUsingExtraPlace(Map<String, String> assignment) {
            Map<String, Integer> living = new HashMap<>();
            assignment.values().forEach(home -> living.merge(home, 1, Integer::sum));
            return living.entrySet().stream()
                    .filter(e -> e.getValue() > room.get(e.getKey()))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(null);
        }

        private boolean together(ChildRow a, ChildRow b) {
            return accepts(a, b) && accepts(b, a);
        }

        private boolean accepts(ChildRow child, ChildRow other) {
            return !SharingRules.forbids(child.alongside(), child.needs().contains(Need.HSB), age(child), age(other));
        }

        private int age(ChildRow child) {
            return Period.between(child.dateOfBirth(), dataset.asOf()).getYears();
        }
    }
}
