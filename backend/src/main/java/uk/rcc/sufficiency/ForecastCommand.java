package uk.rcc.sufficiency;

import java.io.PrintStream;
import java.util.List;

/** {@code forecast}: headless forecast from SSDA903 returns. Placeholder until the model lands. */
public final class ForecastCommand {
    private ForecastCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        err.println("forecast is not available yet");
        return 1;
    }
}
