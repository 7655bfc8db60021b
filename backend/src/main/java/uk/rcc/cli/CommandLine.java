package uk.rcc.cli;

import java.io.PrintStream;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import uk.rcc.RccApplication;
import uk.rcc.imports.ExportCommand;
import uk.rcc.imports.ImportCommand;
import uk.rcc.matching.MatchCommand;
import uk.rcc.sufficiency.ForecastCommand;

/**
 * Chooses what the jar does. {@code serve} starts the web application; {@code import} and {@code export} start
 * Spring without a web server (they need the database); {@code match} and {@code forecast} work on files alone.
 */
public final class CommandLine {
    /** Returned by {@link #dispatch} when the web server keeps the process alive. */
    public static final int KEEP_RUNNING = Integer.MIN_VALUE;
    public static final int OK = 0;
    public static final int BAD_INPUT = 2;
    public static final int USAGE = 64;

    private static final String USAGE_TEXT = """
            Usage: java -jar backend/target/rcc.jar [COMMAND] [OPTIONS]

            Commands:
              serve                     start the web application (the default); an embedded PostgreSQL
                                        with a demo co-operative unless SPRING_DATASOURCE_URL is set
              import --data DIR         import an exchange-format v1 data set into the database, all or nothing
              export --out DIR          write the registry as an exchange-format v1 data set
              match --data DIR --out FILE [--seconds N] [--config FILE]
                                        propose homes for a data set's waiting children (no database needed)
              forecast --episodes DIR --out DIR [--horizon-months N] [--as-of DATE] [--confidence 0.8]
                       [--registry DIR | --supply FILE] [--foster-approvals N] [--foster-resignations N]
                       [--scenario NAME:entry=R,stepdown=S,recruit=N]... [--weekly-cost FOSTER=520,...]
                                        forecast children looked after from SSDA903 returns (no database needed);
                                        with a registry (exchange format v1), places against supply and the gap;
                                        each --scenario is compared with the baseline in scenarios.csv
              capacity --data DIR --out FILE [--seconds N] [--top N]
                                        where one more place, or a new home of a kind, would help the waiting
                                        children most, confirmed by re-solving (no database needed)
              bench [--sizes 100,1000,10000,national|none] [--seconds N] [--shortlist-calls N] [--out FILE]
                                        the matching benchmark: solver against today's practice and a lower bound,
                                        and shortlist latency for one child over 5,000 homes (bench --help)
              --help                    this text

            Exit codes: 0 done; 2 invalid input (every error listed as file:line: column: message); 64 usage.
            """;

    private CommandLine() {
    }

    public static int dispatch(List<String> args) {
        String command = args.isEmpty() || args.get(0).startsWith("--") && !isHelp(args.get(0)) ? "serve"
                : args.get(0);
        List<String> options = args.isEmpty() || !command.equals(args.get(0)) ? args : args.subList(1, args.size());
        PrintStream out = System.out;
        PrintStream err = System.err;
        switch (command) {
            case "serve" -> {
                SpringApplication.run(RccApplication.class, options.toArray(String[]::new));
                return KEEP_RUNNING;
            }
            case "import" -> {
                return withContext(options, context -> context.getBean(ImportCommand.class).run(options, out, err));
            }
            case "export" -> {
                return withContext(options, context -> context.getBean(ExportCommand.class).run(options, out, err));
            }
            case "match" -> {
                quietLogging();
                return MatchCommand.run(options, out, err);
            }
            case "capacity" -> {
                quietLogging();
                return uk.rcc.capacity.CapacityCommand.run(options, out, err);
            }
            case "bench" -> {
                quietLogging();
                // the phase timings of each solve (problem built, first answer) belong in a benchmark's output
                if (org.slf4j.LoggerFactory.getLogger("uk.rcc.matching")
                        instanceof ch.qos.logback.classic.Logger engine) {
                    engine.setLevel(ch.qos.logback.classic.Level.INFO);
                }
                // and so do the best score once a second and the search's step and move counts, to show how each
                // solve converges and how fast the moves are evaluated
                if (org.slf4j.LoggerFactory.getLogger("uk.rcc.matching.progress")
                        instanceof ch.qos.logback.classic.Logger progress) {
                    progress.setLevel(ch.qos.logback.classic.Level.DEBUG);
                }
                if (org.slf4j.LoggerFactory.getLogger("org.optaplanner.core.impl.localsearch")
                        instanceof ch.qos.logback.classic.Logger search) {
                    search.setLevel(ch.qos.logback.classic.Level.INFO);
                }
                return uk.rcc.matching.benchmark.BenchmarkCommand.run(options, out, err);
            }
            case "forecast" -> {
                quietLogging();
                return ForecastCommand.run(options, out, err);
            }
            case "help", "--help", "-h" -> {
                out.print(USAGE_TEXT);
                return OK;
            }
            default -> {
                err.println("Unknown command '" + command + "'.");
                err.print(USAGE_TEXT);
                return USAGE;
            }
        }
    }

    /** Commands without Spring would otherwise log at logback's default DEBUG level. */
    private static void quietLogging() {
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    private static boolean isHelp(String argument) {
        return argument.equals("--help") || argument.equals("-h");
    }

    private static int withContext(List<String> options, java.util.function.ToIntFunction<ConfigurableApplicationContext> body) {
        SpringApplication application = new SpringApplication(RccApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setAdditionalProfiles("command");
        try (ConfigurableApplicationContext context = application.run(springOptions(options))) {
            return body.applyAsInt(context);
        }
    }

    /** Only {@code --name=value} options reach Spring; the command's own options are read by the command. */
    private static String[] springOptions(List<String> options) {
        return options.stream().filter(o -> o.startsWith("--spring.") || o.startsWith("--rcc.")).toArray(String[]::new);
    }
}
