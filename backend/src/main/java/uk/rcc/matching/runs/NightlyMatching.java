package uk.rcc.matching.runs;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The nightly co-operative re-optimisation. ShedLock makes sure only one instance runs it; the lock is held while
 * the run lasts and for at least five minutes, so an instance a little behind does not run it again.
 */
@Component
public class NightlyMatching {
    private static final Logger log = LoggerFactory.getLogger(NightlyMatching.class);
    private final MatchingRunService runs;
    private final int seconds;
    private final String solverConfig;

    NightlyMatching(
            MatchingRunService runs,
            @Value("${rcc.nightly.matching-seconds:300}") int seconds,
            @Value("${rcc.nightly.matching-config:nightly-solver.xml}") String solverConfig) {
        this.runs = runs;
        this.seconds = seconds;
        this.solverConfig = solverConfig;
    }

    @Scheduled(cron = "${rcc.nightly.matching-cron:0 0 2 * * *}", zone = "Europe/London")
    @SchedulerLock(name = "nightly-matching", lockAtLeastFor = "PT5M", lockAtMostFor = "PT3H")
    public void run() throws InterruptedException {
        MatchingRun run;
        try {
            run = runs.start("nightly", "NIGHTLY", seconds, solverConfig);
        } catch (RunAlreadyActiveException e) {
            log.warn("Nightly matching skipped: a run is already in progress");
            return;
        }
        waitFor(run.id(), Duration.ofSeconds(seconds + 120L));
    }

    private void waitFor(long runId, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline && runs.runsHere(runId)) {
            Thread.sleep(1000);
        }
    }
}
