package uk.rcc.capacity;

import java.util.Comparator;
import java.util.Set;
import uk.rcc.exchange.Codes.HomeKind;
import uk.rcc.exchange.Codes.Need;
import uk.rcc.exchange.Codes.SexesAccepted;

/**
 * One way to add capacity and what it would change, as confirmed by re-solving with it: one more place in an
 * existing home, or a new home of a kind at a site. Deltas are against the same answer without it.
 *
 * @param homeId the existing home ({@link Kind#EXTRA_PLACE}); null for a new home
 * @param authorityCode the council the home is (or would be) in
 * @param site a new home's site, in words; the home's name for an extra place
 * @param placedDelta waiting children placed more
 * @param softCostDelta the change in the policy's total soft cost, points (negative is better)
 * @param kmDelta the change in the total km from school (or family home) of the placed children
 * @param siblingsTogetherDelta sibling groups living together more (split groups fewer)
 * @param ownCouncilDelta children placed inside their own council more
 */
public record CapacityOption(
        Kind option,
        String homeId,
        HomeKind kind,
        double lat,
        double lon,
        int minAge,
        int maxAge,
        SexesAccepted sexes,
        Set<Need> needsMet,
        int places,
        String authorityCode,
        String site,
        int placedDelta,
        double softCostDelta,
        double kmDelta,
        int siblingsTogetherDelta,
        int ownCouncilDelta) {

    public enum Kind {
        EXTRA_PLACE,
        NEW_HOME
    }

    /** More children placed first, then the larger fall in soft cost; ties by home id or site for a stable order. */
    public static final Comparator<CapacityOption> BEST_FIRST = Comparator.comparingInt(
                    (CapacityOption o) -> -o.placedDelta())
            .thenComparingDouble(CapacityOption::softCostDelta)
            .thenComparing(o -> o.homeId() == null ? o.site() : o.homeId());

    /** True when the option places more children or lowers the soft cost. */
    public boolean helps() {
        return placedDelta > 0 || placedDelta == 0 && softCostDelta < 0;
    }
}
