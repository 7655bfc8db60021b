package uk.rcc.placement;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;
import uk.rcc.audit.AuditLog;
import uk.rcc.security.Viewer;

/**
 * An officer's decisions on a child: accept a home (creating the placement), reject a proposed home, or choose
 * another home than the one proposed. Each decision is recorded with its reason and audited.
 *
 * <p>Two officers can never fill the same last place: accepting locks the home's row, so concurrent acceptances
 * into one home queue up and each counts the children already living there after the previous one committed.
 */
@Service
public class PlacementDecisions {
    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final PlacementRules rules;

    public PlacementDecisions(JdbcTemplate jdbc, AuditLog audit, PlacementRules rules) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.rules = rules;
    }

    public record Accepted(String childId, String homeId, int vacanciesLeft, String decision) {}

    @Transactional
    public Accepted accept(Viewer viewer, String childId, String homeId, String reason, Long runId) {
        ChildState child = lockChild(viewer, childId);
        requireRun(runId);
        if (child.currentHomeId() != null && !child.mayMove()) {
            throw new PlacementConflictException("Child " + childId + " already lives in " + child.currentHomeId()
                    + " and no planned move is allowed.");
        }
        if (homeId.equals(child.currentHomeId())) {
            throw new PlacementConflictException("Child " + childId + " already lives in " + homeId + ".");
        }
        int places = lockHome(homeId);
        int living = jdbc.queryForObject("SELECT count(*) FROM child WHERE current_home_id = ?", Integer.class, homeId);
        if (living >= places) {
            throw new PlacementConflictException(
                    "That home has just been filled by another placement. " + "Choose another home.");
        }
        List<String> broken = rules.brokenRules(childId, homeId);
        if (!broken.isEmpty()) {
            throw new PlacementConflictException("That home cannot take this child: " + String.join("; ", broken));
        }
        String proposed = runId == null ? null : proposedHome(runId, childId).orElse(null);
        boolean override = runId != null && !homeId.equals(proposed);
        if (override && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("Choosing another home than the proposed one needs a reason.");
        }
        movePlacement(childId, homeId);
        String decision = override ? "OVERRIDE" : "ACCEPT";
        recordDecision(viewer, childId, homeId, runId, decision, reason);
        return new Accepted(childId, homeId, places - living - 1, decision);
    }

    @Transactional
    public void reject(Viewer viewer, String childId, String homeId, String reason, Long runId) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Rejecting a home needs a reason.");
        }
        lockChild(viewer, childId);
        requireRun(runId);
        if (homeId != null
                && jdbc.queryForList("SELECT 1 FROM home WHERE home_id = ?", homeId)
                        .isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no home " + homeId);
        }
        recordDecision(viewer, childId, homeId, runId, "REJECT", reason);
    }

    private record ChildState(String currentHomeId, boolean mayMove) {}

    private ChildState lockChild(Viewer viewer, String childId) {
        viewer.requireChildRecords();
        String scope = viewer.councilScope().map(c -> " AND authority_code = ?").orElse("");
        Object[] args =
                viewer.councilScope().map(c -> new Object[] {childId, c}).orElse(new Object[] {childId});
        return jdbc
                .query(
                        "SELECT current_home_id, may_move FROM child WHERE child_id = ?" + scope + " FOR UPDATE",
                        (rs, i) -> new ChildState(rs.getString(1), rs.getBoolean(2)),
                        args)
                .stream()
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "no child " + childId + " that you may decide for"));
    }

    /** A decision may name the run that proposed it; a run that does not exist is the caller's mistake. */
    private void requireRun(Long runId) {
        if (runId != null
                && jdbc.queryForList("SELECT 1 FROM matching_run WHERE id = ?", runId)
                        .isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no matching run " + runId);
        }
    }

    /** Locks the home's row until commit and returns its places. */
    private int lockHome(String homeId) {
        return jdbc
                .query(
                        "UPDATE home SET version = version + 1 WHERE home_id = ? RETURNING places",
                        (rs, i) -> rs.getInt(1),
                        homeId)
                .stream()
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no home " + homeId));
    }

    private Optional<String> proposedHome(long runId, String childId) {
        return jdbc
                .query(
                        "SELECT home_id FROM proposal WHERE run_id = ? AND child_id = ?",
                        (rs, i) -> Optional.ofNullable(rs.getString(1)),
                        runId,
                        childId)
                .stream()
                .findFirst()
                .flatMap(home -> home);
    }

    private void movePlacement(String childId, String homeId) {
        Date today = Date.valueOf(LocalDate.now());
        jdbc.update(
                "UPDATE placement SET end_date = greatest(?, start_date), end_reason = 'planned move' "
                        + "WHERE child_id = ? AND end_date IS NULL",
                today,
                childId);
        jdbc.update("INSERT INTO placement (child_id, home_id, start_date) VALUES (?, ?, ?)", childId, homeId, today);
        // the new placement starts today at the home's own weekly cost (exchange format v1.1's placed_on and cost)
        jdbc.update(
                "UPDATE child SET current_home_id = ?, may_move = false, placed_on = ?, "
                        + "placement_weekly_cost = NULL, version = version + 1 WHERE child_id = ?",
                homeId,
                today,
                childId);
    }

    private void recordDecision(
            Viewer viewer, String childId, String homeId, Long runId, String decision, String reason) {
        jdbc.update(
                "INSERT INTO decision (child_id, home_id, run_id, decision, reason, decided_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                childId,
                homeId,
                runId,
                decision,
                blankToNull(reason),
                viewer.username());
        audit.record(
                viewer.username(),
                "DECIDE_" + decision,
                childId,
                "home " + homeId + (runId == null ? "" : ", run " + runId)
                        + (reason == null || reason.isBlank() ? "" : ", reason given"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
