package uk.rcc.registry;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;
import uk.rcc.audit.AuditLog;
import uk.rcc.registry.RegistryVersion.Versioned;
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
    private final HomesMapData mapData;
    private final AuditLog audit;

    RegistryController(RegistryQueries queries, HomesMapData mapData, AuditLog audit) {
        this.queries = queries;
        this.mapData = mapData;
        this.audit = audit;
    }

    record Cooperative(String name, java.time.LocalDate asOf, List<AuthorityView> authorities) {}

    @GetMapping("/cooperative")
    Cooperative cooperative() {
        return new Cooperative(queries.cooperativeName().orElse(null), queries.asOf(), queries.authorities());
    }

    /**
     * Every home of the co-operative with its vacancies; no child is named. The same bytes for everyone until
     * the registry changes: tagged with the registry version so a browser revalidates and gets 304 Not Modified,
     * and sent gzipped to clients that accept it.
     */
    @GetMapping("/homes")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = "application/json",
                            array = @ArraySchema(schema = @Schema(implementation = RegistryViews.MapHome.class))))
    ResponseEntity<byte[]> homes(
            WebRequest request,
            @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, defaultValue = "") String acceptEncoding) {
        Versioned<HomesMapData.Payload> payload = mapData.current();
        String etag = "\"registry-" + payload.version() + "-" + payload.value().day() + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        boolean gzip = acceptEncoding.contains("gzip");
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .eTag(etag)
                .cacheControl(CacheControl.noCache().cachePrivate())
                .varyBy(HttpHeaders.ACCEPT_ENCODING)
                .contentType(MediaType.APPLICATION_JSON);
        if (gzip) {
            response.header(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        return response.body(gzip ? payload.value().gzip() : payload.value().json());
    }

    @GetMapping("/homes/{homeId}")
    HomeView home(@PathVariable String homeId) {
        return queries.home(homeId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no home " + homeId));
    }

    /** Children the signed-in person may see: an officer's own council, or all for a commissioner. */
    @GetMapping("/children")
    List<ChildSummary> children(@RequestParam(defaultValue = "false") boolean awaiting) {
        Viewer viewer = Viewer.current();
        List<ChildSummary> children = queries.children(viewer, awaiting);
        audit.record(
                viewer.username(),
                "LIST_CHILDREN",
                viewer.councilScope().orElse("ALL"),
                children.size() + " children" + (awaiting ? " awaiting" : ""));
        return children;
    }

    @GetMapping("/children/{childId}")
    ChildDetail child(@PathVariable String childId) {
        Viewer viewer = Viewer.current();
        ChildDetail child = queries.child(viewer, childId)
                .orElseThrow(() ->
                        new ResponseStatusException(HttpStatus.NOT_FOUND, "no child " + childId + " that you may see"));
        audit.record(viewer.username(), "VIEW_CHILD", childId, null);
        return child;
    }
}
