package uk.rcc.matching.runs;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import uk.rcc.audit.AuditLog;
import uk.rcc.registry.RegistryViews;
import uk.rcc.security.Viewer;

/** Co-operative matching runs over HTTP: start, watch, stop, review proposals, and the weights they use. */
@RestController
@RequestMapping("/api/matching")
class MatchingRunController {
    private static final double TWENTY_MILES_KM = 32.187;
    private final MatchingRunService service;
    private final WeightSets weightSets;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final ObjectMapper json;

    MatchingRunController(
            MatchingRunService service, WeightSets weightSets, JdbcTemplate jdbc, AuditLog audit, ObjectMapper json) {
        this.service = service;
        this.weightSets = weightSets;
        this.jdbc = jdbc;
        this.audit = audit;
        this.json = json;
    }

    record StartRequest(@Min(1) @Max(3600) Integer seconds) {}

    record RunView(
            long runId,
            uk.rcc.jobs.JobStatus status,
            String trigger,
            String startedBy,
            Instant startedAt,
            Instant endedAt,
            double spentSeconds,
            String bestScore,
            Integer planned,
            Integer placed,
            Integer unplaced,
            String error,
            String solverConfig,
            Map<String, Double> weights) {}

    record ProposalView(
            String childId,
            String authorityCode,
            String homeId,
            String homeName,
            Double homeLat,
            Double homeLon,
            RegistryViews.Point familyHome,
            Double cost,
            String explanation,
            Double distanceKm,
            Boolean within20Miles) {}

    @PostMapping("/runs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasRole('COMMISSIONER')")
    RunView start(@Valid @RequestBody(required = false) StartRequest request) {
        Viewer viewer = Viewer.current();
        MatchingRun run = service.start(viewer.username(), "USER", request == null ? null : request.seconds(), null);
        audit.record(viewer.username(), "START_MATCHING_RUN", "run " + run.id(), run.secondsLimit() + " s");
        return view(run);
    }

    @GetMapping("/runs")
    @PreAuthorize("hasAnyRole('COMMISSIONER', 'OFFICER')")
    List<RunView> runs() {
        return service.latest().stream().map(this::view).toList();
    }

    @GetMapping("/runs/{id}")
    @PreAuthorize("hasAnyRole('COMMISSIONER', 'OFFICER')")
    RunView run(@PathVariable long id) {
        return view(found(id));
    }

    @PostMapping("/runs/{id}/stop")
    @PreAuthorize("hasRole('COMMISSIONER')")
    RunView stop(@PathVariable long id) {
        MatchingRun run = found(id);
        if (!service.stop(id) && run.active()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "run " + id + " is running on another instance");
        }
        audit.record(Viewer.current().username(), "STOP_MATCHING_RUN", "run " + id, null);
        return view(found(id));
    }

    /** The run's proposals for the children the viewer may see: an officer's own council only. */
    @GetMapping("/runs/{id}/proposals")
    @PreAuthorize("hasAnyRole('COMMISSIONER', 'OFFICER')")
    List<ProposalView> proposals(@PathVariable long id) {
        found(id);
        Viewer viewer = Viewer.current();
        // The child's council today, not the one recorded when the run was made.
        String scope =
                viewer.councilScope().map(c -> " AND c.authority_code = ?").orElse("");
        Object[] args = viewer.councilScope().map(c -> new Object[] {id, c}).orElse(new Object[] {id});
        List<ProposalView> proposals = jdbc.query(
                """
                SELECT p.*, h.name AS home_name, h.lat AS home_lat, h.lon AS home_lon, c.home_lat AS family_lat,
                       c.home_lon AS family_lon
                FROM proposal p JOIN child c ON c.child_id = p.child_id LEFT JOIN home h ON h.home_id = p.home_id
                WHERE p.run_id = ?""" + scope + " ORDER BY p.child_id",
                (rs, i) -> {
                    Double homeLat = (Double) rs.getObject("home_lat");
                    Double homeLon = (Double) rs.getObject("home_lon");
                    Double km = homeLat == null
                            ? null
                            : kilometres(rs.getDouble("family_lat"), rs.getDouble("family_lon"), homeLat, homeLon);
                    return new ProposalView(
                            rs.getString("child_id"),
                            rs.getString("authority_code"),
                            rs.getString("home_id"),
                            rs.getString("home_name"),
                            homeLat,
                            homeLon,
                            RegistryViews.approximate(rs.getDouble("family_lat"), rs.getDouble("family_lon")),
                            rs.getBigDecimal("cost") == null
                                    ? null
                                    : rs.getBigDecimal("cost").doubleValue(),
                            rs.getString("explanation"),
                            km == null ? null : Math.round(km * 10) / 10.0,
                            km == null ? null : km <= TWENTY_MILES_KM);
                },
                args);
        audit.record(
                viewer.username(),
                "VIEW_PROPOSALS",
                "run " + id,
                proposals.size() + " proposals"
                        + viewer.councilScope().map(c -> " of " + c).orElse(""));
        return proposals;
    }

    /** Before and after figures for the whole co-operative: aggregates, no child named. */
    @GetMapping("/runs/{id}/figures")
    JsonNode figures(@PathVariable long id) {
        MatchingRun run = found(id);
        if (run.figures() == null) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "run " + id + " has no figures yet");
        }
        return json.readTree(run.figures());
    }

    @GetMapping("/weights")
    WeightSets.WeightSet weights() {
        return weightSets.current();
    }

    @PutMapping("/weights")
    @PreAuthorize("hasRole('COMMISSIONER')")
    WeightSets.WeightSet saveWeights(@RequestBody Map<String, Double> weights) {
        String by = Viewer.current().username();
        WeightSets.WeightSet saved = weightSets.save(weights, by, null);
        audit.record(
                by,
                "CHANGE_WEIGHTS",
                "weight set " + saved.id(),
                weights.keySet().toString());
        return saved;
    }

    private MatchingRun found(long id) {
        return service.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no run " + id));
    }

    private RunView view(MatchingRun run) {
        Instant end = run.endedAt() != null ? run.endedAt() : Instant.now();
        double spent = run.startedAt() == null
                ? 0
                : Duration.between(run.startedAt(), end).toMillis() / 1000.0;
        Map<String, Double> weights =
                json.readValue(run.weights(), new tools.jackson.core.type.TypeReference<Map<String, Double>>() {});
        return new RunView(
                run.id(),
                run.status(),
                run.trigger(),
                run.startedBy(),
                run.startedAt(),
                run.endedAt(),
                spent,
                run.bestScore(),
                run.planned(),
                run.placed(),
                run.unplaced(),
                run.error(),
                run.solverConfig(),
                weights);
    }

    static double kilometres(double lat1, double lon1, double lat2, double lon2) {
        return uk.rcc.matching.policy.Geo.haversineKm(lat1, lon1, lat2, lon2);
    }
}
