package uk.rcc.matching.runs;

/** Only one co-operative run may be queued or running at a time. */
public class RunAlreadyActiveException extends RuntimeException {
    public RunAlreadyActiveException() {
        super("A matching run is already in progress. Wait for it to finish or stop it first.");
    }
}
