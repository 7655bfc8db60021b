package uk.rcc.matching.fallback;

import java.util.List;
import java.util.Map;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.entity.PlanningPin;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

/**
 * One child and the home the solver gives them. Children who must stay are pinned to their home; the others
 * choose among their candidates (homes that pass every rule about the child and the home alone), and the soft
 * cost of each candidate is computed once, when the problem is built.
 */
@PlanningEntity(difficultyComparatorClass = ChildPlan.FewerCandidatesIsHarder.class)
public final class ChildPlan {
    @PlanningId
    private String id;
    private String authorityCode;
    private int age;
    private String siblingGroup;
    private boolean awaiting;
    private boolean pinned;
    private Alongside alongside;
    private List<Home> candidates;
    private Map<Home, long[]> terms;
    private long siblingSplitWeight;

    @PlanningVariable(valueRangeProviderRefs = "candidates", nullable = true)
    private Home home;

    /** Who the child may live with (rule 4), reduced to what pairs of children need. */
    public record Alongside(boolean harmfulSexualBehaviour, String rule) {
    }

    ChildPlan() {
    }

    public ChildPlan(String id, String authorityCode, int age, String siblingGroup, boolean awaiting, boolean pinned,
            Alongside alongside, List<Home> candidates, Map<Home, long[]> terms, Home home, long siblingSplitWeight) {
        this.siblingSplitWeight = siblingSplitWeight;
        this.id = id;
        this.authorityCode = authorityCode;
        this.age = age;
        this.siblingGroup = siblingGroup;
        this.awaiting = awaiting;
        this.pinned = pinned;
        this.alongside = alongside;
        this.candidates = candidates;
        this.terms = terms;
        this.home = home;
    }

    @ValueRangeProvider(id = "candidates")
    public List<Home> getCandidates() {
        return candidates;
    }

    @PlanningPin
    public boolean isPinned() {
        return pinned;
    }

    public Home getHome() {
        return home;
    }

    public void setHome(Home home) {
        this.home = home;
    }

    public String id() {
        return id;
    }

    public String authorityCode() {
        return authorityCode;
    }

    public int age() {
        return age;
    }

    public String siblingGroup() {
        return siblingGroup;
    }

    public long siblingSplitWeight() {
        return siblingSplitWeight;
    }

    public boolean awaiting() {
        return awaiting;
    }

    /** The soft term (hundredths of a point) at {@code index} of {@link CostTerm} for the current home. */
    public long term(CostTerm term) {
        if (home == null || pinned) {
            return 0;
        }
        long[] values = terms.get(home);
        return values == null ? 0 : values[term.ordinal()];
    }

    public long[] termsFor(Home candidate) {
        return terms.get(candidate);
    }

    /** Rule 4 between two children living in one home, from both sides. */
    public boolean clashesWith(ChildPlan other) {
        return !accepts(other.age) || !other.accepts(age);
    }

    private boolean accepts(int otherAge) {
        if (alongside.harmfulSexualBehaviour() && otherAge < age) {
            return false;
        }
        return switch (alongside.rule()) {
            case "SOLO" -> false;
            case "OLDER_ONLY" -> otherAge > age;
            case "YOUNGER_ONLY" -> otherAge < age;
            default -> true;
        };
    }

    /** Children with the fewest valid homes are placed first; siblings next to each other. */
    public static final class FewerCandidatesIsHarder implements java.util.Comparator<ChildPlan> {
        @Override
        public int compare(ChildPlan a, ChildPlan b) {
            return java.util.Comparator.comparingInt((ChildPlan c) -> -c.candidates.size())
                    .thenComparing(c -> c.siblingGroup == null ? "" : c.siblingGroup)
                    .thenComparing(c -> c.id).compare(a, b);
        }
    }

    @Override
    public String toString() {
        return id + "->" + home;
    }
}
