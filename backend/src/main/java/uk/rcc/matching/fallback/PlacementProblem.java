package uk.rcc.matching.fallback;

import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
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
import uk.rcc.matching.runs.MatchingEngine.Figures;
import uk.rcc.matching.runs.MatchingEngine.ProposalLine;

/**
 * A data set turned into the solver's problem, with the lookups needed to explain its answer. Distances and
 * every other child–home term are computed here, once; the constraints only add them up.
 */
public final class PlacementProblem {
    public static final double TWENTY_MILES_KM = 32.187;

    private final ExchangeDataset dataset;
    private final MatchingPolicy policy;
    private final Map<String, HomeRow> homeRows = new HashMap<>();
    private final Map<String, ChildRow> childRows = new HashMap<>();
    private final Map<String, String> councilNames = new HashMap<>();
    private final Map<String, double[]> chosenTerms = new HashMap<>();
    private final PlacementPlan plan;
    private final int candidateCap;
    private long candidatePairs;

    private PlacementProblem(ExchangeDataset dataset, MatchingPolicy policy, int candidateCap) {
        this.dataset = dataset;
        this.policy = policy;
        this.candidateCap = candidateCap;
        dataset.homes().forEach(h -> homeRows.put(h.homeId(), h));
        dataset.children().forEach(c -> childRows.put(c.childId(), c));
        dataset.authorities().forEach(a -> councilNames.put(a.authorityCode(), a.name()));
        this.plan = buildPlan();
    }

    /** @param candidateCap the most homes a child keeps as candidates (the cheapest), to bound memory */
    public static PlacementProblem of(ExchangeDataset dataset, MatchingPolicy policy, int candidateCap) {
        return new PlacementProblem(dataset, policy, candidateCap);
    }

    /** Fewer candidates per child on very large problems, so the search still moves within minutes. */
    public static int candidateCap(ExchangeDataset dataset, int most) {
        long planned = dataset.children().stream().filter(c -> c.currentHomeId() == null || c.mayMove()).count();
        return (int) Math.max(60, Math.min(most, 1_500_000 / Math.max(1, planned)));
    }

    public PlacementPlan plan() {
        return plan;
    }

    /** How many (child, home) pairs the solver may choose from after pruning. */
    public long candidatePairs() {
        return candidatePairs;
    }

    private PlacementPlan buildPlan() {
        Map<String, Home> homes = new LinkedHashMap<>();
        dataset.homes().forEach(h -> homes.put(h.homeId(), new Home(h.homeId(), h.name(), h.places())));
        Map<String, List<AvoidZoneRow>> zones = dataset.avoidZones().stream()
                .collect(Collectors.groupingBy(AvoidZoneRow::childId));
        Map<String, List<KeyPlaceRow>> keyPlaces = dataset.keyPlaces().stream()
                .collect(Collectors.groupingBy(KeyPlaceRow::childId));
        long siblingWeight = Math.round(policy.siblingGroupSplit() * 100);
        Map<String, Integer> staying = new HashMap<>();
        dataset.children().stream().filter(c -> c.currentHomeId() != null && !c.mayMove())
                .forEach(c -> staying.merge(c.currentHomeId(), 1, Integer::sum));
        // Homes that children who must stay already fill can take no planned child: leave them out up front.
        List<HomeRow> withRoom = dataset.homes().stream()
                .filter(h -> staying.getOrDefault(h.homeId(), 0) < h.places()).toList();
        List<ChildPlan> children = new ArrayList<>();
        for (ChildRow child : dataset.children()) {
            int age = Period.between(child.dateOfBirth(), dataset.asOf()).getYears();
            ChildPlan.Alongside alongside = new ChildPlan.Alongside(child.needs().contains(Need.HSB),
                    child.alongside().name());
            Home current = child.currentHomeId() == null ? null : homes.get(child.currentHomeId());
            if (current != null && !child.mayMove()) {
                children.add(new ChildPlan(child.childId(), child.authorityCode(), age, child.siblingGroup(), false,
                        true, alongside, List.of(current), Map.of(), current, siblingWeight));
                continue;
            }
            Map<Home, long[]> terms = candidateTerms(child, withRoom, zones.getOrDefault(child.childId(), List.of()),
                    keyPlaces.getOrDefault(child.childId(), List.of()), homes);
            candidatePairs += terms.size();
            children.add(new ChildPlan(child.childId(), child.authorityCode(), age, child.siblingGroup(),
                    current == null, false, alongside, new ArrayList<>(terms.keySet()), terms, current,
                    siblingWeight));
        }
        warmStart(children);
        return new PlacementPlan(new ArrayList<>(homes.values()), children);
    }

    /**
     * A greedy first answer, so large problems start from a full solution rather than waiting for the
     * construction heuristic: the children with fewest candidates first, each into their cheapest candidate that
     * still has room and whose residents they may live with. The solver then improves on it.
     */
    private static void warmStart(List<ChildPlan> children) {
        Map<Home, List<ChildPlan>> living = new HashMap<>();
        children.stream().filter(c -> c.getHome() != null)
                .forEach(c -> living.computeIfAbsent(c.getHome(), h -> new ArrayList<>()).add(c));
        List<ChildPlan> waiting = children.stream().filter(c -> c.getHome() == null && !c.isPinned())
                .sorted(new ChildPlan.FewerCandidatesIsHarder().reversed()).toList();
        for (ChildPlan child : waiting) {
            for (Home home : child.getCandidates()) {
                List<ChildPlan> residents = living.getOrDefault(home, List.of());
                if (residents.size() < home.places() && residents.stream().noneMatch(child::clashesWith)) {
                    child.setHome(home);
                    living.computeIfAbsent(home, h -> new ArrayList<>()).add(child);
                    break;
                }
            }
        }
    }

    private Map<Home, long[]> candidateTerms(ChildRow child, List<HomeRow> withRoom, List<AvoidZoneRow> zones,
            List<KeyPlaceRow> keyPlaces, Map<String, Home> homes) {
        Map<HomeRow, double[]> valid = new HashMap<>();
        for (HomeRow home : withRoom) {
            if (Candidates.exclusion(child, home, zones, dataset.asOf()) == null) {
                valid.put(home, Candidates.terms(child, home, keyPlaces, policy));
            }
        }
        List<HomeRow> cheapest = valid.keySet().stream()
                .sorted(Comparator.comparingDouble((HomeRow h) -> sum(valid.get(h))).thenComparing(HomeRow::homeId))
                .limit(candidateCap).collect(Collectors.toCollection(ArrayList::new));
        if (child.currentHomeId() != null && !cheapest.contains(homeRows.get(child.currentHomeId()))) {
            HomeRow current = homeRows.get(child.currentHomeId());
            valid.put(current, Candidates.terms(child, current, keyPlaces, policy));
            cheapest.add(current);
        }
        Map<Home, long[]> terms = new LinkedHashMap<>();
        for (HomeRow home : cheapest) {
            terms.put(homes.get(home.homeId()), Candidates.hundredths(valid.get(home)));
            chosenTerms.put(child.childId() + "|" + home.homeId(), valid.get(home));
        }
        return terms;
    }

    /** One line per planned child (awaiting, or allowed to move), as proposals.csv needs it. */
    public List<ProposalLine> proposals(PlacementPlan solved) {
        List<ProposalLine> lines = new ArrayList<>();
        for (ChildPlan plan : solved.children()) {
            if (plan.isPinned()) {
                continue;
            }
            ChildRow child = childRows.get(plan.id());
            if (plan.getHome() == null) {
                lines.add(new ProposalLine(plan.id(), child.authorityCode(), null, 0, "no valid home with room"));
                continue;
            }
            HomeRow home = homeRows.get(plan.getHome().id());
            double[] terms = chosenTerms.get(child.childId() + "|" + home.homeId());
            lines.add(new ProposalLine(plan.id(), child.authorityCode(), home.homeId(), sum(terms),
                    Candidates.explain(child, home, terms, councilNames.getOrDefault(child.authorityCode(),
                            child.authorityCode()))));
        }
        return lines;
    }

    /** The mission figures over every child with a home, with the given homes for the planned children. */
    public Figures figures(Map<String, String> homeOf) {
        int placed = 0;
        int within = 0;
        int outside = 0;
        double kmToSchool = 0;
        double weeklyCost = 0;
        Map<String, Set<String>> groupHomes = new HashMap<>();
        for (ChildRow child : dataset.children()) {
            String homeId = homeOf.getOrDefault(child.childId(), child.currentHomeId());
            if (homeId == null) {
                continue;
            }
            HomeRow home = homeRows.get(homeId);
            placed++;
            if (Candidates.kilometres(child.homeLat(), child.homeLon(), home.lat(), home.lon()) <= TWENTY_MILES_KM) {
                within++;
            }
            if (!home.authorityCode().equals(child.authorityCode())) {
                outside++;
            }
            kmToSchool += child.hasSchool()
                    ? Candidates.kilometres(child.schoolLat(), child.schoolLon(), home.lat(), home.lon())
                    : Candidates.kilometres(child.homeLat(), child.homeLon(), home.lat(), home.lon());
            weeklyCost += home.weeklyCost();
            if (child.siblingGroup() != null) {
                groupHomes.computeIfAbsent(child.siblingGroup(), g -> new HashSet<>()).add(homeId);
            }
        }
        int split = (int) groupHomes.values().stream().filter(h -> h.size() > 1).count();
        return new Figures(share(within, placed), share(outside, placed), split,
                placed == 0 ? 0 : round(kmToSchool / placed), Math.round(weeklyCost));
    }

    public Map<String, String> homesOf(PlacementPlan solved) {
        Map<String, String> homes = new HashMap<>();
        for (ChildPlan child : solved.children()) {
            if (!child.isPinned() && child.getHome() != null) {
                homes.put(child.id(), child.getHome().id());
            }
        }
        return homes;
    }

    public int planned() {
        return (int) plan.children().stream().filter(c -> !c.isPinned()).count();
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : Math.round(part * 1000.0 / whole) / 1000.0;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    static double sum(double[] values) {
        double total = 0;
        for (double value : values) {
            total += value;
        }
        return total;
    }
}
