package uk.rcc;

import java.io.PrintStream;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import uk.rcc.cli.CommandLine;
import uk.rcc.imports.ExportCommand;
import uk.rcc.imports.ImportCommand;
import uk.rcc.matching.MatchCommand;
import uk.rcc.operations.BackupCommand;
import uk.rcc.security.CommandActor;
import uk.rcc.security.TwoFactorResetCommand;
import uk.rcc.sufficiency.ForecastCommand;

/**
 * Chooses what the jar does. {@code serve} starts the web application; {@code import} and {@code export} start
 * Spring without a web server (they need the database) and are audited as the {@code --actor} (see
 * {@link #withContext}); {@code match} and {@code forecast} work on files alone and say that they are not audited.
 */
public final class Commands {

    private static final String USAGE_TEXT = """
            Usage: java -jar backend/target/rcc.jar [COMMAND] [OPTIONS]

            Commands:
              serve                     start the web application (the default); an embedded PostgreSQL
                                        with a demo co-operative unless SPRING_DATASOURCE_URL is set
              import --data DIR [--actor NAME]
                                        import an exchange-format v1 data set into the database, all or nothing
              export --out DIR [--actor NAME]
                                        write the registry as an exchange-format v1 data set
              backup --out FILE [--actor NAME]
                                        a consistent backup of the whole database in one file
              restore --from FILE [--actor NAME]
                                        a backup into an empty database at the same schema version
              two-factor-reset --user NAME [--actor NAME]
                                        clear an account's two-factor enrolment (a lost phone); it enrols again
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
              placements-return --data DIR --from DATE --to DATE --out DIR [--authority CODE] [--with-qa]
                                        the national placements return (JSON-LD checked against the standard's
                                        SHACL shape, its spreadsheet and CSV) of a data set's placements started
                                        in the period (no database needed; exit 2 when it would not conform)
              --help                    this text

            Commands on the database (import, export, backup, restore, two-factor-reset) write the same audit rows as the web application, naming
            --actor NAME or else the operating-system user@host. Commands on files only are not audited.

            Exit codes: 0 done; 2 invalid input (every error listed as file:line: column: message); 64 usage.
            """;

    private Commands() {}

    public static int dispatch(List<String> args) {
        String command = args.isEmpty() || args.get(0).startsWith("--") && !isHelp(args.get(0)) ? "serve" : args.get(0);
        List<String> options = args.isEmpty() || !command.equals(args.get(0)) ? args : args.subList(1, args.size());
        PrintStream out = System.out;
        PrintStream err = System.err;
        switch (command) {
            case "serve" -> {
                SpringApplication.run(RccApplication.class, options.toArray(String[]::new));
                return CommandLine.KEEP_RUNNING;
            }
            case "import" -> {
                return withContext(
                        options, context -> context.getBean(ImportCommand.class).run(options, out, err));
            }
            case "export" -> {
                return withContext(
                        options, context -> context.getBean(ExportCommand.class).run(options, out, err));
            }
            case "backup" -> {
                return withContext(
                        options, context -> context.getBean(BackupCommand.class).backup(options, out, err));
            }
            case "restore" -> {
                return withContext(
                        options, context -> context.getBean(BackupCommand.class).restore(options, out, err));
            }
            case "two-factor-reset" -> {
                return withContext(
                        options,
                        context -> context.getBean(TwoFactorResetCommand.class).run(options, out, err));
            }
            case "match" -> {
                quietLogging();
                notAudited(command, out);
                return MatchCommand.run(options, out, err);
            }
            case "capacity" -> {
                quietLogging();
                notAudited(command, out);
                return uk.rcc.capacity.CapacityCommand.run(options, out, err);
            }
            case "forecast" -> {
                quietLogging();
                notAudited(command, out);
                return ForecastCommand.run(options, out, err);
            }
            case "placements-return" -> {
                quietLogging();
                notAudited(command, out);
                return uk.rcc.placementsreturn.PlacementsReturnCommand.run(options, out, err);
            }
            case "help", "--help", "-h" -> {
                out.print(USAGE_TEXT);
                return CommandLine.OK;
            }
            default -> {
                err.println("Unknown command '" + command + "'.");
                err.print(USAGE_TEXT);
                return CommandLine.USAGE;
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

    /** A command that reads no database cannot write the audit log; its output says so. */
    private static void notAudited(String command, PrintStream out) {
        out.println(command + " works on files only and is not audited (it reads and writes no database).");
    }

    /**
     * Every command on the database runs here: Spring without a web server, and the actor ({@code --actor NAME},
     * else user@host) signed in for the command's duration, so whatever it audits names them.
     */
    private static int withContext(
            List<String> options, java.util.function.ToIntFunction<ConfigurableApplicationContext> body) {
        String actor;
        try {
            actor = CommandActor.from(options);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return CommandLine.USAGE;
        }
        SpringApplication application = new SpringApplication(RccApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setAdditionalProfiles("command");
        try (ConfigurableApplicationContext context = application.run(springOptions(options))) {
            CommandActor.signIn(actor);
            System.out.println("This command is audited as " + actor + ".");
            return body.applyAsInt(context);
        } finally {
            CommandActor.signOut();
        }
    }

    /** Only {@code --name=value} options reach Spring; the command's own options are read by the command. */
    private static String[] springOptions(List<String> options) {
        return options.stream()
                .filter(o -> o.startsWith("--spring.") || o.startsWith("--rcc."))
                .toArray(String[]::new);
    }
}
