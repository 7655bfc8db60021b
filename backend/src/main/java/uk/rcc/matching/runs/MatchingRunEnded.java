package uk.rcc.matching.runs;

/** Published once a co-operative matching run has saved its proposals (finished or stopped). */
public record MatchingRunEnded(long runId) {}
