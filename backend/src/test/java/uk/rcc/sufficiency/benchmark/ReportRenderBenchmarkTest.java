package uk.rcc.sufficiency.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.rcc.cli.CommandLine;

class ReportRenderBenchmarkTest {

    @Test
    void loadsThatAreNotAPositiveNumberAreAUsageErrorBeforeAnythingStarts() {
        for (String loads : List.of("x", "0")) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int exit = ReportRenderBenchmark.run(
                    List.of("--loads", loads),
                    new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(exit).isEqualTo(CommandLine.USAGE);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("--loads").contains("Usage: bench-report");
        }
    }
}
