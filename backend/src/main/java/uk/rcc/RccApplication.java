package uk.rcc;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import uk.rcc.cli.CommandLine;

/** The service's one executable: with no argument (or {@code serve}) the web application, otherwise a command. */
@SpringBootApplication
public class RccApplication {
    public static void main(String[] args) {
        int exitCode = Commands.dispatch(Arrays.asList(args));
        if (exitCode != CommandLine.KEEP_RUNNING) {
            System.exit(exitCode);
        }
    }

    static List<String> rest(List<String> args) {
        return args.isEmpty() ? args : args.subList(1, args.size());
    }
}
