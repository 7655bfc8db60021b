package uk.rcc.placementsreturn;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.rcc.audit.AuditLog;
import uk.rcc.placementsreturn.StandardValidator.Finding;
import uk.rcc.security.Viewer;

/**
 * A quarter's national placements return: a commissioner's covers every council (or the one asked for), an
 * officer's their own council. Every download and every look at the validation report is audited.
 */
@RestController
@RequestMapping("/api/placements-return")
class PlacementsReturnController {
    private static final Pattern AUTHORITY_CODE = Pattern.compile("[EWSN]\\d{8}");
    private final RegistryPlacements placements;
    private final AuditLog audit;

    PlacementsReturnController(RegistryPlacements placements, AuditLog audit) {
        this.placements = placements;
        this.audit = audit;
    }

    enum Format {
        JSONLD("jsonld", "application/ld+json"),
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        CSV("csv", "text/csv");

        final String extension;
        final String mediaType;

        Format(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }
    }

    /** What the validation of a quarter's return found, by child and field. */
    record ValidationSummary(
            LocalDate from,
            LocalDate to,
            String authority,
            int placements,
            boolean conforms,
            List<Finding> violations,
            List<Finding> warnings,
            int withheldQualityAssurance,
            List<PlacementsReturn.MissingField> missing) {}

    /**
     * @param quarter the first day of a calendar quarter (1 January, April, July or October)
     * @param qa also write the QualityAssurance section (officers and dates), the council's own record
     */
    @GetMapping
    @PreAuthorize("hasAnyRole('OFFICER', 'COMMISSIONER')")
    @Transactional
    ResponseEntity<byte[]> download(
            @RequestParam LocalDate quarter,
            @RequestParam(defaultValue = "jsonld") String format,
            @RequestParam(required = false) String authority,
            @RequestParam(defaultValue = "false") boolean qa) {
        Format chosen = format(format);
        WrittenReturn written = build(Viewer.current(), quarter, authority, qa, "download " + chosen.extension);
        byte[] body = switch (chosen) {
            case JSONLD -> written.jsonLd().getBytes(StandardCharsets.UTF_8);
            case XLSX -> written.spreadsheet();
            case CSV -> written.csv();
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(chosen.mediaType))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + written.placementsReturn().baseName() + "." + chosen.extension
                                + "\"")
                .header("X-Return-Conforms", String.valueOf(written.validation().conforms()))
                .header(
                        "X-Return-Violations",
                        String.valueOf(written.validation().violations().size()))
                .body(body);
    }

    @GetMapping("/validation")
    @PreAuthorize("hasAnyRole('OFFICER', 'COMMISSIONER')")
    @Transactional
    ValidationSummary validation(
            @RequestParam LocalDate quarter,
            @RequestParam(required = false) String authority,
            @RequestParam(defaultValue = "false") boolean qa) {
        WrittenReturn written = build(Viewer.current(), quarter, authority, qa, "validation report");
        PlacementsReturn built = written.placementsReturn();
        return new ValidationSummary(
                built.from(),
                built.to(),
                built.authority(),
                built.placements().size(),
                written.validation().conforms(),
                written.validation().violations(),
                written.validation().warnings(),
                written.validation().withheld().size(),
                built.missing());
    }

    private WrittenReturn build(Viewer viewer, LocalDate quarter, String authority, boolean qa, String what) {
        if (quarter.getDayOfMonth() != 1 || (quarter.getMonthValue() - 1) % 3 != 0) {
            throw new IllegalArgumentException("quarter must be the first day of a quarter (1 January, April, July "
                    + "or October), not " + quarter);
        }
        if (authority != null && !AUTHORITY_CODE.matcher(authority).matches()) {
            throw new IllegalArgumentException("authority must be an ONS council code such as E06000057");
        }
        String scope = viewer.councilScope().orElse(authority);
        if (authority != null && !authority.equals(scope)) {
            throw new AccessDeniedException("an officer may have only their own council's return");
        }
        LocalDate to = quarter.plusMonths(3).minusDays(1);
        WrittenReturn written = WrittenReturn.of(
                PlacementsReturn.of(quarter, to, scope, qa, placements.startedBetween(quarter, to, scope)));
        audit.record(
                viewer.username(),
                "PLACEMENTS_RETURN",
                scope,
                what + " " + quarter + ".." + to + ": "
                        + written.placementsReturn().placements().size() + " placements"
                        + (qa ? ", with quality assurance" : "") + ", "
                        + (written.validation().conforms() ? "conforms" : "does not conform"));
        return written;
    }

    private static Format format(String value) {
        for (Format format : Format.values()) {
            if (format.extension.equalsIgnoreCase(value)) {
                return format;
            }
        }
        throw new IllegalArgumentException("format must be jsonld, xlsx or csv, not '" + value + "'");
    }
}
