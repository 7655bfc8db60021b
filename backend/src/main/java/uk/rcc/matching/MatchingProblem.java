package uk.rcc.matching;

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
import uk.rcc.exchange.ExchangeDataset.AuthorityRow;
import uk.rcc.exchange.ExchangeDataset.AvoidZoneRow;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;
import uk.rcc.exchange.ExchangeDataset.KeyPlaceRow;
import uk.rcc.matching.planning.CandidateCost;
import uk.rcc.matching.planning.Home;
import uk.rcc.matching.planning.MatchingSolution;
import uk.rcc.matching.planning.PlannedChild;
import uk.rcc.matching.planning.SiblingGroup;
import uk.rcc.matching.planning.StayingChild;
import uk.rcc.matching.policy.CostTerms;
import uk.rcc.matching.policy.HomeRule;
import uk.rcc.matching.policy.HomeRules;
import uk.rcc.matching.policy.MatchingPolicy;
import uk.rcc.matching.policy.Points;

/**
 * Builds the planning problem from a data set: prunes every child's candidate homes (counting what each rule
 * excluded) and precomputes every child–home soft term, so the solver never computes a distance.
 */
public final class MatchingProblem {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MatchingProblem.class);
    private final ExchangeDataset dataset;
    private final MatchingPolicy weights;
    private final Map<String, HomeRow> homeRows = new LinkedHashMap<>();
    private final List<HomeRow> homeRowList;
    private final HomeRuleTable rules;
    private Home[] homeByIndex;
    private final Map<Home, Integer> homeIndex = new HashMap<>();
    /** The cheapest homes with room a cut child gets back: enough for chains of moves to reach a free place. */
    private static final int CANDIDATES_WITH_ROOM_ADDED = 20;

    private final Map<String, Home> homes = new LinkedHashMap<>();
    private final Map<String, String> councilNames;
    private final Map<String, List<AvoidZoneRow>> zonesByChild;
    private final Map<String, List<KeyPlaceRow>> keyPlacesByChild;
    /** The children who must stay, by home; set once the problem is built. */
    private Map<Home, List<StayingChild>> residents;

    private final Map<String, Exclusions> exclusions = new java.util.concurrent.ConcurrentHashMap<>();
    private final MatchingSolution solution;
    private final int candidateCap;
    /** The most the first answer may take when the caller sets no time limit. */
    public static final java.time.Duration ASSIGNMENT_BUDGET = java.time.Duration.ofSeconds(20);
    /** The share of the first answer's budget (percent) the priced start may take; the rounds have the rest. */
    private static final int PRICED_SHARE = 60;
    /** Its flow must finish within this share, or the rounds get the whole budget (national-scale problems). */
    private static final int PRICED_FLOW_SHARE = 25;

    private MatchingProblem(ExchangeDataset dataset, MatchingPolicy weights) {
        this.dataset = dataset;
        this.weights = weights;
        this.councilNames = dataset.authorities().stream()
                .collect(Collectors.toMap(AuthorityRow::authorityCode, AuthorityRow::name));
        this.zonesByChild = dataset.avoidZones().stream().collect(Collectors.groupingBy(AvoidZoneRow::childId));
        this.keyPlacesByChild = dataset.keyPlaces().stream().collect(Collectors.groupingBy(KeyPlaceRow::childId));
        this.candidateCap = candidateCap(dataset);
        this.homeRowList = List.copyOf(dataset.homes());
        this.rules = new HomeRuleTable(homeRowList);
        this.solution = build();
    }

    /** The most candidates a child keeps: all of them on co-operative-sized problems, fewer on national ones. */
    static int candidateCap(ExchangeDataset dataset) {
        long planned = dataset.children().stream().filter(c -> !mustStay(c)).count();
        return (int) Math.max(100, Math.min(300, 4_000_000 / Math.max(1, planned)));
    }

    public static MatchingProblem of(ExchangeDataset dataset, MatchingPolicy weights) {
        return new MatchingProblem(dataset, weights);
    }

    public static boolean mustStay(ChildRow child) {
        return !child.awaiting() && !child.mayMove();
    }

    private MatchingSolution build() {
        Map<String, Integer> stayingCounts = new HashMap<>();
        for (ChildRow child : dataset.children()) {
            if (mustStay(child)) {
                stayingCounts.merge(child.currentHomeId(), 1, Integer::sum);
            }
        }
        for (HomeRow row : dataset.homes()) {
            homeRows.put(row.homeId(), row);
            homes.put(
                    row.homeId(),
                    new Home(
                            row.homeId(),
                            row.authorityCode(),
                            row.places(),
                            stayingCounts.getOrDefault(row.homeId(), 0)));
            homeIndex.put(homes.get(row.homeId()), homeIndex.size());
        }
        homeByIndex = homeRowList.stream().map(row -> homes.get(row.homeId())).toArray(Home[]::new);
        Map<String, SiblingGroup> groups = siblingGroups();
        List<StayingChild> staying = new ArrayList<>();
        List<PlannedChild> planned = new ArrayList<>();
        Map<ChildRow, Map<Home, CandidateCost>> candidates = candidatesOfPlannedChildren();
        for (ChildRow child : dataset.children()) {
            int age = HomeRules.ageYears(child, dataset.asOf());
            boolean hsb = child.needs().contains(Need.HSB);
            SiblingGroup group = child.siblingGroup() == null ? null : groups.get(child.siblingGroup());
            if (mustStay(child)) {
                staying.add(new StayingChild(
                        child.childId(), age, hsb, child.alongside(), homes.get(child.currentHomeId()), group));
            } else {
                planned.add(new PlannedChild(
                        child.childId(),
                        age,
                        hsb,
                        child.alongside(),
                        child.awaiting() ? null : homes.get(child.currentHomeId()),
                        group,
                        candidates.get(child)));
            }
        }
        residents = new HashMap<>();
        staying.forEach(child ->
                residents.computeIfAbsent(child.home(), h -> new ArrayList<>()).add(child));
        planned.forEach(child -> child.keepCandidates(home -> livable(child, home)));
        return new MatchingSolution(
                List.copyOf(homes.values()), staying, List.copyOf(groups.values()), weights, planned);
    }

    /** True when the children who must stay leave a place in the home and the child may live with all of them. */
    private boolean livable(PlannedChild child, Home home) {
        return home.stayingCount() < home.places()
                && residents.getOrDefault(home, List.of()).stream()
                        .noneMatch(other -> uk.rcc.matching.planning.Occupant.alongsideConflict(child, other)
                                || uk.rcc.matching.planning.Occupant.hsbConflict(child, other));
    }

    /**
     * The first answer the solver improves on: a min-cost assignment of children to places, repaired for the rules
     * between children and refined for sibling groups (see {@link AssignmentStart}), then greedy for the rest.
     */
    public MatchingSolution assignmentStart() {
        return assignmentStart(ASSIGNMENT_BUDGET);
    }

    /**
     * The same, spending at most {@code budget}: the priced start ({@link PricedStart}, planned by sibling group)
     * takes most of it, the assignment rounds the rest, and the better of the two answers is kept.
     */
    public MatchingSolution assignmentStart(java.time.Duration budget) {
        long begun = System.nanoTime();
        long deadline = begun + budget.toNanos();
        List<PlannedChild> planned = solution.getPlannedChildren();
        boolean priced = PricedStart.worthTrying(planned)
                && new PricedStart(solution)
                        .apply(
                                begun + budget.toNanos() * PRICED_FLOW_SHARE / 100,
                                begun + budget.toNanos() * PRICED_SHARE / 100);
        long[] pricedValue = null;
        List<Home> pricedHomes = null;
        if (priced) {
            warmStart(solution.getStayingChildren(), planned);
            PlaceMoreByChains.apply(solution.getStayingChildren(), planned, deadline);
            pricedValue = AssignmentStart.value(planned);
            pricedHomes = planned.stream().map(PlannedChild::getHome).toList();
        }
        new AssignmentStart(solution, java.time.Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))).apply();
        warmStart(solution.getStayingChildren(), planned);
        long[] roundsValue = AssignmentStart.value(planned);
        if (priced) {
            LOG.info(
                    "first answers: priced {} placed, soft {}; assignment rounds {} placed, soft {}",
                    pricedValue[0],
                    -pricedValue[1] / 100.0,
                    roundsValue[0],
                    -roundsValue[1] / 100.0);
            if (AssignmentStart.better(pricedValue, roundsValue)) {
                for (int i = 0; i < planned.size(); i++) {
                    planned.get(i).setHome(pricedHomes.get(i));
                }
            }
        }
        int added = addCandidatesWithRoom();
        LOG.info("{} candidates with room added after the assignment rounds", added);
        if (added > 0) {
            warmStart(solution.getStayingChildren(), solution.getPlannedChildren());
            PlaceMoreByChains.apply(
                    solution.getStayingChildren(),
                    solution.getPlannedChildren(),
                    Math.max(deadline, System.nanoTime() + budget.toNanos() / 4));
        }
        return solution;
    }

    /**
     * The candidate cap leaves out homes that are dearer for a child but may be the only ones left with a place
     * once everyone cheaper is housed. After the first answer, the cheapest valid homes that still have room
     * become candidates again for each child whose list was cut, so no child stays unplaced for want of a listed
     * home.
     *
     * @return how many child–home candidates were added
     */
    int addCandidatesWithRoom() {
        Map<Home, Integer> room = new HashMap<>();
        homes.values().forEach(home -> room.put(home, home.places() - home.stayingCount()));
        solution.getPlannedChildren().stream()
                .filter(child -> child.getHome() != null)
                .forEach(child -> room.merge(child.getHome(), -1, Integer::sum));
        int[] withRoom = java.util.stream.IntStream.range(0, homeByIndex.length)
                .filter(h -> room.get(homeByIndex[h]) > 0)
                .toArray();
        Map<String, ChildRow> rows = new HashMap<>();
        dataset.children().forEach(child -> rows.put(child.childId(), child));
        return solution.getPlannedChildren().parallelStream()
                .filter(child -> child.validHomes().size()
                                + exclusions.get(child.childId()).total()
                        < homeRowList.size())
                .mapToInt(child -> {
                    ChildRow row = rows.get(child.childId());
                    HomeRuleTable.Child childRules = rules.child(
                            row,
                            HomeRules.ageYears(row, dataset.asOf()),
                            zonesByChild.getOrDefault(row.childId(), List.of()));
                    List<KeyPlaceRow> keyPlaces = keyPlacesByChild.getOrDefault(row.childId(), List.of());
                    int[] valid = new int[withRoom.length];
                    int count = 0;
                    for (int h : withRoom) {
                        if (child.costIn(homeByIndex[h]) == null
                                && rules.firstBreach(childRules, h) == null
                                && livable(child, homeByIndex[h])) {
                            valid[count++] = h;
                        }
                    }
                    Map<Home, CandidateCost> more = new LinkedHashMap<>();
                    for (int h : CheapestHomes.select(
                            row, keyPlaces, homeRowList, valid, count, CANDIDATES_WITH_ROOM_ADDED, weights, costs)) {
                        more.put(homeByIndex[h], cost(row, homeRowList.get(h)));
                    }
                    if (!more.isEmpty()) {
                        child.addCandidates(more);
                    }
                    return more.size();
                })
                .sum();
    }

    static void warmStart(List<StayingChild> staying, List<PlannedChild> planned) {
        Map<Home, List<uk.rcc.matching.planning.Occupant>> living = new HashMap<>();
        staying.forEach(child ->
                living.computeIfAbsent(child.home(), h -> new ArrayList<>()).add(child));
        planned.stream()
                .filter(child -> child.getHome() != null)
                .forEach(child -> living.computeIfAbsent(child.getHome(), h -> new ArrayList<>())
                        .add(child));
        List<PlannedChild> waiting = planned.stream()
                .filter(child -> child.getHome() == null)
                .sorted(java.util.Comparator.comparingInt(
                        (PlannedChild child) -> child.getCandidateHomes().size()))
                .toList();
        for (PlannedChild child : waiting) {
            child.getCandidateHomes().stream()
                    .sorted(java.util.Comparator.comparingLong(
                            home -> child.costIn(home).totalHundredths()))
                    .filter(home -> living.getOrDefault(home, List.of()).size() < home.places())
                    .filter(home -> living.getOrDefault(home, List.of()).stream()
                            .noneMatch(other -> uk.rcc.matching.planning.Occupant.alongsideConflict(child, other)
                                    || uk.rcc.matching.planning.Occupant.hsbConflict(child, other)))
                    .findFirst()
                    .ifPresent(home -> {
                        child.setHome(home);
                        living.computeIfAbsent(home, h -> new ArrayList<>()).add(child);
                    });
        }
    }

    private Map<String, SiblingGroup> siblingGroups() {
        Map<String, Set<Home>> stayingHomes = new LinkedHashMap<>();
        for (ChildRow child : dataset.children()) {
            if (child.siblingGroup() != null) {
                Set<Home> set = stayingHomes.computeIfAbsent(child.siblingGroup(), id -> new HashSet<>());
                if (mustStay(child)) {
                    set.add(homes.get(child.currentHomeId()));
                }
            }
        }
        long extraHome = Points.hundredths(weights.siblingGroupSplit());
        Map<String, SiblingGroup> groups = new LinkedHashMap<>();
        stayingHomes.forEach((id, set) -> groups.put(id, new SiblingGroup(id, Set.copyOf(set), extraHome)));
        return groups;
    }

    /** Every child against every home: the longest part of building a large problem, so on all cores. */
    private Map<ChildRow, Map<Home, CandidateCost>> candidatesOfPlannedChildren() {
        return dataset.children().parallelStream()
                .filter(child -> !mustStay(child))
                .collect(Collectors.toConcurrentMap(child -> child, this::candidates));
    }

    /**
     * The homes a child could ever have, with their costs. Every home is checked against the rules (so the exclusion
     * counts describe all of them), but on large co-operatives only the cheapest {@link #candidateCap} with room are
     * kept: they are ranked on primitive totals first and only the kept ones become {@link CandidateCost} objects,
     * which is most of what building a national-scale problem used to spend.
     */
    private Map<Home, CandidateCost> candidates(ChildRow child) {
        int age = HomeRules.ageYears(child, dataset.asOf());
        List<AvoidZoneRow> zones = zonesByChild.getOrDefault(child.childId(), List.of());
        Exclusions excluded = new Exclusions();
        HomeRuleTable.Child childRules = rules.child(child, age, zones);
        int[] valid = new int[homeRowList.size()];
        int validCount = 0;
        for (int h = 0; h < homeRowList.size(); h++) {
            HomeRule breach = rules.firstBreach(childRules, h);
            if (breach != null) {
                excluded.add(breach);
            } else {
                valid[validCount++] = h;
            }
        }
        exclusions.put(child.childId(), excluded);
        Map<Home, CandidateCost> kept = new LinkedHashMap<>();
        if (validCount <= candidateCap) {
            for (int i = 0; i < validCount; i++) {
                HomeRow row = homeRowList.get(valid[i]);
                kept.put(homes.get(row.homeId()), cost(child, row));
            }
            return kept;
        }
        return cheapestWithRoom(child, valid, validCount);
    }

    /**
     * On large co-operatives each child keeps only its cheapest candidates that children who must stay have not
     * already filled (and its current home), so memory and search stay bounded; the exclusion counts still
     * describe every home. Ties go to the home listed first.
     */
    private Map<Home, CandidateCost> cheapestWithRoom(ChildRow child, int[] valid, int validCount) {
        List<KeyPlaceRow> keyPlaces = keyPlacesByChild.getOrDefault(child.childId(), List.of());
        int[] withRoom = new int[validCount];
        int count = 0;
        for (int i = 0; i < validCount; i++) {
            Home home = homeByIndex[valid[i]];
            if (home.stayingCount() < home.places() || home.id().equals(child.currentHomeId())) {
                withRoom[count++] = valid[i];
            }
        }
        Map<Home, CandidateCost> kept = new LinkedHashMap<>();
        for (int h :
                CheapestHomes.select(child, keyPlaces, homeRowList, withRoom, count, candidateCap, weights, costs)) {
            kept.put(homeByIndex[h], cost(child, homeRowList.get(h)));
        }
        Home current = child.currentHomeId() == null ? null : homes.get(child.currentHomeId());
        if (current != null
                && !kept.containsKey(current)
                && java.util.Arrays.stream(valid, 0, validCount).anyMatch(h -> homeByIndex[h] == current)) {
            kept.put(current, cost(child, homeRows.get(current.id())));
        }
        return kept;
    }

    /** {@code cost(child, row).totalHundredths()} without building the breakdown; the policy's same sums. */
    long totalHundredths(ChildRow child, HomeRow row, List<KeyPlaceRow> keyPlaces) {
        return CostTerms.totalHundredths(child, row, keyPlaces, weights);
    }

    /** The terms that need no distance: outside the council, kind not preferred, weekly cost, a move. */
    long termsWithoutDistance(ChildRow child, HomeRow row) {
        return CostTerms.withoutDistance(child, row, weights);
    }

    private final CheapestHomes.ExactCost costs = new CheapestHomes.ExactCost() {
        @Override
        public long totalHundredths(ChildRow child, HomeRow home, List<KeyPlaceRow> keyPlaces) {
            return MatchingProblem.this.totalHundredths(child, home, keyPlaces);
        }

        @Override
        public long termsWithoutDistance(ChildRow child, HomeRow home) {
            return MatchingProblem.this.termsWithoutDistance(child, home);
        }
    };

    /** Every child–home soft term of the policy, each rounded to hundredths on its own so breakdowns add up. */
    public CandidateCost cost(ChildRow child, HomeRow row) {
        List<KeyPlaceRow> keyPlaces = keyPlacesByChild.getOrDefault(child.childId(), List.of());
        return CandidateCost.of(
                homes.get(row.homeId()),
                CostTerms.hundredths(child, row, keyPlaces, weights),
                CostTerms.Facts.of(
                        child,
                        row,
                        keyPlaces.size(),
                        councilNames.getOrDefault(child.authorityCode(), child.authorityCode())));
    }

    CheapestHomes.ExactCost exactCost() {
        return costs;
    }

    public MatchingSolution solution() {
        return solution;
    }

    public ExchangeDataset dataset() {
        return dataset;
    }

    public MatchingPolicy weights() {
        return weights;
    }

    public Exclusions exclusions(String childId) {
        return exclusions.get(childId);
    }

    public HomeRow homeRow(String homeId) {
        return homeRows.get(homeId);
    }
}
