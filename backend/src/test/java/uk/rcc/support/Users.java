package uk.rcc.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.springframework.test.web.servlet.request.RequestPostProcessor;
import uk.rcc.security.RccUser;
import uk.rcc.security.Role;

/** Signed-in people for MockMvc requests, with the same principal type the login produces. */
public final class Users {
    private Users() {}

    public static RequestPostProcessor officerOf(String authorityCode) {
        return as("officer." + authorityCode, Role.OFFICER, authorityCode);
    }

    public static RequestPostProcessor commissioner() {
        return as("commissioner", Role.COMMISSIONER, null);
    }

    public static RequestPostProcessor board() {
        return as("board", Role.BOARD, null);
    }

    public static RequestPostProcessor admin() {
        return as("admin", Role.ADMIN, null);
    }

    /** The account {@code provider} of {@link TestRegistry#PROVIDER_ORG} (its organisation is read from app_user). */
    public static RequestPostProcessor provider() {
        return as("provider", Role.PROVIDER, null);
    }

    public static RequestPostProcessor provider2() {
        return as("provider2", Role.PROVIDER, null);
    }

    private static RequestPostProcessor as(String username, Role role, String authorityCode) {
        return user(new RccUser(username, "unused", role, authorityCode, true, false));
    }
}
