package uk.rcc.matching.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.rcc.cli.CommandLine;

class BenchmarkCommandTest {

    private static String errorsOf(List<String> args, int expectedExit) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = BenchmarkCommand.run(args, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(expectedExit, exit);
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void exactWorkersBelowOneIsAUsageErrorNamingTheOption() {
        String errors = errorsOf(List.of("--sizes", "none", "--shortlist-calls", "0", "--exact-workers", "0"),
                CommandLine.USAGE);

        assertTrue(errors.contains("--exact-workers must be at least 1, not 0"), errors);
        assertTrue(errors.contains("Usage:"), errors);
    }

    @Test
    void exactWorkersThatIsNotANumberIsAUsageErrorNamingTheValue() {
        String errors = errorsOf(List.of("--sizes", "none", "--exact-workers", "eight"), CommandLine.USAGE);

        assertTrue(errors.contains("--exact-workers must be a whole number, not 'eight'"), errors);
    }
}
