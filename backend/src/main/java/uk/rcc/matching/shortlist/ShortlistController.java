package uk.rcc.matching.shortlist;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.rcc.audit.AuditLog;
import uk.rcc.security.Viewer;

/** The best valid homes for one child, for an officer of the child's council or a commissioner. */
@RestController
class ShortlistController {
    private final ShortlistService shortlists;
    private final AuditLog audit;

    ShortlistController(ShortlistService shortlists, AuditLog audit) {
        this.shortlists = shortlists;
        this.audit = audit;
    }

    @GetMapping("/api/children/{childId}/shortlist")
    ShortlistService.Shortlist shortlist(@PathVariable String childId, @RequestParam(defaultValue = "10") int limit) {
        if (limit < 1 || limit > 100) {
            throw new IllegalArgumentException("limit must be between 1 and 100");
        }
        Viewer viewer = Viewer.current();
        ShortlistService.Shortlist shortlist = shortlists.forChild(viewer, childId, limit);
        audit.record(
                viewer.username(),
                "VIEW_SHORTLIST",
                childId,
                shortlist.candidates().size() + " homes");
        return shortlist;
    }
}
