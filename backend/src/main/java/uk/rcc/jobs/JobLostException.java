package uk.rcc.jobs;

/**
 * A job was no longer active when its instance came to save its result: another instance had marked it failed
 * (its heartbeat looked stale). Thrown inside the saving transaction, so nothing of the result is kept.
 */
public class JobLostException extends IllegalStateException {
    public JobLostException(String table, long id) {
        super(table + " " + id + " was marked failed before it could save");
    }
}
