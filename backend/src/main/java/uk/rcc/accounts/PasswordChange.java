package uk.rcc.accounts;

import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import uk.rcc.audit.AuditLog;
import uk.rcc.homes.HomeProblems;
import uk.rcc.security.Viewer;

/**
 * Records each sign-in's time for administrators and, when an administrator has set a temporary password, marks
 * the session so that nothing but setting a new password is allowed ({@link PasswordChangeRequiredFilter}).
 */
@Service
public class PasswordChange {
    static final String REQUIRED = "rcc.mustChangePassword";

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final AuditLog audit;

    PasswordChange(JdbcTemplate jdbc, PasswordEncoder passwords, AuditLog audit) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
    }

    @EventListener
    void onSignIn(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        List<Boolean> mustChange = jdbc.queryForList(
                "UPDATE app_user SET last_sign_in_at = now() " + "WHERE username = ? RETURNING must_change_password",
                Boolean.class,
                username);
        if (mustChange.contains(Boolean.TRUE)
                && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            request.getRequest().getSession(true).setAttribute(REQUIRED, Boolean.TRUE);
        }
    }

    @Transactional
    public void change(Viewer viewer, String currentPassword, String newPassword, HttpSession session) {
        String hash = jdbc
                .queryForList(
                        "SELECT password_hash FROM app_user WHERE username = ? FOR UPDATE",
                        String.class,
                        viewer.username())
                .stream()
                .findFirst()
                .orElseThrow(() -> HomeProblems.notFound("no local account " + viewer.username()
                        + " (accounts signed in through the identity provider change passwords there)"));
        if (currentPassword == null || !passwords.matches(currentPassword, hash)) {
            throw HomeProblems.invalid(List.of("currentPassword: not your current password"));
        }
        AccountAdmin.requirePassword("newPassword", newPassword);
        if (newPassword.equals(currentPassword)) {
            throw HomeProblems.invalid(List.of("newPassword: must differ from the current password"));
        }
        jdbc.update(
                "UPDATE app_user SET password_hash = ?, must_change_password = false WHERE username = ?",
                passwords.encode(newPassword),
                viewer.username());
        audit.record(viewer.username(), "CHANGE_PASSWORD", viewer.username(), null);
        if (session != null) {
            session.removeAttribute(REQUIRED);
        }
    }
}
