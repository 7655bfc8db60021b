package uk.rcc.matching.shortlist;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;
import uk.rcc.exchange.ExchangeDataset.AvoidZoneRow;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;
import uk.rcc.exchange.ExchangeDataset.KeyPlaceRow;
import uk.rcc.matching.policy.CostTerm;
import uk.rcc.matching.policy.CostTerms;
import uk.rcc.matching.policy.HomeRules;
import uk.rcc.matching.policy.MatchingPolicy;
import uk.rcc.matching.policy.Points;
import uk.rcc.matching.runs.WeightSets;
import uk.rcc.placement.PlacementRules;
import uk.rcc.providers.ReferralOffers;
import uk.rcc.registry.HomeAvailability;
import uk.rcc.registry.RegistryRows;
import uk.rcc.registry.RegistrySnapshot;
import uk.rcc.registry.RegistrySnapshot.PlacedHome;
import uk.rcc.security.Viewer;

/**
 * The best homes for one child given today's vacancies, each with its cost term by term, and why the other
 * homes were left out. No solver run: every term is a direct computation, so it answers at once. The homes and
 * who lives in them are kept in memory per registry version ({@link RegistrySnapshot}) rather than read for every
 * shortlist; the child, their key places and avoid zones are read each time, scoped to the viewer.
 */
@Service
public class ShortlistService {
    private final JdbcTemplate jdbc;
    private final RegistryRows rows;
    private final WeightSets weights;
    private final RegistrySnapshot snapshot;

    private final HomeAvailability availability;
    private final ReferralOffers offers;

    public ShortlistService(
            JdbcTemplate jdbc,
            RegistryRows rows,
            WeightSets weights,
            RegistrySnapshot snapshot,
            HomeAvailability availability,
            ReferralOffers offers) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.weights = weights;
        this.snapshot = snapshot;
        this.availability = availability;
        this.offers = offers;
    }

    public record Term(String term, String label, double points) {}

    /**
     * A valid home with its cost; {@code availability} to {@code offer} say how current its vacancy is (stale when
     * not confirmed for the configured days) and whether its provider has offered it for this child.
     */
    public record Candidate(
            String homeId,
            String name,
            String kind,
            String provider,
            String authorityCode,
            double lat,
            double lon,
            int vacancies,
            int homeVersion,
            double cost,
            List<Term> terms,
            String explanation,
            String providerOrg,
            java.time.Instant vacancyConfirmedAt,
            boolean vacancyStale,
            ReferralOffers.Offer offer) {

        Candidate with(HomeAvailability.Status status, boolean stale, ReferralOffers.Offer offer) {
            return new Candidate(
                    homeId,
                    name,
                    kind,
                    provider,
                    authorityCode,
                    lat,
                    lon,
                    vacancies,
                    homeVersion,
                    cost,
                    terms,
                    explanation,
                    status == null ? null : status.providerOrgName(),
                    status == null ? null : status.vacancyConfirmedAt(),
                    stale,
                    offer);
        }
    }

    public record Excluded(int total, Map<String, Integer> byReason) {}

    /** {@code offers}: every home a provider has offered for this child, whether or not it made the list. */
    public record Shortlist(
            String childId,
            int homesConsidered,
            List<Candidate> candidates,
            Excluded excluded,
            List<ReferralOffers.Offer> offers,
            int staleAfterDays) {}

    /** Not one transaction: the snapshot may need a connection to rebuild, so none is held while asking for it. */
    public Shortlist forChild(Viewer viewer, String childId, int limit) {
        viewer.requireChildRecords();
        ChildRow child = rows.child(childId)
                .filter(c ->
                        viewer.councilScope().map(c.authorityCode()::equals).orElse(true))
                .orElseThrow(() ->
                        new ResponseStatusException(HttpStatus.NOT_FOUND, "no child " + childId + " that you may see"));
        MatchingPolicy policy = MatchingPolicy.from(weights.current().weights());
        List<PlacedHome> homes = snapshot.homes().value();
        List<AvoidZoneRow> zones = rows.avoidZones(childId);
        List<KeyPlaceRow> keyPlaces = rows.keyPlaces(childId);
        java.time.LocalDate asOf = rows.asOf();
        Shortlist ranked = rank(child, homes, zones, keyPlaces, asOf, policy, limit, this::councilName);
        return withVacancyStatus(ranked, offers.current(childId));
    }

    private Shortlist withVacancyStatus(Shortlist shortlist, List<ReferralOffers.Offer> offered) {
        var statuses = availability.statuses().value();
        java.time.LocalDate today = HomeAvailability.today();
        List<Candidate> candidates = shortlist.candidates().stream()
                .map(c -> {
                    HomeAvailability.Status status = statuses.get(c.homeId());
                    boolean stale = status != null && availability.isStale(status.vacancyConfirmedAt(), today);
                    return c.with(
                            status,
                            stale,
                            offered.stream()
                                    .filter(o -> o.homeId().equals(c.homeId()))
                                    .findFirst()
                                    .orElse(null));
                })
                .toList();
        return new Shortlist(
                shortlist.childId(),
                shortlist.homesConsidered(),
                candidates,
                shortlist.excluded(),
                offered,
                availability.staleAfterDays());
    }

    /**
     * The ranking itself, with nothing read from the database: every home in {@code homes} is either excluded (first
     * reason counted) or costed, the cheapest {@code limit} are kept and only those are explained. The benchmark
     * ({@code bench --shortlist}) times this same method over an in-memory co-operative.
     *
     * @param councilNames the council's name by authority code, asked once, for the child's council
     */
    public static Shortlist rank(
            ChildRow child,
            List<PlacedHome> homes,
            List<AvoidZoneRow> zones,
            List<KeyPlaceRow> keyPlaces,
            java.time.LocalDate asOf,
            MatchingPolicy policy,
            int limit,
            java.util.function.UnaryOperator<String> councilNames) {
        Map<String, Integer> excluded = new LinkedHashMap<>();
        int age = HomeRules.ageYears(child, asOf);
        PriorityQueue<Costed> best = new PriorityQueue<>(limit + 1, CHEAPEST_FIRST.reversed());
        for (PlacedHome home : homes) {
            String reason = PlacementRules.reasonAgainst(child, age, home.row(), zones, home.residents(), asOf);
            if (reason != null) {
                excluded.merge(reason, 1, Integer::sum);
                continue;
            }
            long[] terms = CostTerms.hundredths(child, home.row(), keyPlaces, policy);
            best.add(new Costed(home, terms, Points.points(CostTerms.total(terms))));
            if (best.size() > limit) {
                best.poll();
            }
        }
        String councilName = councilNames.apply(child.authorityCode());
        List<Candidate> candidates = best.stream()
                .sorted(CHEAPEST_FIRST)
                .map(c -> candidate(child, keyPlaces.size(), c, councilName))
                .toList();
        int total = excluded.values().stream().mapToInt(Integer::intValue).sum();
        return new Shortlist(child.childId(), homes.size(), candidates, new Excluded(total, excluded), List.of(), 0);
    }

    private record Costed(PlacedHome home, long[] terms, double cost) {}

    private static final Comparator<Costed> CHEAPEST_FIRST = Comparator.comparingDouble(Costed::cost)
            .thenComparing(c -> c.home().row().homeId());

    /** The explanation is formatted only for the homes returned, not for every valid home. */
    private static Candidate candidate(ChildRow child, int keyPlaceCount, Costed costed, String councilName) {
        HomeRow home = costed.home().row();
        return new Candidate(
                home.homeId(),
                home.name(),
                home.kind().name(),
                home.provider().name(),
                home.authorityCode(),
                home.lat(),
                home.lon(),
                costed.home().vacancies(),
                costed.home().version(),
                costed.cost(),
                termList(costed.terms()),
                CostTerms.explain(costed.terms(), CostTerms.Facts.of(child, home, keyPlaceCount, councilName)),
                null,
                null,
                false,
                null);
    }

    private String councilName(String authorityCode) {
        return jdbc
                .queryForList("SELECT name FROM authority WHERE authority_code = ?", String.class, authorityCode)
                .stream()
                .findFirst()
                .orElse(authorityCode);
    }

    private static List<Term> termList(long[] terms) {
        List<Term> list = new ArrayList<>();
        for (CostTerm term : CostTerm.values()) {
            list.add(new Term(term.name(), term.label(), Points.points(terms[term.ordinal()])));
        }
        return list;
    }
}
