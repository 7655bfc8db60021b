package uk.rcc.homes;

/** A home's availability as its provider states it (a closed home is set so only by closing it). */
public enum Availability {
    /** Takes referrals (from {@code availableFrom} when that date is still to come). */
    AVAILABLE,
    /** Temporarily not taking referrals, for example a carer on a break. */
    ON_HOLD,
    /** Not taking referrals until a regulator's or the provider's concern is resolved. */
    SUSPENDED,
    /** No longer a home of the co-operative; kept for the placement history. */
    CLOSED
}
