package uk.rcc.matching.runs;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import uk.rcc.jobs.JobStatus;

/**
 * One co-operative matching run as stored: who started it, with which weights and solver configuration, how it
 * went and what it found. Proposals are stored beside it when it ends.
 */
@Table("matching_run")
public record MatchingRun(
        @Id Long id,
        JobStatus status,
        String trigger,
        String startedBy,
        Instant createdAt,
        Instant startedAt,
        Instant endedAt,
        Instant heartbeatAt,
        String instanceId,
        String solverConfig,
        int secondsLimit,
        Long weightSetId,
        String weights,
        String bestScore,
        Integer planned,
        Integer placed,
        Integer unplaced,
        String figures,
        String error,
        @Version int version) {

    public boolean active() {
        return status.active();
    }
}
