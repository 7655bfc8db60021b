package uk.rcc.sufficiency.board;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import uk.rcc.audit.AuditLog;
import uk.rcc.jobs.JobStatus;
import uk.rcc.security.Viewer;
import uk.rcc.sufficiency.Scenario;

/** Forecast runs, their outputs, the board's review and the published report, over HTTP. */
@RestController
@PreAuthorize("hasAnyRole('BOARD', 'COMMISSIONER')")
class ForecastRunController {
    private final ForecastRuns forecasts;
    private final BoardReview review;
    private final SufficiencyReport report;
    private final AuditLog audit;

    ForecastRunController(ForecastRuns forecasts, BoardReview review, SufficiencyReport report, AuditLog audit) {
        this.forecasts = forecasts;
        this.review = review;
        this.report = report;
        this.audit = audit;
    }

    record StartRequest(
            @NotBlank @Size(max = 200) String name,
            @Min(1) @Max(60) Integer horizonMonths,
            LocalDate asOf,
            Long seed,
            @Min(100) @Max(20000) Integer runs,
            @DecimalMin("0.5") @DecimalMax("0.975") Double confidence,
            @DecimalMin("-0.9") @DecimalMax("2.0") Double entryRateChange,
            @DecimalMin("0") @DecimalMax("10000") Double fosterApprovalsPerYear,
            @DecimalMin("0") @DecimalMax("10000") Double fosterResignationsPerYear,
            @Size(max = 10) List<@Valid ScenarioRequest> scenarios) {}

    /** A named scenario: entry rate change (-0.1 = 10% fewer), step-down share a year, foster places a year. */
    record ScenarioRequest(
            @NotBlank @Size(max = 64) String name,
            @DecimalMin("-0.9") @DecimalMax("2.0") Double entryRateChange,
            @DecimalMin("0") @DecimalMax("1") Double stepDownShare,
            @DecimalMin("-10000") @DecimalMax("10000") Double fosterRecruitment) {

        Scenario scenario() {
            return new Scenario(name.trim(), orZero(entryRateChange), orZero(stepDownShare), orZero(fosterRecruitment));
        }
    }

    record CommentRequest(@NotBlank @Size(max = 4000) String text) {}

    record Started(long runId) {}

    @PostMapping("/api/sufficiency/runs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasRole('COMMISSIONER')")
    Started start(@Valid @RequestBody StartRequest request) {
        var parameters = new ForecastRuns.Parameters(
                or(request.horizonMonths(), 36),
                request.asOf(),
                request.seed() == null ? 903L : request.seed(),
                or(request.runs(), 2000),
                request.confidence() == null ? 0.8 : request.confidence(),
                request.entryRateChange(),
                request.fosterApprovalsPerYear(),
                request.fosterResignationsPerYear());
        List<Scenario> scenarios = request.scenarios() == null
                ? List.of()
                : request.scenarios().stream().map(ScenarioRequest::scenario).toList();
        String by = Viewer.current().username();
        long id = forecasts.start(by, request.name(), parameters, scenarios, "USER");
        audit.record(by, "START_FORECAST", "forecast " + id, request.name());
        return new Started(id);
    }

    @GetMapping("/api/sufficiency/runs")
    List<ForecastRuns.ForecastRun> runs() {
        return forecasts.list();
    }

    @GetMapping("/api/sufficiency/published")
    List<ForecastRuns.ForecastRun> published() {
        return forecasts.list().stream()
                .filter(r -> r.reviewStatus().equals("PUBLISHED"))
                .toList();
    }

    /**
     * The latest published strategy, or the latest finished run while none is published: its headline figures
     * and main chart, for the board's page. 204 when no run has finished.
     */
    @GetMapping("/api/sufficiency/overview")
    ResponseEntity<SufficiencyReport.Overview> overview() {
        List<ForecastRuns.ForecastRun> runs = forecasts.list();
        return runs.stream()
                .filter(r -> r.reviewStatus().equals("PUBLISHED") && r.publishedAt() != null)
                .max(java.util.Comparator.comparing(ForecastRuns.ForecastRun::publishedAt))
                .or(() -> runs.stream()
                        .filter(r -> r.status() == JobStatus.FINISHED)
                        .findFirst())
                .map(run -> ResponseEntity.ok(report.overview(forecasts, run)))
                .orElse(ResponseEntity.noContent().build());
    }

    @GetMapping("/api/sufficiency/runs/{id}")
    ForecastRuns.ForecastRun run(@PathVariable long id) {
        return forecasts.get(id);
    }

    @GetMapping("/api/sufficiency/runs/{id}/outputs/{name}")
    ResponseEntity<String> output(@PathVariable long id, @PathVariable String name) {
        String content = forecasts
                .output(id, name)
                .orElseThrow(() ->
                        new ResponseStatusException(HttpStatus.NOT_FOUND, "run " + id + " has no output " + name));
        auditExport(id, name);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(content);
    }

    @GetMapping("/api/sufficiency/runs/{id}/scenarios")
    List<ForecastRuns.StoredScenario> scenarios(@PathVariable long id) {
        forecasts.get(id);
        return forecasts.scenarios(id);
    }

    /** Board members and commissioners alike may try a scenario on a run until it is approved. */
    @PostMapping("/api/sufficiency/runs/{id}/scenarios")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ForecastRuns.StoredScenario addScenario(@PathVariable long id, @Valid @RequestBody ScenarioRequest request) {
        String by = Viewer.current().username();
        ForecastRuns.StoredScenario added = forecasts.addScenario(id, request.scenario(), by);
        audit.record(by, "ADD_SCENARIO", "forecast " + id, added.scenario().option());
        return added;
    }

    /** The baseline and every finished scenario side by side, for one authority (or ALL) or every authority. */
    @GetMapping("/api/sufficiency/runs/{id}/comparison")
    ScenarioComparison.View comparison(
            @PathVariable long id,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String authority) {
        ForecastRuns.ForecastRun run = finished(id);
        List<ForecastRuns.StoredScenario> stored = forecasts.scenarios(id);
        List<Scenario> scenarios = new java.util.ArrayList<>(List.of(Scenario.BASELINE));
        stored.stream().filter(s -> s.status() == JobStatus.FINISHED).forEach(s -> scenarios.add(s.scenario()));
        List<String> pending = stored.stream()
                .filter(s -> s.status() != JobStatus.FINISHED)
                .map(s -> s.scenario().name() + " (" + s.status().name().toLowerCase(java.util.Locale.ROOT) + ")")
                .toList();
        return new ScenarioComparison.View(
                id,
                run.parameters().confidence(),
                scenarios,
                pending,
                ScenarioComparison.lines(ScenarioComparison.merged(forecasts, id), authority));
    }

    @GetMapping("/api/sufficiency/runs/{id}/comparison.csv")
    ResponseEntity<byte[]> comparisonCsv(@PathVariable long id) {
        finished(id);
        byte[] csv = ScenarioComparison.csv(ScenarioComparison.merged(forecasts, id));
        auditExport(id, "comparison.csv");
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"comparison-" + id + ".csv\"")
                .body(csv);
    }

    @GetMapping("/api/sufficiency/runs/{id}/comments")
    List<BoardReview.Comment> comments(@PathVariable long id) {
        forecasts.get(id);
        return review.comments(id);
    }

    @PostMapping("/api/sufficiency/runs/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    void comment(@PathVariable long id, @Valid @RequestBody CommentRequest request) {
        forecasts.get(id);
        review.comment(id, Viewer.current().username(), request.text());
    }

    @PostMapping("/api/sufficiency/runs/{id}/review")
    @PreAuthorize("hasRole('COMMISSIONER')")
    ForecastRuns.ForecastRun submit(@PathVariable long id) {
        review.submitForReview(id, Viewer.current().username());
        return forecasts.get(id);
    }

    @PostMapping("/api/sufficiency/runs/{id}/approve")
    @PreAuthorize("hasRole('COMMISSIONER')")
    ForecastRuns.ForecastRun approve(@PathVariable long id) {
        review.approve(id, Viewer.current().username());
        return forecasts.get(id);
    }

    @PostMapping("/api/sufficiency/runs/{id}/publish")
    @PreAuthorize("hasRole('COMMISSIONER')")
    ForecastRuns.ForecastRun publish(@PathVariable long id) {
        review.publish(id, Viewer.current().username());
        return forecasts.get(id);
    }

    @GetMapping(path = "/sufficiency/runs/{id}/report", produces = MediaType.TEXT_HTML_VALUE)
    String reportPage(@PathVariable long id) {
        String html = report.html(report.build(forecasts, finished(id)));
        auditExport(id, "report.html");
        return html;
    }

    @GetMapping("/api/sufficiency/runs/{id}/report.pdf")
    ResponseEntity<byte[]> reportPdf(@PathVariable long id) {
        byte[] pdf = ReportPdf.render(report.build(forecasts, finished(id)));
        auditExport(id, "report.pdf");
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"sufficiency-report-" + id + ".pdf\"")
                .body(pdf);
    }

    @GetMapping("/api/sufficiency/runs/{id}/report.xlsx")
    ResponseEntity<byte[]> reportWorkbook(@PathVariable long id) {
        byte[] workbook = ReportWorkbook.write(report.build(forecasts, finished(id)), forecasts);
        auditExport(id, "report.xlsx");
        return ResponseEntity.ok()
                .contentType(
                        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"sufficiency-report-" + id + ".xlsx\"")
                .body(workbook);
    }

    /** Every download of a run's report or figures, in any format, is an export of the sufficiency report. */
    private void auditExport(long id, String what) {
        audit.record(Viewer.current().username(), "EXPORT_REPORT", "forecast " + id, what);
    }

    private ForecastRuns.ForecastRun finished(long id) {
        ForecastRuns.ForecastRun run = forecasts.get(id);
        if (run.status() != JobStatus.FINISHED) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "forecast run " + id + " is " + run.status());
        }
        return run;
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }

    private static int or(Integer value, int absent) {
        return value == null ? absent : value;
    }
}
