package uk.rcc.matching.shortlist;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import uk.rcc.exchange.ExchangeDataset.AvoidZoneRow;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;
import uk.rcc.exchange.ExchangeDataset.KeyPlaceRow;
import uk.rcc.matching.policy.Candidates;
import uk.rcc.matching.policy.CostTerm;
import uk.rcc.matching.policy.MatchingPolicy;
import uk.rcc.matching.runs.WeightSets;
import uk.rcc.placement.PlacementRules;
import uk.rcc.registry.RegistryRows;
import uk.rcc.security.Viewer;

/**
 * The best homes for one child given today's vacancies, each with its cost term by term, and why the other
 * homes were left out. No solver run: every term is a direct computation, so it answers at once.
 */
@Service
public class ShortlistService {
    private final JdbcTemplate jdbc;
    private final RegistryRows rows;
    private final WeightSets weights;

    public ShortlistService(JdbcTemplate jdbc, RegistryRows rows, WeightSets weights) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.weights = weights;
    }

    public record Term(String term, String label, double points) {
    }

    public record Candidate(String homeId, String name, String kind, String provider, String authorityCode,
            double lat, double lon, int vacancies, int homeVersion, double cost, List<Term> terms,
            String explanation) {
    }

    public record Excluded(int total, Map<String, Integer> byReason) {
    }

    public record Shortlist(String childId, int homesConsidered, List<Candidate> candidates, Excluded excluded) {
    }

    @Transactional(readOnly = true)
    public Shortlist forChild(Viewer viewer, String childId, int limit) {
        viewer.requireChildRecords();
        ChildRow child = rows.child(childId).filter(c -> viewer.councilScope().map(c.authorityCode()::equals)
                .orElse(true)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "no child " + childId + " that you may see"));
        MatchingPolicy policy = MatchingPolicy.from(weights.current().weights());
        List<HomeRow> homes = jdbc.query("SELECT * FROM home ORDER BY home_id",
                (rs, i) -> uk.rcc.registry.RegistryRows.homeFrom(rs));
        Map<String, Integer> versions = new HashMap<>();
        jdbc.query("SELECT home_id, version FROM home", rs -> {
            versions.put(rs.getString(1), rs.getInt(2));
        });
        Map<String, List<ChildRow>> residents = residents();
        List<AvoidZoneRow> zones = rows.avoidZones(childId);
        List<KeyPlaceRow> keyPlaces = rows.keyPlaces(childId);
        String councilName = jdbc.queryForList("SELECT name FROM authority WHERE authority_code = ?", String.class,
                child.authorityCode()).stream().findFirst().orElse(child.authorityCode());
        java.time.LocalDate asOf = rows.asOf();

        Map<String, Integer> excluded = new LinkedHashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        for (HomeRow home : homes) {
            String reason = exclusion(child, home, zones, residents.getOrDefault(home.homeId(), List.of()), asOf);
            if (reason != null) {
                excluded.merge(reason, 1, Integer::sum);
                continue;
            }
            double[] terms = Candidates.terms(child, home, keyPlaces, policy);
            int vacancies = home.places() - residents.getOrDefault(home.homeId(), List.of()).size();
            candidates.add(new Candidate(home.homeId(), home.name(), home.kind().name(), home.provider().name(),
                    home.authorityCode(), home.lat(), home.lon(), vacancies, versions.get(home.homeId()),
                    round(sum(terms)), termList(terms), Candidates.explain(child, home, terms, councilName)));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::cost).thenComparing(Candidate::homeId));
        int total = excluded.values().stream().mapToInt(Integer::intValue).sum();
        return new Shortlist(childId, homes.size(), candidates.stream().limit(limit).toList(),
                new Excluded(total, excluded));
    }

    /** The first reason a home cannot take the child today, in an officer's words, or null. */
    private static String exclusion(ChildRow child, HomeRow home, List<AvoidZoneRow> zones, List<ChildRow> living,
            java.time.LocalDate asOf) {
        Candidates.Exclusion rule = Candidates.exclusion(child, home, zones, asOf);
        if (rule != null) {
            return rule.label();
        }
        List<ChildRow> others = living.stream().filter(c -> !c.childId().equals(child.childId())).toList();
        if (others.size() >= home.places()) {
            return "no vacancy";
        }
        if (!PlacementRules.brokenRules(child, home, others, List.of(), asOf).isEmpty()) {
            return "children already there";
        }
        return null;
    }

    private Map<String, List<ChildRow>> residents() {
        Map<String, List<ChildRow>> residents = new HashMap<>();
        for (ChildRow child : jdbc.query("SELECT * FROM child WHERE current_home_id IS NOT NULL",
                (rs, i) -> RegistryRows.childFrom(rs))) {
            residents.computeIfAbsent(child.currentHomeId(), h -> new ArrayList<>()).add(child);
        }
        return residents;
    }

    private static List<Term> termList(double[] terms) {
        List<Term> list = new ArrayList<>();
        for (CostTerm term : CostTerm.values()) {
            list.add(new Term(term.name(), term.label(), round(terms[term.ordinal()])));
        }
        return list;
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double value : values) {
            total += value;
        }
        return total;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
