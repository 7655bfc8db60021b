package uk.rcc.jobs;

/** Where a durable job stands; the same names are stored in each job table's {@code status} column. */
public enum JobStatus {
    /** Written, waiting for its instance's worker thread. */
    QUEUED,
    RUNNING,
    FINISHED,
    /** Asked to stop; its best result so far was saved (matching runs only). */
    STOPPED,
    FAILED;

    /** Queued or running: an instance is (or should be) working on it and sending heartbeats. */
    public boolean active() {
        return this == QUEUED || this == RUNNING;
    }
}
