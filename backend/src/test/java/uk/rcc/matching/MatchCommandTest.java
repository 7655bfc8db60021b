package uk.rcc.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.rcc.cli.CommandLine;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeReader;
import uk.rcc.matching.runs.MatchingEngine;
import uk.rcc.support.Datasets;
import uk.rcc.support.SharedData;

class MatchCommandTest {
    @TempDir
    Path temp;

    @Test
    void theSampleGetsAValidProposalSetWithEveryPlannedChildOnce() throws Exception {
        Path proposals = temp.resolve("proposals.csv");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int exit = MatchCommand.run(List.of("--data", SharedData.sample().toString(), "--out", proposals.toString(),
                "--seconds", "3"), new PrintStream(printed, true, StandardCharsets.UTF_8), System.err);

        assertThat(exit).isZero();
        ExchangeDataset sample = ExchangeReader.readDirectory(SharedData.sample());
        List<CSVRecord> rows;
        try (CSVParser parser = CSVParser.parse(proposals, StandardCharsets.UTF_8,
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(parser.getHeaderNames()).containsExactly("child_id", "home_id", "cost", "explanation");
            rows = parser.getRecords();
        }
        List<String> planned = sample.children().stream().filter(c -> c.awaiting() || c.mayMove())
                .map(ChildRow::childId).sorted().toList();
        assertThat(rows.stream().map(r -> r.get("child_id")).sorted().toList()).isEqualTo(planned);
        List<MatchingEngine.ProposalLine> lines = rows.stream().map(r -> new MatchingEngine.ProposalLine(
                r.get("child_id"), null, r.get("home_id").isEmpty() ? null : r.get("home_id"), 0, "")).toList();
        MatchingEngine.Outcome asRead = new MatchingEngine.Outcome("", lines.size(), 0, 0, lines, null, null);
        assertThat(uk.rcc.support.IndependentProposalChecker.brokenRules(sample, asRead)).isEmpty();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("children planned: 31")
                .contains("placed within 20 miles of home").contains("sibling groups split");
    }

    @Test
    void anInvalidDataSetExitsWithTwoAndNamesFileLineAndColumn() {
        Path broken = Datasets.sampleWith(temp.resolve("broken"), "homes.csv", Datasets.setCell(3, "sexes", "X"));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        int exit = MatchCommand.run(List.of("--data", broken.toString(), "--out", temp.resolve("p.csv").toString()),
                System.out, new PrintStream(errors, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(CommandLine.BAD_INPUT);
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("homes.csv:3: sexes: 'X' is not one of");
        assertThat(Files.exists(temp.resolve("p.csv"))).isFalse();
    }

    @Test
    void aMissingOptionIsAUsageError() {
        assertThat(MatchCommand.run(List.of("--data", "x"), System.out, new PrintStream(new ByteArrayOutputStream())))
                .isEqualTo(CommandLine.USAGE);
    }
}
