package uk.rcc.security;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import uk.rcc.audit.AuditLog;

/**
 * Two-factor sign-in of local accounts: enrolment of an authenticator app (TOTP), its codes, one-time recovery
 * codes and resets. Required for the roles in {@code rcc.two-factor.required-roles} (RCC_TWO_FACTOR_REQUIRED_ROLES,
 * by default administrators and commissioners), optional for the others: once enrolled, an account always needs a
 * code. Failed codes lock the account as failed passwords do; every enrolment, reset and recovery code is audited.
 */
@Repository
public class TwoFactorAccounts {
    static final int RECOVERY_CODES = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The outcome of a code at sign-in. */
    public enum Check {
        ACCEPTED,
        REFUSED,
        LOCKED
    }

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog audit;
    private final Set<Role> requiredRoles;

    TwoFactorAccounts(
            JdbcTemplate jdbc,
            PasswordEncoder passwordEncoder,
            AuditLog audit,
            @Value("${rcc.two-factor.required-roles:ADMIN,COMMISSIONER}") String requiredRoles) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.requiredRoles = EnumSet.noneOf(Role.class);
        Arrays.stream(requiredRoles.split(","))
                .map(String::strip)
                .filter(role -> !role.isEmpty())
                .forEach(role -> this.requiredRoles.add(Role.valueOf(role)));
    }

    public boolean required(Role role) {
        return requiredRoles.contains(role);
    }

    public boolean enrolled(String username) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT exists(SELECT 1 FROM two_factor WHERE username = ? " + "AND confirmed_at IS NOT NULL)",
                Boolean.class,
                username));
    }

    public boolean needsSecondFactor(RccUser user) {
        return required(user.role()) || enrolled(user.username());
    }

    /**
     * The secret offered to a local account not yet enrolled, the same until its first code confirms it; empty for
     * an enrolled account or a name with no local account.
     */
    public Optional<String> offeredSecret(String username) {
        jdbc.update(
                "INSERT INTO two_factor (username, secret) SELECT username, ? FROM app_user WHERE username = ? "
                        + "ON CONFLICT (username) DO NOTHING",
                Totp.newSecret(),
                username);
        return jdbc
                .queryForList(
                        "SELECT secret FROM two_factor WHERE username = ? AND confirmed_at IS NULL",
                        String.class,
                        username)
                .stream()
                .findFirst();
    }

    /** Confirms the enrolment with the app's first code; the recovery codes to show once, or empty if wrong. */
    @Transactional
    public Optional<List<String>> confirm(String username, String code) {
        Optional<String> secret = offeredSecret(username);
        long step = secret.map(offered -> Totp.matchingStep(offered, code, Instant.now()))
                .orElse(-1L);
        if (step < 0) {
            return Optional.empty();
        }
        jdbc.update(
                "UPDATE two_factor SET confirmed_at = now(), last_step = ?, failed_codes = 0 WHERE username = ?",
                step,
                username);
        List<String> codes = newRecoveryCodes(username);
        audit.record(username, "ENROL_TWO_FACTOR", username, RECOVERY_CODES + " recovery codes issued");
        return Optional.of(codes);
    }

    /**
     * A code from the app (each accepted once: a code seen signing in cannot be replayed) or an unused recovery
     * code. Failures count towards the same lock-out as failed passwords.
     */
    @Transactional
    public Check verify(String username, String code) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT t.secret, t.last_step, "
                        + "coalesce(u.locked_until > now(), false) AS locked FROM two_factor t JOIN app_user u "
                        + "USING (username) WHERE username = ? AND t.confirmed_at IS NOT NULL FOR UPDATE",
                username);
        if (rows.isEmpty()) {
            return Check.REFUSED;
        }
        if (Boolean.TRUE.equals(rows.get(0).get("locked"))) {
            return Check.LOCKED;
        }
        Long lastStep = (Long) rows.get(0).get("last_step");
        long step = Totp.matchingStep((String) rows.get(0).get("secret"), code, Instant.now());
        if (step >= 0 && (lastStep == null || step > lastStep)) {
            jdbc.update("UPDATE two_factor SET last_step = ?, failed_codes = 0 WHERE username = ?", step, username);
            return Check.ACCEPTED;
        }
        if (step < 0 && useRecoveryCode(username, code)) {
            jdbc.update("UPDATE two_factor SET failed_codes = 0 WHERE username = ?", username);
            return Check.ACCEPTED;
        }
        return failedCode(username);
    }

    /** An enrolment confirmed with a wrong first code counts as a failed code too. */
    public Check failedCode(String username) {
        Integer failures = jdbc
                .queryForList(
                        "UPDATE two_factor SET failed_codes = failed_codes + 1 "
                                + "WHERE username = ? RETURNING failed_codes",
                        Integer.class,
                        username)
                .stream()
                .findFirst()
                .orElse(null);
        if (failures == null) {
            return Check.REFUSED;
        }
        audit.record(username, "LOGIN_CODE_FAILED", null, failures + " in a row");
        if (failures >= AccountStore.FAILURES_BEFORE_LOCK) {
            jdbc.update(
                    "UPDATE app_user SET locked_until = ? WHERE username = ?",
                    Timestamp.from(Instant.now().plus(AccountStore.LOCK)),
                    username);
            jdbc.update("UPDATE two_factor SET failed_codes = 0 WHERE username = ?", username);
            audit.record(username, "LOCKED", username, failures + " failed codes");
            return Check.LOCKED;
        }
        return Check.REFUSED;
    }

    /** For a lost phone: the account enrols again at its next sign-in (or may, if not required). */
    @Transactional
    public boolean reset(String username, String by) {
        int removed = jdbc.update("DELETE FROM two_factor WHERE username = ?", username);
        jdbc.update("DELETE FROM two_factor_recovery_code WHERE username = ?", username);
        if (removed > 0) {
            audit.record(by, "RESET_TWO_FACTOR", username, null);
        }
        return removed > 0;
    }

    private List<String> newRecoveryCodes(String username) {
        jdbc.update("DELETE FROM two_factor_recovery_code WHERE username = ?", username);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            byte[] random = new byte[7];
            RANDOM.nextBytes(random);
            String code = Totp.base32(random).substring(0, 10).toLowerCase(java.util.Locale.ROOT);
            code = code.substring(0, 5) + "-" + code.substring(5);
            codes.add(code);
            jdbc.update(
                    "INSERT INTO two_factor_recovery_code (username, code_hash) VALUES (?, ?)",
                    username,
                    passwordEncoder.encode(code));
        }
        return codes;
    }

    private boolean useRecoveryCode(String username, String code) {
        String typed = code.strip().toLowerCase(java.util.Locale.ROOT);
        if (typed.length() != 11) {
            return false;
        }
        List<Map<String, Object>> unused = jdbc.queryForList(
                "SELECT id, code_hash FROM two_factor_recovery_code " + "WHERE username = ? AND used_at IS NULL",
                username);
        for (Map<String, Object> row : unused) {
            if (passwordEncoder.matches(typed, (String) row.get("code_hash"))) {
                jdbc.update("UPDATE two_factor_recovery_code SET used_at = now() WHERE id = ?", row.get("id"));
                audit.record(username, "USE_RECOVERY_CODE", username, (unused.size() - 1) + " left");
                return true;
            }
        }
        return false;
    }

    /** For the demo: an account enrolled with a known secret, documented beside the demo passwords. */
    public void enrolWithSecret(String username, String secret) {
        jdbc.update("""
                INSERT INTO two_factor (username, secret, confirmed_at) VALUES (?, ?, now())
                ON CONFLICT (username) DO UPDATE SET secret = EXCLUDED.secret, confirmed_at = now(), last_step = NULL
                """, username, secret);
    }
}
