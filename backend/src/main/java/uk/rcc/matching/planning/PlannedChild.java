package uk.rcc.matching.planning;

import java.util.List;
import java.util.Map;
import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.domain.variable.PlanningVariable;
import uk.rcc.exchange.Codes.Alongside;

/**
 * A child the run plans: awaiting a placement, or placed with may_move. The home is null when no valid home is
 * found. The value range is the child's own pruned candidate list, so the hard rules of policy rules 2 and 3 can
 * never be broken.
 */
@PlanningEntity
public class PlannedChild implements Occupant {
    @PlanningId
    private String childId;

    private int ageYears;
    private boolean hsb;
    private Alongside alongside;
    private boolean awaiting;
    private Home currentHome;
    private SiblingGroup siblingGroup;
    /** Every home the child's own rules allow (policy rules 2 and 3), full or not, cheapest first. */
    private List<Home> validHomes;
    /** The value range, cheapest first: valid homes the children who stay leave a place in and may be lived with. */
    private List<Home> candidateHomes;

    private Map<Home, CandidateCost> costs;

    @PlanningVariable(valueRangeProviderRefs = "candidateHomes", nullable = true)
    private Home home;
    /**
     * The costs of {@link #costOf}, kept from the last lookup: the constraints ask for the current home's costs many
     * times a move. Checked against the home rather than set with it, since OptaPlanner's moves set the field.
     */
    private CandidateCost cost;

    private Home costOf;

    PlannedChild() {
        // for planning clones
    }

    public PlannedChild(
            String childId,
            int ageYears,
            boolean hsb,
            Alongside alongside,
            Home currentHome,
            SiblingGroup siblingGroup,
            Map<Home, CandidateCost> costs) {
        this.childId = childId;
        this.ageYears = ageYears;
        this.hsb = hsb;
        this.alongside = alongside;
        this.awaiting = currentHome == null;
        this.currentHome = currentHome;
        this.siblingGroup = siblingGroup;
        this.costs = Map.copyOf(costs);
        this.validHomes = cheapestFirst(this.costs);
        this.candidateHomes = validHomes;
    }

    /**
     * A copy with the same home, for {@link MatchingSolutionCloner}. Everything but the home is fixed once solving
     * starts (the lists and maps are immutable), so it is shared.
     */
    PlannedChild planningClone() {
        PlannedChild clone = new PlannedChild();
        clone.childId = childId;
        clone.ageYears = ageYears;
        clone.hsb = hsb;
        clone.alongside = alongside;
        clone.awaiting = awaiting;
        clone.currentHome = currentHome;
        clone.siblingGroup = siblingGroup;
        clone.validHomes = validHomes;
        clone.candidateHomes = candidateHomes;
        clone.costs = costs;
        clone.home = home;
        clone.cost = cost;
        clone.costOf = costOf;
        return clone;
    }

    /**
     * Narrows the value range to the valid homes where {@code livable} holds: the children who must stay never
     * move, so a home they fill, or whose residents this child may not live with, can never be proposed.
     */
    public void keepCandidates(java.util.function.Predicate<Home> livable) {
        this.candidateHomes = validHomes.stream().filter(livable).toList();
    }

    /**
     * Widens the candidates before solving (homes left out by the candidate cap that turned out to have room);
     * never called once the solver has started.
     */
    public void addCandidates(Map<Home, CandidateCost> more) {
        Map<Home, CandidateCost> all = new java.util.LinkedHashMap<>();
        validHomes.forEach(home -> all.put(home, costs.get(home)));
        more.forEach(all::putIfAbsent);
        this.costs = Map.copyOf(all);
        this.cost = null;
        this.costOf = null;
        this.validHomes = cheapestFirst(this.costs);
        java.util.Set<Home> widened = new java.util.HashSet<>(candidateHomes);
        widened.addAll(more.keySet());
        this.candidateHomes = validHomes.stream().filter(widened::contains).toList();
    }

    /** Homes by the child's own soft cost there, cheapest first, so moves can favour the homes that suit best. */
    private static List<Home> cheapestFirst(Map<Home, CandidateCost> costs) {
        return costs.keySet().stream()
                .sorted(java.util.Comparator.comparingLong(
                                (Home home) -> costs.get(home).totalHundredths())
                        .thenComparing(Home::id))
                .toList();
    }

    @ValueRangeProvider(id = "candidateHomes")
    public List<Home> getCandidateHomes() {
        return candidateHomes;
    }

    /** Every home the child's own rules allow, including those the children who stay fill. */
    public List<Home> validHomes() {
        return validHomes;
    }

    public Home getHome() {
        return home;
    }

    public void setHome(Home home) {
        this.home = home;
    }

    /** The precomputed soft terms of the current home; null when unplaced. */
    public CandidateCost cost() {
        if (costOf != home) {
            cost = home == null ? null : costs.get(home);
            costOf = home;
        }
        return cost;
    }

    public CandidateCost costIn(Home candidate) {
        return costs.get(candidate);
    }

    @Override
    public String childId() {
        return childId;
    }

    @Override
    public int ageYears() {
        return ageYears;
    }

    @Override
    public boolean hsb() {
        return hsb;
    }

    @Override
    public Alongside alongside() {
        return alongside;
    }

    public boolean awaiting() {
        return awaiting;
    }

    public Home currentHome() {
        return currentHome;
    }

    public SiblingGroup siblingGroup() {
        return siblingGroup;
    }

    @Override
    public String toString() {
        return childId + "->" + home;
    }
}
