package uk.rcc.providers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.rcc.audit.AuditLog;
import uk.rcc.exchange.ExchangeDataset.AvoidZoneRow;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.homes.HomeEditor;
import uk.rcc.homes.HomeProblems;
import uk.rcc.placement.PlacementRules;
import uk.rcc.registry.HomeAvailability;
import uk.rcc.registry.RegistryRows;
import uk.rcc.registry.RegistrySnapshot;
import uk.rcc.registry.RegistrySnapshot.PlacedHome;
import uk.rcc.registry.RegistryStore;
import uk.rcc.security.Viewer;
import uk.rcc.sufficiency.AgeBand;

/**
 * Referrals offered to providers: each waiting child for whom one of the provider's homes is valid today (by the
 * shortlist's rules), as an anonymised profile under a random reference — age band, sex, needs, kinds of place,
 * council and needed-by date; no id, date of birth or place finer than the council. A provider answers with a
 * home it offers or that it cannot, with a note; the officer sees offers in the child's shortlist and decides.
 */
@Service
public class ProviderReferrals {
    private final JdbcTemplate jdbc;
    private final RegistrySnapshot snapshot;
    private final HomeAvailability availability;
    private final RegistryRows rows;
    private final ProviderOrgs orgs;
    private final AuditLog audit;

    public ProviderReferrals(
            JdbcTemplate jdbc,
            RegistrySnapshot snapshot,
            HomeAvailability availability,
            RegistryRows rows,
            ProviderOrgs orgs,
            AuditLog audit) {
        this.jdbc = jdbc;
        this.snapshot = snapshot;
        this.availability = availability;
        this.rows = rows;
        this.orgs = orgs;
        this.audit = audit;
    }

    public record Referral(
            UUID reference,
            String ageBand,
            String sex,
            Set<String> needs,
            Set<String> placementKinds,
            String authorityCode,
            String council,
            LocalDate neededBy,
            List<String> yourHomes,
            YourAnswer yourAnswer) {}

    public record YourAnswer(String answer, String homeId, String note, java.time.Instant answeredAt) {}

    public enum Answer {
        OFFER,
        CANNOT
    }

    /** Not one transaction: the snapshot may need a connection to rebuild, so none is held while asking for it. */
    public List<Referral> forProvider(Viewer viewer) {
        HomeEditor.Scope scope = orgs.scopeOf(viewer);
        List<PlacedHome> own = ownHomes(scope);
        LocalDate asOf = rows.asOf();
        Map<String, List<AvoidZoneRow>> zones = avoidZonesOfWaitingChildren();
        Map<String, List<String>> validHomes = new java.util.LinkedHashMap<>();
        for (ChildRow child : waitingChildren()) {
            List<String> homes = valid(child, own, zones.getOrDefault(child.childId(), List.of()), asOf);
            if (!homes.isEmpty()) {
                validHomes.put(child.childId(), homes);
            }
        }
        Map<String, UUID> references = references(validHomes.keySet());
        Map<String, YourAnswer> answers = latestAnswers(scope.providerOrgId());
        Map<String, String> councils = councilNames();
        List<Referral> referrals = new ArrayList<>();
        for (ChildRow child : waitingChildren(validHomes.keySet())) {
            AgeBand band = AgeBand.on(child.dateOfBirth(), asOf);
            referrals.add(new Referral(
                    references.get(child.childId()),
                    band == null ? "18+" : band.label(),
                    child.sex().name(),
                    names(child.needs()),
                    names(child.placementKinds()),
                    child.authorityCode(),
                    councils.getOrDefault(child.authorityCode(), child.authorityCode()),
                    child.neededBy(),
                    validHomes.get(child.childId()),
                    answers.get(child.childId())));
        }
        audit.record(viewer.username(), "LIST_REFERRALS", scope.providerOrgId(), referrals.size() + " referrals");
        return referrals;
    }

    @Transactional
    public YourAnswer answer(Viewer viewer, UUID reference, Answer answer, String homeId, String note) {
        HomeEditor.Scope scope = orgs.scopeOf(viewer);
        ChildRow child = jdbc
                .query(
                        "SELECT c.* FROM referral_ref r JOIN child c ON c.child_id = r.child_id "
                                + "WHERE r.ref = ? AND c.current_home_id IS NULL",
                        (rs, i) -> RegistryStore.childRow(rs),
                        reference)
                .stream()
                .findFirst()
                .orElseThrow(() -> HomeProblems.notFound("no open referral " + reference));
        List<String> valid = valid(child, ownHomes(scope), rows.avoidZones(child.childId()), rows.asOf());
        if (valid.isEmpty()) {
            throw HomeProblems.notFound("no open referral " + reference + " for your homes");
        }
        if (answer == Answer.OFFER && homeId == null) {
            throw HomeProblems.invalid(List.of("homeId: an offer names the home offered"));
        }
        if (homeId != null && !valid.contains(homeId)) {
            throw HomeProblems.invalid(List.of("homeId: '" + homeId + "' is not one of your homes that can take "
                    + "this child today (" + String.join(", ", valid) + ")"));
        }
        String cleanNote = note == null || note.isBlank() ? null : note.trim();
        java.sql.Timestamp at = jdbc.queryForObject(
                """
                INSERT INTO referral_answer (child_id, provider_org_id, answer, home_id, note, answered_by)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING answered_at""",
                java.sql.Timestamp.class,
                child.childId(),
                scope.providerOrgId(),
                answer.name(),
                homeId,
                cleanNote,
                viewer.username());
        audit.record(
                viewer.username(),
                "ANSWER_REFERRAL",
                child.childId(),
                answer + (homeId == null ? "" : " home " + homeId) + " from " + scope.providerOrgId()
                        + (cleanNote == null ? "" : ", note given"));
        return new YourAnswer(answer.name(), homeId, cleanNote, at.toInstant());
    }

    private List<PlacedHome> ownHomes(HomeEditor.Scope scope) {
        var statuses = availability.statuses().value();
        return snapshot.homes().value().stream()
                .filter(home -> {
                    HomeAvailability.Status status = statuses.get(home.row().homeId());
                    return status != null && scope.providerOrgId().equals(status.providerOrgId());
                })
                .toList();
    }

    private static List<String> valid(
            ChildRow child, List<PlacedHome> homes, List<AvoidZoneRow> zones, LocalDate asOf) {
        return homes.stream()
                .filter(home -> PlacementRules.validHome(child, home.row(), home.residents(), zones, asOf))
                .map(home -> home.row().homeId())
                .toList();
    }

    private List<ChildRow> waitingChildren() {
        return jdbc.query(
                "SELECT * FROM child WHERE current_home_id IS NULL ORDER BY needed_by NULLS LAST, "
                        + "referred_at, child_id",
                (rs, i) -> RegistryStore.childRow(rs));
    }

    private List<ChildRow> waitingChildren(Set<String> ids) {
        return waitingChildren().stream()
                .filter(child -> ids.contains(child.childId()))
                .toList();
    }

    private Map<String, List<AvoidZoneRow>> avoidZonesOfWaitingChildren() {
        Map<String, List<AvoidZoneRow>> zones = new HashMap<>();
        jdbc.query("""
                SELECT z.child_id, z.lat, z.lon, z.radius_km, z.reason FROM avoid_zone z
                JOIN child c ON c.child_id = z.child_id WHERE c.current_home_id IS NULL""", rs -> {
            zones.computeIfAbsent(rs.getString(1), id -> new ArrayList<>())
                    .add(new AvoidZoneRow(
                            rs.getString(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getString(5)));
        });
        return zones;
    }

    /** Each child's random reference, made the first time the child is offered to any provider. */
    private Map<String, UUID> references(Set<String> childIds) {
        if (childIds.isEmpty()) {
            return Map.of();
        }
        String[] ids = childIds.toArray(String[]::new);
        jdbc.update("INSERT INTO referral_ref (child_id) SELECT unnest(?::text[]) ON CONFLICT DO NOTHING", (Object)
                ("{" + String.join(",", ids) + "}"));
        Map<String, UUID> references = new HashMap<>();
        jdbc.query(
                "SELECT child_id, ref FROM referral_ref WHERE child_id = ANY (?::text[])",
                rs -> {
                    references.put(rs.getString(1), (UUID) rs.getObject(2));
                },
                (Object) ("{" + String.join(",", ids) + "}"));
        return references;
    }

    private Map<String, YourAnswer> latestAnswers(String providerOrgId) {
        Map<String, YourAnswer> answers = new HashMap<>();
        jdbc.query(
                """
                SELECT DISTINCT ON (child_id) child_id, answer, home_id, note, answered_at FROM referral_answer
                WHERE provider_org_id = ? ORDER BY child_id, answered_at DESC, id DESC""",
                rs -> {
                    answers.put(
                            rs.getString(1),
                            new YourAnswer(
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getTimestamp(5).toInstant()));
                },
                providerOrgId);
        return answers;
    }

    private Map<String, String> councilNames() {
        Map<String, String> names = new HashMap<>();
        jdbc.query("SELECT authority_code, name FROM authority", rs -> {
            names.put(rs.getString(1), rs.getString(2));
        });
        return names;
    }

    private static Set<String> names(Set<? extends Enum<?>> values) {
        Set<String> names = new TreeSet<>();
        values.forEach(value -> names.add(value.name()));
        return names;
    }
}
