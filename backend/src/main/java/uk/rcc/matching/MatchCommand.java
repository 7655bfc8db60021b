package uk.rcc.matching;

import java.io.PrintStream;
import java.util.List;

/** {@code match}: headless matching of an exchange-format data set. Placeholder until the solver lands. */
public final class MatchCommand {
    private MatchCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        err.println("match is not available yet");
        return 1;
    }
}
