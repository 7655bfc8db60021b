package uk.rcc.security;

import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who runs a headless command, for the audit log: {@code --actor NAME}, or else the operating-system user at the
 * host. While the command runs, that person is the signed-in {@link Viewer}, so the code a command shares with the
 * HTTP API audits under their name exactly as it does for a web user. A command holds the database credentials, so
 * it acts with a commissioner's reach: every council's children, pseudonymously.
 */
public final class CommandActor {
    public static final String OPTION = uk.rcc.cli.Options.ACTOR;

    private CommandActor() {}

    /** The {@code --actor} value among a command's arguments, or the operating-system user and host. */
    public static String from(List<String> args) {
        return given(args).filter(name -> !name.isBlank()).orElseGet(CommandActor::operatingSystemUser);
    }

    /** Signs the actor in on this thread for the command's duration; {@link #signOut()} when it ends. */
    public static void signIn(String actor) {
        Principal principal = new Principal(new Viewer(actor, Role.COMMISSIONER, null));
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        principal, null, List.of(new SimpleGrantedAuthority(Role.COMMISSIONER.authority()))));
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static Optional<String> given(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String argument = args.get(i);
            if (argument.startsWith("--" + OPTION + "=")) {
                return Optional.of(argument.substring(OPTION.length() + 3));
            }
            if (argument.equals("--" + OPTION)) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    throw new IllegalArgumentException("--actor needs a name");
                }
                return Optional.of(args.get(i + 1));
            }
        }
        return Optional.empty();
    }

    private static String operatingSystemUser() {
        return System.getProperty("user.name", "unknown") + "@" + uk.rcc.system.InstanceName.of(null);
    }

    private record Principal(Viewer viewer) implements HasViewer, java.security.Principal {
        @Override
        public String getName() {
            return viewer.username();
        }
    }
}
