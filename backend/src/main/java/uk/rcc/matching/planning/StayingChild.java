package uk.rcc.matching.planning;

import uk.rcc.exchange.Codes.Alongside;

/** A placed child who may not move: a problem fact that fills a place and counts for sharing and sibling rules. */
public record StayingChild(
        String childId, int ageYears, boolean hsb, Alongside alongside, Home home, SiblingGroup siblingGroup)
        implements Occupant {}
