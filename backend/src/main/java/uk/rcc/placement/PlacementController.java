package uk.rcc.placement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.rcc.security.Viewer;

/** Officers' decisions: accept a home for a child, or reject a proposed or shortlisted one with a reason. */
@RestController
@RequestMapping("/api/children/{childId}")
class PlacementController {
    private final PlacementDecisions decisions;

    PlacementController(PlacementDecisions decisions) {
        this.decisions = decisions;
    }

    record PlacementRequest(
            @NotBlank @Size(max = 64) String homeId,
            Integer homeVersion,
            @Size(max = 2000) String reason,
            Long runId) {}

    record DecisionRequest(
            @NotBlank @Pattern(regexp = "REJECT") String decision,
            @Size(max = 64) String homeId,
            @NotBlank @Size(max = 2000) String reason,
            Long runId) {}

    @PostMapping("/placement")
    @ResponseStatus(HttpStatus.CREATED)
    PlacementDecisions.Accepted accept(@PathVariable String childId, @Valid @RequestBody PlacementRequest request) {
        return decisions.accept(Viewer.current(), childId, request.homeId(), request.reason(), request.runId());
    }

    @PostMapping("/decisions")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void decide(@PathVariable String childId, @Valid @RequestBody DecisionRequest request) {
        decisions.reject(Viewer.current(), childId, request.homeId(), request.reason(), request.runId());
    }
}
