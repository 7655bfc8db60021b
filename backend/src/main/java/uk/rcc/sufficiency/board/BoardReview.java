package uk.rcc.sufficiency.board;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.rcc.audit.AuditLog;
import uk.rcc.placement.PlacementConflictException;

/**
 * The board's review of a forecast run: board members and commissioners comment; a commissioner sends a finished
 * run for review, approves it and publishes it. A published run is immutable (a database trigger refuses change).
 */
@Service
public class BoardReview {
    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    public BoardReview(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public record Comment(long id, String author, java.time.OffsetDateTime at, String text) {}

    public List<Comment> comments(long runId) {
        return jdbc.query(
                "SELECT id, author, at, text FROM forecast_comment WHERE run_id = ? ORDER BY id",
                (rs, i) -> new Comment(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getObject(3, java.time.OffsetDateTime.class),
                        rs.getString(4)),
                runId);
    }

    public void comment(long runId, String author, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A comment needs some text.");
        }
        jdbc.update("INSERT INTO forecast_comment (run_id, author, text) VALUES (?, ?, ?)", runId, author, text.trim());
        audit.record(author, "COMMENT_FORECAST", "forecast " + runId, null);
    }

    @Transactional
    public void submitForReview(long runId, String by) {
        move(runId, by, "DRAFT", "IN_REVIEW", "status = 'FINISHED'", "SUBMIT_FORECAST");
    }

    @Transactional
    public void approve(long runId, String by) {
        move(runId, by, "IN_REVIEW", "APPROVED", "true", "APPROVE_FORECAST");
        jdbc.update("UPDATE forecast_run SET approved_by = ?, approved_at = now() WHERE id = ?", by, runId);
    }

    @Transactional
    public void publish(long runId, String by) {
        jdbc.update(
                "UPDATE forecast_run SET published_by = ?, published_at = now() WHERE id = ? "
                        + "AND review_status = 'APPROVED'",
                by,
                runId);
        move(runId, by, "APPROVED", "PUBLISHED", "true", "PUBLISH_FORECAST");
    }

    private void move(long runId, String by, String from, String to, String condition, String action) {
        int moved = jdbc.update(
                "UPDATE forecast_run SET review_status = ? WHERE id = ? AND review_status = ? AND " + condition,
                to,
                runId,
                from);
        if (moved == 0) {
            String now = jdbc
                    .queryForList(
                            "SELECT review_status || ' (' || status || ')' FROM forecast_run " + "WHERE id = ?",
                            String.class,
                            runId)
                    .stream()
                    .findFirst()
                    .orElse("missing");
            throw new PlacementConflictException("Forecast run " + runId + " is " + now + "; only a finished run in "
                    + from + " can become " + to + ".");
        }
        audit.record(by, action, "forecast " + runId, from + " -> " + to);
    }
}
