package uk.rcc.capacity;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Where places would help: the capacity options of the latest co-operative run, for commissioners. */
@RestController
@RequestMapping("/api/capacity")
class CapacityController {
    private final CapacityService service;

    CapacityController(CapacityService service) {
        this.service = service;
    }

    @GetMapping("/options")
    @PreAuthorize("hasRole('COMMISSIONER')")
    @Operation(
            summary = "Where one more place, or a new home of a kind, would help most",
            description = "From the latest co-operative matching run that ended with proposals: one more place in "
                    + "existing homes and new homes of each kind at candidate sites, each confirmed by re-solving, "
                    + "best first (more children placed, then the larger fall in the policy's soft cost). "
                    + "`authority` keeps the options in one council. 404 (problem details) before any run ended.")
    CapacityService.Options options(@RequestParam(required = false) String authority) {
        CapacityService.Options options = service.latest()
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND,
                        "No co-operative matching run has ended with proposals yet: start one first."));
        if (authority == null) {
            return options;
        }
        List<CapacityAnalysis.Ranked> mine = options.options().stream()
                .filter(row -> authority.equals(row.option().authorityCode()))
                .toList();
        return new CapacityService.Options(
                options.runId(), options.computedAt(), options.placed(), options.planned(), options.softCost(), mine);
    }
}
