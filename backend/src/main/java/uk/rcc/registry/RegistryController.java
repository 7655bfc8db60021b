package uk.rcc.registry;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import uk.rcc.audit.AuditLog;
import uk.rcc.registry.RegistryViews.AuthorityView;
import uk.rcc.registry.RegistryViews.ChildDetail;
import uk.rcc.registry.RegistryViews.ChildSummary;
import uk.rcc.registry.RegistryViews.HomeView;
import uk.rcc.security.Viewer;

/** The registry of councils, homes and children as JSON. Reads of children are audited. */
@RestController
@RequestMapping("/api")
class RegistryController {
    private final RegistryQueries queries;
    private final AuditLog audit;

    RegistryController(RegistryQueries queries, AuditLog audit) {
        this.queries = queries;
        this.audit = audit;
    }

    record Cooperative(String name, java.time.LocalDate asOf, List<AuthorityView> authorities) {
    }

    @GetMapping("/cooperative")
    Cooperative cooperative() {
        return new Cooperative(queries.cooperativeName().orElse(null), queries.asOf(), queries.authorities());
    }

    /** Every home of the co-operative with its vacancies; no child is named. */
    @GetMapping("/homes")
    List<HomeView> homes() {
        return queries.homes();
    }

    @GetMapping("/homes/{homeId}")
    HomeView home(@PathVariable String homeId) {
        return queries.home(homeId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no home " + homeId));
    }

    /** Children the signed-in person may see: an officer's own council, or all for a commissioner. */
    @GetMapping("/children")
    List<ChildSummary> children(@RequestParam(defaultValue = "false") boolean awaiting) {
        Viewer viewer = Viewer.current();
        List<ChildSummary> children = queries.children(viewer, awaiting);
        audit.record(viewer.username(), "LIST_CHILDREN", viewer.councilScope().orElse("ALL"),
                children.size() + " children" + (awaiting ? " awaiting" : ""));
        return children;
    }

    @GetMapping("/children/{childId}")
    ChildDetail child(@PathVariable String childId) {
        Viewer viewer = Viewer.current();
        ChildDetail child = queries.child(viewer, childId).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "no child " + childId + " that you may see"));
        audit.record(viewer.username(), "VIEW_CHILD", childId, null);
        return child;
    }
}
