package uk.rcc.security;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The person behind a request, as the data access layer needs them: queries for children are filtered by
 * {@link #councilScope()} so an officer can never read another council's child, whatever the controller does.
 * Serializable because an OpenID Connect principal carries one into the session, which is stored in PostgreSQL.
 */
public record Viewer(String username, Role role, String authorityCode) implements java.io.Serializable {

    public static Viewer current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof HasViewer user) {
            return user.viewer();
        }
        throw new AccessDeniedException("no signed-in user");
    }

    /** The council whose children this viewer may see, or empty for all councils. */
    public Optional<String> councilScope() {
        return role == Role.OFFICER ? Optional.of(authorityCode) : Optional.empty();
    }

    /** Officers and commissioners work with individual children; board members and administrators never do. */
    public boolean maySeeChildRecords() {
        return role == Role.OFFICER || role == Role.COMMISSIONER;
    }

    public void requireChildRecords() {
        if (!maySeeChildRecords()) {
            throw new AccessDeniedException("a " + role + " may not see child-level records");
        }
    }
}
