package uk.rcc.capacity.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import uk.rcc.cli.CommandLine;

class CapacityBenchmarkTest {

    @Test
    void workersBelowOneIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = CapacityBenchmark.run(
                List.of("--workers", "0"),
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(CommandLine.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--workers must be at least 1");
    }

    @Test
    void aSizeOrANumberThatIsNotOneIsAUsageErrorNamingTheValue() {
        for (List<String> arguments : List.of(List.of("--size", "bogus"), List.of("--top", "ten"))) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int exit = CapacityBenchmark.run(
                    arguments,
                    new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(exit).isEqualTo(CommandLine.USAGE);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .contains("'" + arguments.get(1) + "'")
                    .contains("Usage:");
        }
    }

    @Test
    void eachOfTheToolsExtraPlacesIsReportedBesideCpSatsFigureAndTheCountFoundOfTheExactTop() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = CapacityBenchmark.run(
                List.of(
                        "--size",
                        "90/60",
                        "--seconds",
                        "2",
                        "--top",
                        "3",
                        "--exact-seconds",
                        "20",
                        "--resolve-seconds",
                        "10",
                        "--confirm-seconds",
                        "3"),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()));

        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(CommandLine.OK);
        Matcher summary = Pattern.compile("The tool found (\\d+) of the exact top (\\d+); CP-SAT gave a figure for "
                        + "(\\d+) of its (\\d+) rows, the placed delta right in (\\d+)")
                .matcher(report);
        assertThat(summary.find()).as(report).isTrue();
        int toolRows = Integer.parseInt(summary.group(4));
        assertThat(Integer.parseInt(summary.group(1))).isLessThanOrEqualTo(toolRows);
        assertThat(Integer.parseInt(summary.group(5)))
                .as("a placed delta is checked only where CP-SAT gave a figure")
                .isLessThanOrEqualTo(Integer.parseInt(summary.group(3)));
        assertThat(report.lines().filter(line -> line.matches("\\| \\d+ \\| H\\d+ \\| [+-]\\d+ / .*")))
                .as("one row a tool option, claimed beside exact")
                .hasSize(toolRows);
        assertThat(report).contains("Load average (1 min) at start").contains("Machine: ");
    }
}
