package uk.rcc.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import uk.rcc.support.IntegrationTest;

/**
 * The one component behind matching runs, forecast runs and scenarios, on a job table of its own (so the
 * application's scheduled checks on the real tables cannot interfere): two instances, heartbeats, stale jobs
 * failed, results saved with the final status or not at all.
 */
@IntegrationTest
class DurableJobsTest {
    private static final DurableJobs.Table TABLE =
            new DurableJobs.Table("durable_job_test", "ended_at", "started_at", true);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    DurableJobs a;
    DurableJobs b;

    @BeforeEach
    void aJobTableAndTwoInstances() {
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS durable_job_test (
                    id bigserial PRIMARY KEY, status text NOT NULL, instance_id text, heartbeat_at timestamptz,
                    created_at timestamptz NOT NULL DEFAULT now(), started_at timestamptz, ended_at timestamptz,
                    error text, result text, version integer NOT NULL DEFAULT 0)""");
        jdbc.execute("CREATE TABLE IF NOT EXISTS durable_job_test_result (job_id bigint, line text)");
        a = new DurableJobs(jdbc, transaction, TABLE, "rcc-a");
        b = new DurableJobs(jdbc, transaction, TABLE, "rcc-b");
    }

    @AfterEach
    void noTableLeftForOtherTests() {
        jdbc.execute("DROP TABLE IF EXISTS durable_job_test, durable_job_test_result");
    }

    @Test
    void aJobWhoseInstanceStoppedSendingHeartbeatsIsFailedByAnotherInstanceAndKeepsNoResult() {
        long job = job("RUNNING", "rcc-a", "now() - interval '2 minutes'");
        a.computing(job);

        assertThat(b.failStale()).isEqualTo(1);

        assertThatThrownBy(() -> a.finish(job, JobStatus.FINISHED, Map.of("result", "42"), () -> saveLine(job)))
                .isInstanceOf(JobLostException.class);
        assertThat(status(job)).isEqualTo("FAILED");
        assertThat(column(job, "error")).contains("stopped sending heartbeats");
        assertThat(column(job, "result")).isNull();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM durable_job_test_result", Integer.class))
                .as("the result written inside the claim is rolled back")
                .isZero();
    }

    @Test
    void aFreshHeartbeatOrAJobTheInstanceIsComputingIsNeverFailedAsStale() {
        long fresh = job("RUNNING", "rcc-a", "now()");
        long ownButOld = job("RUNNING", "rcc-b", "now() - interval '2 minutes'");
        b.computing(ownButOld);

        assertThat(b.failStale()).isZero();
        assertThat(status(fresh)).isEqualTo("RUNNING");
        assertThat(status(ownButOld)).isEqualTo("RUNNING");
    }

    @Test
    void atStartTheJobsThisInstanceLeftActiveAreFailedButNotThoseOfAnotherLiveInstance() {
        long leftHere = job("RUNNING", "rcc-a", "now()");
        long queuedHere = job("QUEUED", "rcc-a", "now()");
        long elsewhere = job("RUNNING", "rcc-b", "now()");

        assertThat(a.failInterrupted()).isEqualTo(2);

        assertThat(status(leftHere)).isEqualTo("FAILED");
        assertThat(status(queuedHere)).isEqualTo("FAILED");
        assertThat(column(leftHere, "ended_at")).isNotNull();
        assertThat(status(elsewhere)).isEqualTo("RUNNING");
    }

    @Test
    void aHeartbeatRefreshesOnlyTheJobsThisInstanceIsComputing() {
        long mine = job("RUNNING", "rcc-a", "now() - interval '2 minutes'");
        long notMine = job("RUNNING", "rcc-b", "now() - interval '2 minutes'");
        a.computing(mine);

        a.beat();

        assertThat(b.failStale()).as("only rcc-a's own job is fresh again").isZero();
        assertThat(a.failStale()).isEqualTo(1);
        assertThat(status(mine)).isEqualTo("RUNNING");
        assertThat(status(notMine)).isEqualTo("FAILED");
    }

    @Test
    void aResultIsSavedWithItsFinalStatusAndTheRowsVersionIsRaised() {
        long job = job("QUEUED", null, "now()");
        a.computing(job);
        a.running(job);
        assertThat(status(job)).isEqualTo("RUNNING");
        assertThat(column(job, "instance_id")).isEqualTo("rcc-a");
        assertThat(column(job, "started_at")).isNotNull();

        a.finish(job, JobStatus.STOPPED, Map.of("result", "42"), () -> saveLine(job));

        assertThat(status(job)).isEqualTo("STOPPED");
        assertThat(column(job, "result")).isEqualTo("42");
        assertThat(column(job, "version")).isEqualTo("2");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM durable_job_test_result", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void aFailureIsWrittenOnceAndNeverOverwritesAFinishedJob() {
        long job = job("RUNNING", "rcc-a", "now()");
        a.finish(job, JobStatus.FINISHED, Map.of(), () -> {});

        a.fail(job, "too late");

        assertThat(status(job)).isEqualTo("FINISHED");
        assertThat(column(job, "error")).isNull();
        assertThatThrownBy(() -> a.finish(job, JobStatus.FAILED, Map.of(), () -> {}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private long job(String status, String instance, String heartbeat) {
        return jdbc.queryForObject(
                "INSERT INTO durable_job_test (status, instance_id, heartbeat_at, created_at) VALUES (?, ?, "
                        + heartbeat + ", " + heartbeat + ") RETURNING id",
                Long.class,
                status,
                instance);
    }

    private void saveLine(long job) {
        jdbc.update("INSERT INTO durable_job_test_result (job_id, line) VALUES (?, 'proposal')", job);
    }

    private String status(long job) {
        return column(job, "status");
    }

    private String column(long job, String column) {
        return jdbc.queryForObject("SELECT " + column + "::text FROM durable_job_test WHERE id = ?", String.class, job);
    }
}
