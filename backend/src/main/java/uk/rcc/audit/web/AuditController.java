package uk.rcc.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.rcc.audit.AuditLog;
import uk.rcc.exchange.ExchangeWriter;
import uk.rcc.security.Viewer;

/** Administrators search and export the audit log; both are themselves audited. */
@RestController
@RequestMapping("/api/audit")
@PreAuthorize("hasRole('ADMIN')")
class AuditController {
    private static final int MAX_ROWS = 10_000;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    AuditController(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    record AuditEvent(
            long id,
            OffsetDateTime at,
            String actor,
            String action,
            String subject,
            String detail,
            String remoteAddr) {}

    @GetMapping
    List<AuditEvent> search(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to) {
        List<AuditEvent> events = query(actor, action, subject, from, to);
        audit.record(Viewer.current().username(), "SEARCH_AUDIT", null, events.size() + " events");
        return events;
    }

    @GetMapping("/export.csv")
    void export(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String subject,
            HttpServletResponse response)
            throws IOException {
        List<AuditEvent> events = query(actor, action, subject, null, null);
        audit.record(Viewer.current().username(), "EXPORT_AUDIT", null, events.size() + " events");
        response.setContentType("text/csv; charset=utf-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit.csv\"");
        response.getOutputStream()
                .write(ExchangeWriter.csv(
                        List.of("id", "at", "actor", "action", "subject", "detail", "remote_addr"),
                        events,
                        e -> java.util.Arrays.asList(
                                e.id(), e.at(), e.actor(), e.action(), e.subject(), e.detail(), e.remoteAddr())));
    }

    private List<AuditEvent> query(
            String actor, String action, String subject, OffsetDateTime from, OffsetDateTime to) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_event WHERE true");
        List<Object> args = new ArrayList<>();
        condition(sql, args, " AND actor = ?", actor);
        condition(sql, args, " AND action = ?", action);
        condition(sql, args, " AND subject = ?", subject);
        condition(sql, args, " AND at >= ?", from);
        condition(sql, args, " AND at < ?", to);
        sql.append(" ORDER BY id DESC LIMIT ").append(MAX_ROWS);
        return jdbc.query(
                sql.toString(),
                (rs, i) -> new AuditEvent(
                        rs.getLong("id"),
                        rs.getObject("at", OffsetDateTime.class),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("subject"),
                        rs.getString("detail"),
                        rs.getString("remote_addr")),
                args.toArray());
    }

    private static void condition(StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            sql.append(clause);
            args.add(value);
        }
    }
}
