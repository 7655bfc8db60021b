package uk.rcc.security;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import uk.rcc.cli.CommandLine;
import uk.rcc.cli.Options;

/**
 * {@code two-factor-reset --user NAME}: the operator's way back in when the last administrator lost their phone and
 * their recovery codes; audited as the command's actor, as the administrators' reset over HTTP is.
 */
@Component
public class TwoFactorResetCommand {
    private final TwoFactorAccounts twoFactor;

    TwoFactorResetCommand(TwoFactorAccounts twoFactor) {
        this.twoFactor = twoFactor;
    }

    public int run(List<String> args, PrintStream out, PrintStream err) {
        String username;
        try {
            username = Options.parse(args, Set.of("user")).require("user");
        } catch (IllegalArgumentException e) {
            err.println("two-factor-reset: " + e.getMessage());
            err.println("usage: two-factor-reset --user NAME");
            return CommandLine.USAGE;
        }
        if (!twoFactor.reset(username, Viewer.current().username())) {
            err.println("two-factor-reset: '" + username + "' has no second factor to reset");
            return CommandLine.BAD_INPUT;
        }
        out.println("Reset the second factor of '" + username + "': they enrol again at their next sign-in.");
        return CommandLine.OK;
    }
}
