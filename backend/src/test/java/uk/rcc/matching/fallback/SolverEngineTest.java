package uk.rcc.matching.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;
import uk.rcc.exchange.ExchangeReader;
import uk.rcc.matching.runs.MatchingEngine;
import uk.rcc.placement.PlacementRules;
import uk.rcc.support.SharedData;

class SolverEngineTest {

    @Test
    void theSampleGetsAValidProposalForEveryPlannedChildOnce() throws Exception {
        ExchangeDataset sample = ExchangeReader.readDirectory(SharedData.sample());
        AtomicInteger progressEvents = new AtomicInteger();

        MatchingEngine.Outcome outcome = new SolverEngine("").start(new MatchingEngine.MatchRequest(sample, Map.of(),
                "interactive-solver.xml", Duration.ofSeconds(4)), progress -> progressEvents.incrementAndGet()).await();

        List<String> planned = sample.children().stream().filter(c -> c.awaiting() || c.mayMove())
                .map(ChildRow::childId).sorted().toList();
        assertThat(outcome.proposals().stream().map(MatchingEngine.ProposalLine::childId).sorted().toList())
                .isEqualTo(planned);
        assertThat(outcome.score()).startsWith("0hard");
        assertThat(uk.rcc.support.IndependentProposalChecker.brokenRules(sample, outcome)).isEmpty();
        assertThat(outcome.placed()).isPositive();
        assertThat(progressEvents.get()).isPositive();
    }
}
