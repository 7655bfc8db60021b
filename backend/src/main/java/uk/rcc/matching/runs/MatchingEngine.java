package uk.rcc.matching.runs;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import uk.rcc.exchange.ExchangeDataset;

/** What a stored co-operative run needs from the solver: start it, watch it, stop it, take its result. */
public interface MatchingEngine {

    SolveJob start(MatchRequest request, Consumer<Progress> onProgress);

    /** @param weights weight name to value, as stored in a weight set; missing names take the reference value */
    record MatchRequest(ExchangeDataset dataset, Map<String, Double> weights, String solverConfig, Duration limit) {}

    record Progress(String bestScore, int placed, int planned, Duration spent) {}

    record ProposalLine(String childId, String authorityCode, String homeId, double cost, String explanation) {}

    /** The mission figures of one assignment: before (today's placements) or after (the proposals). */
    record Figures(
            double within20MilesShare,
            double outsideCouncilShare,
            int siblingGroupsSplit,
            double meanKmToSchool,
            double weeklyCost) {}

    record Outcome(
            String score,
            int planned,
            int placed,
            int unplaced,
            List<ProposalLine> proposals,
            Figures before,
            Figures after) {}

    interface SolveJob {
        /** Asks the solver to stop early; {@link #await()} then returns the best result found so far. */
        void stop();

        Outcome await() throws InterruptedException;
    }
}
