package uk.rcc.jobs;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Background jobs that outlive their instance's memory: matching runs, forecast runs and forecast scenarios. Each
 * has a row in its own table with a {@link JobStatus}, the instance computing it and a heartbeat. This class is the
 * one place that writes those columns:
 *
 * <ul>
 *   <li>the instance computing a job sends a heartbeat every few seconds ({@link #beat()});
 *   <li>a job left active by an instance that stopped is failed, never resumed: at the next start of that instance
 *       ({@link #failInterrupted()}), or by any instance once its heartbeat is older than {@link #STALE}
 *       ({@link #failStale()});
 *   <li>a result is saved together with the final status in one transaction, after claiming the job, so a job
 *       failed meanwhile keeps nothing ({@link #finish});
 *   <li>a failure that cannot be written because the database is down is kept and written once it is back.
 * </ul>
 *
 * Job tables have the columns {@code id, status, instance_id, heartbeat_at, created_at, error}, and optionally a
 * column for when the job ended, one for when it started, and an optimistic-locking {@code version}.
 */
public final class DurableJobs {
    private static final Logger log = LoggerFactory.getLogger(DurableJobs.class);
    /** A heartbeat older than this means the instance computing the job has stopped. */
    public static final Duration STALE = Duration.ofSeconds(60);

    private static final int ERROR_LENGTH = 4000;
    private static final String ACTIVE = "status IN ('QUEUED', 'RUNNING')";

    /**
     * A job table: its name, the column stamped when a job ends and the one stamped when it starts running (null
     * if the table has none), and whether rows carry a {@code version} that every update must raise.
     */
    public record Table(String name, String endedColumn, String startedColumn, boolean versioned) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Table table;
    private final String instanceId;
    /** Jobs this instance is working on now: it sends their heartbeats and never fails them as stale. */
    private final Set<Long> computing = ConcurrentHashMap.newKeySet();
    /** Failures not yet written because the database was unreachable. */
    private final Map<Long, String> unrecordedFailures = new ConcurrentHashMap<>();

    public DurableJobs(JdbcTemplate jdbc, TransactionTemplate transaction, Table table, String instanceId) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.table = table;
        this.instanceId = instanceId;
    }

    public String instanceId() {
        return instanceId;
    }

    /** From now on this instance works on the job (it was just written, queued or running). */
    public void computing(long id) {
        computing.add(id);
    }

    /** This instance has stopped working on the job, whatever its status. */
    public void done(long id) {
        computing.remove(id);
    }

    public boolean computesHere(long id) {
        return computing.contains(id);
    }

    /** Marks a queued job as running on this instance, with a fresh heartbeat. */
    public void running(long id) {
        jdbc.update(
                "UPDATE " + table.name() + " SET status = 'RUNNING', heartbeat_at = now(), instance_id = ?"
                        + (table.startedColumn() == null ? "" : ", " + table.startedColumn() + " = now()")
                        + versionRaised() + " WHERE id = ?",
                instanceId,
                id);
    }

    /** Tells other instances that this one's jobs are alive, and writes failures the database missed. */
    public void beat() {
        recordFailures();
        if (computing.isEmpty()) {
            return;
        }
        try {
            jdbc.update(
                    "UPDATE " + table.name() + " SET heartbeat_at = now() WHERE id = ANY (?) AND " + ACTIVE,
                    (Object) computingNow());
        } catch (DataAccessException e) {
            log.warn("Heartbeat of {} not written: {}", table.name(), e.getMessage());
        }
    }

    /**
     * At start: jobs this instance left active before it stopped (crash, kill -9, restart), or whose instance is
     * unknown or silent, are failed. Their results were never written (they are written with the final status).
     */
    public int failInterrupted() {
        return failWhere(
                "(instance_id = ? OR instance_id IS NULL OR " + stale() + ")",
                "interrupted: the instance computing it stopped before it finished");
    }

    /** Any instance fails the jobs of another instance that died without restarting, within a minute or so. */
    public int failStale() {
        return failWhere(
                "instance_id IS DISTINCT FROM ? AND " + stale(),
                "interrupted: the instance computing it stopped sending heartbeats");
    }

    private int failWhere(String condition, String error) {
        int failed = jdbc.update(
                "UPDATE " + table.name() + " SET status = 'FAILED', error = ?" + endedNow() + versionRaised()
                        + " WHERE " + ACTIVE + " AND NOT id = ANY (?) AND " + condition,
                error,
                computingNow(),
                instanceId,
                STALE.toSeconds());
        if (failed > 0) {
            log.warn("Marked {} interrupted {} row(s) as failed", failed, table.name());
        }
        return failed;
    }

    /**
     * Saves a job's result with its final status in one transaction: the job is claimed first (it must still be
     * active), then {@code columns} are written beside the status and {@code saveResult} runs. If another instance
     * failed the job meanwhile, a {@link JobLostException} rolls everything back. Joins a surrounding transaction.
     */
    public void finish(long id, JobStatus status, Map<String, ?> columns, Runnable saveResult) {
        if (status.active() || status == JobStatus.FAILED) {
            throw new IllegalArgumentException("a job finishes FINISHED or STOPPED, not " + status);
        }
        Map<String, Object> values = new LinkedHashMap<>(columns);
        String assignments =
                values.keySet().stream().map(c -> ", " + c + " = ?").collect(Collectors.joining());
        List<Object> arguments = new java.util.ArrayList<>();
        arguments.add(status.name());
        arguments.addAll(values.values());
        arguments.add(id);
        transaction.executeWithoutResult(tx -> {
            if (jdbc.update(
                            "UPDATE " + table.name() + " SET status = ?, heartbeat_at = now()" + endedNow()
                                    + assignments + versionRaised() + " WHERE id = ? AND " + ACTIVE,
                            arguments.toArray())
                    != 1) {
                throw new JobLostException(table.name(), id);
            }
            saveResult.run();
        });
    }

    /** Records a job as failed with the reason; kept and retried by {@link #beat()} while the database is down. */
    public void fail(long id, String error) {
        unrecordedFailures.put(id, error.length() > ERROR_LENGTH ? error.substring(0, ERROR_LENGTH) : error);
        recordFailures();
    }

    /** Fails every job this instance is still computing (it is shutting down and cannot finish them). */
    public void failComputing(String error) {
        Long[] ids = computingNow();
        if (ids.length == 0) {
            return;
        }
        try {
            jdbc.update(
                    "UPDATE " + table.name() + " SET status = 'FAILED', error = ?" + endedNow() + versionRaised()
                            + " WHERE id = ANY (?) AND " + ACTIVE,
                    error,
                    ids);
            log.warn("{} {} were computing at shutdown: marked failed", table.name(), List.of(ids));
        } catch (DataAccessException e) {
            log.warn(
                    "{} computing at shutdown not marked failed ({}); the next start does it",
                    table.name(),
                    e.getMessage());
        }
    }

    private void recordFailures() {
        unrecordedFailures.forEach((id, error) -> {
            try {
                jdbc.update(
                        "UPDATE " + table.name() + " SET status = 'FAILED', error = ?" + endedNow() + versionRaised()
                                + " WHERE id = ? AND " + ACTIVE,
                        error,
                        id);
                unrecordedFailures.remove(id);
            } catch (DataAccessException e) {
                log.warn("{} {} failed ({}); recording it once the database is reachable", table.name(), id, error);
            }
        });
    }

    private Long[] computingNow() {
        return computing.toArray(Long[]::new);
    }

    private static String stale() {
        return "coalesce(heartbeat_at, created_at) < now() - make_interval(secs => ?)";
    }

    private String endedNow() {
        return table.endedColumn() == null ? "" : ", " + table.endedColumn() + " = now()";
    }

    private String versionRaised() {
        return table.versioned() ? ", version = version + 1" : "";
    }
}
