package uk.rcc.placementsreturn;

import java.time.LocalDate;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;

/**
 * One placement found for a child, with what the return needs that the child's and home's rows do not say.
 *
 * @param agreedWeeklyCost the placement's agreed weekly cost, or null when it is the home's weekly cost
 * @param siblingsToPlaceWith the other children of the child's sibling group
 * @param siblingsPlacedTogether those of them who live in the same home as the child during this placement
 * @param placementOfficer who decided the placement in this service, or null when that is not known
 * @param costRecordedOn the day the cost the return reports was recorded
 */
public record FoundPlacement(
        ChildRow child,
        HomeRow home,
        LocalDate startedOn,
        Double agreedWeeklyCost,
        int siblingsToPlaceWith,
        int siblingsPlacedTogether,
        String placementOfficer,
        LocalDate costRecordedOn) {

    double weeklyCost() {
        return agreedWeeklyCost != null ? agreedWeeklyCost : home.weeklyCost();
    }

    /** Stable within a return and across returns: a child starts at most one placement a day. */
    String placementId() {
        return child.childId() + "-" + startedOn;
    }
}
