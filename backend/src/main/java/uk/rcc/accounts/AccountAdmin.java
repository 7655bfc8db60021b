package uk.rcc.accounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.rcc.audit.AuditLog;
import uk.rcc.homes.HomeProblems;
import uk.rcc.security.Role;
import uk.rcc.security.Viewer;

/**
 * Administrators' management of local accounts: create (with a temporary password the user replaces at the next
 * sign-in), change role, disable, enable, unlock and reset a password. Each action is audited once. Two rules keep
 * the service manageable: an administrator cannot take away their own administrator role, and the last active
 * administrator can be neither disabled nor demoted (the administrators' rows are locked while this is checked,
 * so two administrators disabling each other at once cannot both succeed).
 */
@Service
public class AccountAdmin {
    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@\\-]{0,63}");

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final AuditLog audit;

    public AccountAdmin(JdbcTemplate jdbc, PasswordEncoder passwords, AuditLog audit) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
    }

    public record Account(
            String username,
            String displayName,
            String role,
            String authorityCode,
            String providerOrgId,
            boolean enabled,
            boolean locked,
            boolean mustChangePassword,
            Instant lastSignInAt,
            Instant createdAt) {}

    public List<Account> list() {
        return jdbc.query(ACCOUNTS + " ORDER BY username", (rs, i) -> account(rs));
    }

    private static final String ACCOUNTS = """
            SELECT username, display_name, role, authority_code, provider_org_id, enabled,
                   coalesce(locked_until > now(), false) AS locked, must_change_password, last_sign_in_at, created_at
            FROM app_user""";

    private static Account account(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp last = rs.getTimestamp("last_sign_in_at");
        return new Account(
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("role"),
                rs.getString("authority_code"),
                rs.getString("provider_org_id"),
                rs.getBoolean("enabled"),
                rs.getBoolean("locked"),
                rs.getBoolean("must_change_password"),
                last == null ? null : last.toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }

    @Transactional
    public Account create(
            Viewer admin,
            String username,
            String displayName,
            Role role,
            String authorityCode,
            String providerOrgId,
            String temporaryPassword) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw HomeProblems.invalid(List.of("username: letters, digits, '_', '.', '@' or '-', up to 64"));
        }
        requirePassword("password", temporaryPassword);
        Membership membership = membership(role, authorityCode, providerOrgId);
        if (!jdbc.queryForList("SELECT 1 FROM app_user WHERE username = ?", username)
                .isEmpty()) {
            throw HomeProblems.conflict("An account " + username + " already exists.");
        }
        jdbc.update(
                """
                INSERT INTO app_user (username, password_hash, role, authority_code, provider_org_id, display_name,
                                      must_change_password) VALUES (?, ?, ?, ?, ?, ?, true)""",
                username,
                passwords.encode(temporaryPassword),
                role.name(),
                membership.authorityCode(),
                membership.providerOrgId(),
                blankToNull(displayName));
        audit.record(admin.username(), "CREATE_ACCOUNT", username, describe(role, membership));
        return read(username);
    }

    @Transactional
    public Account changeRole(Viewer admin, String username, Role role, String authorityCode, String providerOrgId) {
        Account current = lock(username);
        Membership membership = membership(role, authorityCode, providerOrgId);
        boolean losesAdmin = Role.ADMIN.name().equals(current.role()) && role != Role.ADMIN;
        if (losesAdmin && username.equals(admin.username())) {
            throw HomeProblems.conflict("You cannot remove your own administrator role; ask another administrator.");
        }
        if (losesAdmin && current.enabled()) {
            requireAnotherActiveAdmin(username);
        }
        jdbc.update(
                "UPDATE app_user SET role = ?, authority_code = ?, provider_org_id = ? WHERE username = ?",
                role.name(),
                membership.authorityCode(),
                membership.providerOrgId(),
                username);
        endSessions(username);
        audit.record(
                admin.username(),
                "CHANGE_ACCOUNT_ROLE",
                username,
                current.role() + " -> " + describe(role, membership));
        return read(username);
    }

    @Transactional
    public Account disable(Viewer admin, String username) {
        Account current = lock(username);
        if (username.equals(admin.username())) {
            throw HomeProblems.conflict("You cannot disable your own account; ask another administrator.");
        }
        if (Role.ADMIN.name().equals(current.role()) && current.enabled()) {
            requireAnotherActiveAdmin(username);
        }
        jdbc.update("UPDATE app_user SET enabled = false WHERE username = ?", username);
        endSessions(username);
        audit.record(admin.username(), "DISABLE_ACCOUNT", username, current.enabled() ? null : "already disabled");
        return read(username);
    }

    @Transactional
    public Account enable(Viewer admin, String username) {
        Account current = lock(username);
        jdbc.update("UPDATE app_user SET enabled = true WHERE username = ?", username);
        audit.record(admin.username(), "ENABLE_ACCOUNT", username, current.enabled() ? "already enabled" : null);
        return read(username);
    }

    @Transactional
    public Account unlock(Viewer admin, String username) {
        Account current = lock(username);
        jdbc.update("UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE username = ?", username);
        audit.record(admin.username(), "UNLOCK_ACCOUNT", username, current.locked() ? null : "was not locked");
        return read(username);
    }

    /** A temporary password: the user must set their own at the next sign-in; signed-in sessions end. */
    @Transactional
    public Account resetPassword(Viewer admin, String username, String temporaryPassword) {
        lock(username);
        requirePassword("password", temporaryPassword);
        jdbc.update(
                "UPDATE app_user SET password_hash = ?, must_change_password = true, failed_logins = 0, "
                        + "locked_until = NULL WHERE username = ?",
                passwords.encode(temporaryPassword),
                username);
        endSessions(username);
        audit.record(admin.username(), "RESET_PASSWORD", username, null);
        return read(username);
    }

    Account read(String username) {
        return jdbc.query(ACCOUNTS + " WHERE username = ?", (rs, i) -> account(rs), username).stream()
                .findFirst()
                .orElseThrow(() -> HomeProblems.notFound("no account " + username));
    }

    private Account lock(String username) {
        // Administrators' rows first, always in the same order, so the last-administrator check cannot race.
        jdbc.queryForList("SELECT username FROM app_user WHERE role = 'ADMIN' ORDER BY username FOR UPDATE");
        return jdbc.query(ACCOUNTS + " WHERE username = ? FOR UPDATE", (rs, i) -> account(rs), username).stream()
                .findFirst()
                .orElseThrow(() -> HomeProblems.notFound("no account " + username));
    }

    private void requireAnotherActiveAdmin(String username) {
        Integer others = jdbc.queryForObject(
                "SELECT count(*) FROM app_user WHERE role = 'ADMIN' AND enabled " + "AND username <> ?",
                Integer.class,
                username);
        if (others == null || others == 0) {
            throw HomeProblems.conflict(
                    username + " is the last active administrator; enable or create another " + "administrator first.");
        }
    }

    private record Membership(String authorityCode, String providerOrgId) {}

    /** Officers belong to a council and providers to a provider organisation; nobody else to either. */
    private Membership membership(Role role, String authorityCode, String providerOrgId) {
        if (role == null) {
            throw HomeProblems.invalid(List.of("role: one of " + java.util.Arrays.toString(Role.values())));
        }
        if (role == Role.OFFICER) {
            if (authorityCode == null
                    || jdbc.queryForList("SELECT 1 FROM authority WHERE authority_code = ?", authorityCode)
                            .isEmpty()) {
                throw HomeProblems.invalid(List.of("authorityCode: an officer needs a member council's code"));
            }
            return new Membership(authorityCode, null);
        }
        if (role == Role.PROVIDER) {
            if (providerOrgId == null
                    || jdbc.queryForList("SELECT 1 FROM provider_org WHERE provider_org_id = ?", providerOrgId)
                            .isEmpty()) {
                throw HomeProblems.invalid(List.of("providerOrgId: a provider needs a provider organisation"));
            }
            return new Membership(null, providerOrgId);
        }
        return new Membership(null, null);
    }

    static void requirePassword(String field, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > 200) {
            throw HomeProblems.invalid(List.of(field + ": between " + MIN_PASSWORD_LENGTH + " and 200 characters"));
        }
    }

    /** Sessions are in PostgreSQL: a disabled account or a reset password signs its holder out everywhere. */
    private void endSessions(String username) {
        jdbc.update("DELETE FROM spring_session WHERE principal_name = ?", username);
    }

    private static String describe(Role role, Membership membership) {
        return role
                + (membership.authorityCode() == null ? "" : " of " + membership.authorityCode())
                + (membership.providerOrgId() == null ? "" : " of " + membership.providerOrgId());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
