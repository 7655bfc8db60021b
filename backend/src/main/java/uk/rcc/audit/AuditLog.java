package uk.rcc.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes the append-only audit log. Subjects are pseudonymous identifiers (child or home ids), never names.
 * Writes join the caller's transaction, so a decision and its audit row stand or fall together.
 */
@Service
public class AuditLog {
    private final JdbcTemplate jdbc;

    public AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String actor, String action, String subject, String detail) {
        jdbc.update(
                "INSERT INTO audit_event (actor, action, subject, detail, remote_addr) VALUES (?, ?, ?, ?, ?)",
                actor,
                action,
                subject,
                detail,
                remoteAddress());
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return "command line";
    }
}
