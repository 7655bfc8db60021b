package uk.rcc.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code --name value} and {@code --name=value} options of a command, with the names it accepts. */
public final class Options {
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, List<String>> repeated = new HashMap<>();

    private Options() {}

    /** @throws IllegalArgumentException naming the first unknown option or missing value */
    public static Options parse(List<String> args, Set<String> known) {
        Options options = new Options();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--spring.") || arg.startsWith("--rcc.")) {
                continue;
            }
            if (isActorOption(arg)) {
                // read by the command line for the audit log, before the command runs
                i += arg.contains("=")
                                || i + 1 >= args.size()
                                || args.get(i + 1).startsWith("--")
                        ? 0
                        : 1;
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                value = "true";
            }
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + " (known: --"
                        + String.join(", --", known.stream().sorted().toList()) + ")");
            }
            options.values.put(name, value);
            options.repeated
                    .computeIfAbsent(name, n -> new java.util.ArrayList<>())
                    .add(value);
        }
        return options;
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** Every value of an option given more than once, in order (empty when absent). */
    public List<String> all(String name) {
        return repeated.getOrDefault(name, List.of());
    }

    public String require(String name) {
        return get(name).orElseThrow(() -> new IllegalArgumentException("--" + name + " is required"));
    }

    public int intValue(String name, int absent) {
        String value = values.get(name);
        if (value == null) {
            return absent;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, not '" + value + "'");
        }
    }

    /** The command line's own option naming who runs a command for the audit log: {@code --actor NAME}. */
    public static final String ACTOR = "actor";

    /** True for {@code --actor}, {@code --actor=NAME}: the command line's option, not the command's own. */
    public static boolean isActorOption(String argument) {
        return argument.equals("--" + ACTOR) || argument.startsWith("--" + ACTOR + "=");
    }
}
