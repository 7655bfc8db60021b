package uk.rcc.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeReader;

class MatchCommandTest {
    /** Tests run in backend/; shared/ sits beside the clone, two levels up. */
    static Path sampleDirectory() {
        Path sample = Path.of("..", "..", "shared", "formats", "sample")
                .toAbsolutePath()
                .normalize();
        assertTrue(
                Files.isDirectory(sample),
                "the shared sample data set is missing: expected " + sample
                        + " (shared/ must sit beside the repository clone)");
        return sample;
    }

    @Test
    void sampleDataSetGetsAValidProposalForEveryPlannedChild(@TempDir Path dir) throws Exception {
        Path proposals = dir.resolve("proposals.csv");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = MatchCommand.run(
                List.of("--data", sampleDirectory().toString(), "--out", proposals.toString(), "--seconds", "3"),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);

        assertEquals(0, code);
        ExchangeDataset dataset = ExchangeReader.readDirectory(sampleDirectory());
        Map<String, String> rows = IndependentProposalChecker.readProposals(proposals);
        assertEquals(List.of(), new IndependentProposalChecker(dataset).breaches(rows));
        assertTrue(Files.readAllLines(proposals).get(0).equals("child_id,home_id,cost,explanation"));
        String summary = out.toString(StandardCharsets.UTF_8);
        assertTrue(summary.contains("hard score: 0"), summary);
        System.out.println(summary);
    }

    @Test
    void invalidDataSetPrintsEveryErrorAndReturnsTwo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("dataset.csv"), "as_of\nnot-a-date\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MatchCommand.run(
                List.of("--data", dir.toString(), "--out", dir.resolve("p.csv").toString()),
                System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("homes.csv:0: -: file is missing"), err.toString());
    }

    @Test
    void missingOptionIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MatchCommand.run(
                List.of("--data", "x"), System.out, new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(64, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--out is required"));
    }
}
