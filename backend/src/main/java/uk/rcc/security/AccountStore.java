package uk.rcc.security;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

/** Local accounts in {@code app_user}; repeated failed logins lock an account for a while. */
@Repository
public class AccountStore implements UserDetailsService {
    static final int FAILURES_BEFORE_LOCK = 5;
    static final Duration LOCK = Duration.ofMinutes(15);

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwordEncoder;

    public AccountStore(JdbcTemplate jdbc, PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        List<RccUser> users = jdbc.query(
                """
                SELECT username, password_hash, role, authority_code, enabled,
                       coalesce(locked_until > now(), false) AS locked
                FROM app_user WHERE username = ?""",
                (rs, i) -> new RccUser(
                        rs.getString("username"),
                        rs.getString("password_hash"),
                        Role.valueOf(rs.getString("role")),
                        rs.getString("authority_code"),
                        rs.getBoolean("enabled"),
                        rs.getBoolean("locked")),
                username);
        if (users.isEmpty()) {
            throw new UsernameNotFoundException("no such account");
        }
        return users.get(0);
    }

    public void createOrReplace(
            String username, String rawPassword, Role role, String authorityCode, String displayName) {
        jdbc.update("""
                INSERT INTO app_user (username, password_hash, role, authority_code, display_name)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role,
                    authority_code = EXCLUDED.authority_code, display_name = EXCLUDED.display_name
                """, username, passwordEncoder.encode(rawPassword), role.name(), authorityCode, displayName);
    }

    public boolean anyAccount() {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT exists(SELECT 1 FROM app_user)", Boolean.class));
    }

    void recordFailedLogin(String username) {
        jdbc.update("""
                UPDATE app_user SET failed_logins = failed_logins + 1,
                    locked_until = CASE WHEN failed_logins + 1 >= ? THEN ? ELSE locked_until END
                WHERE username = ?""", FAILURES_BEFORE_LOCK, Timestamp.from(Instant.now().plus(LOCK)), username);
    }

    void recordSuccessfulLogin(String username) {
        jdbc.update("UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE username = ?", username);
    }
}
