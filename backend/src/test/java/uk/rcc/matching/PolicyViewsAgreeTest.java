package uk.rcc.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.rcc.demo.DemoCooperativeGenerator;
import uk.rcc.demo.DemoCooperativeGenerator.Spec;
import uk.rcc.exchange.Codes.Need;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeDataset.AuthorityRow;
import uk.rcc.exchange.ExchangeDataset.AvoidZoneRow;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;
import uk.rcc.exchange.ExchangeDataset.KeyPlaceRow;
import uk.rcc.matching.planning.CandidateCost;
import uk.rcc.matching.planning.Home;
import uk.rcc.matching.planning.Occupant;
import uk.rcc.matching.planning.PlannedChild;
import uk.rcc.matching.policy.CostTerm;
import uk.rcc.matching.policy.HomeRule;
import uk.rcc.matching.policy.HomeRules;
import uk.rcc.matching.policy.MatchingPolicy;
import uk.rcc.matching.policy.Points;
import uk.rcc.matching.shortlist.ShortlistService;
import uk.rcc.placement.PlacementRules;
import uk.rcc.registry.RegistrySnapshot.PlacedHome;

/**
 * The solver, the shortlist and an officer's decision are three views of one policy. Over generated co-operatives,
 * for every child to plan and every home, they must give the same verdict, the same first reason, the same cost term
 * by term and the same explanation; and the sharing rules must agree for every pair of children. A change to one
 * view alone (a rule checked in another order, a term rounded differently) fails here.
 */
class PolicyViewsAgreeTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    @ParameterizedTest(name = "generated co-operative, seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void solverShortlistAndDecisionAgreeOnEveryChildAndHome(long seed) {
        ExchangeDataset dataset = DemoCooperativeGenerator.generate(Spec.demo(160, 120, seed, AS_OF));
        MatchingPolicy policy =
                seed % 2 == 0 ? MatchingPolicy.reference() : new MatchingPolicy(1.7, 0.35, 12, 25, 1.3, 80, 60);
        MatchingProblem problem = MatchingProblem.of(dataset, policy);
        HomeRuleTable table = new HomeRuleTable(dataset.homes());
        Map<String, PlannedChild> planned = problem.solution().getPlannedChildren().stream()
                .collect(Collectors.toMap(PlannedChild::childId, c -> c));
        Map<String, Home> homes = problem.solution().getHomes().stream().collect(Collectors.toMap(Home::id, h -> h));
        Map<String, String> councils = dataset.authorities().stream()
                .collect(Collectors.toMap(AuthorityRow::authorityCode, AuthorityRow::name));
        Map<String, List<AvoidZoneRow>> zones =
                dataset.avoidZones().stream().collect(Collectors.groupingBy(AvoidZoneRow::childId));
        Map<String, List<KeyPlaceRow>> keyPlaces =
                dataset.keyPlaces().stream().collect(Collectors.groupingBy(KeyPlaceRow::childId));
        Map<HomeRule, Integer> verdicts = new HashMap<>();
        int costsCompared = 0;
        for (ChildRow child : dataset.children()) {
            if (MatchingProblem.mustStay(child)) {
                continue;
            }
            int age = HomeRules.ageYears(child, AS_OF);
            List<AvoidZoneRow> childZones = zones.getOrDefault(child.childId(), List.of());
            List<KeyPlaceRow> childPlaces = keyPlaces.getOrDefault(child.childId(), List.of());
            HomeRuleTable.Child columns = table.child(child, age, childZones);
            for (int h = 0; h < table.size(); h++) {
                HomeRow home = table.row(h);
                String where = child.childId() + " in " + home.homeId();
                HomeRule rule = HomeRules.firstBreach(child, age, childZones, home);
                verdicts.merge(rule == null ? HomeRule.values()[0] : rule, rule == null ? 0 : 1, Integer::sum);
                assertEquals(rule, table.firstBreach(columns, h), "solver's columns, " + where);

                ShortlistService.Shortlist shortlist = ShortlistService.rank(
                        child,
                        List.of(new PlacedHome(home, 0, List.of())),
                        childZones,
                        childPlaces,
                        AS_OF,
                        policy,
                        1,
                        code -> councils.getOrDefault(code, code));
                List<String> decision = PlacementRules.brokenRules(child, home, List.of(), childZones, AS_OF);
                if (rule != null) {
                    assertEquals(Map.of(rule.label(), 1), shortlist.excluded().byReason(), "shortlist, " + where);
                    assertEquals(rule.sentence(child, age, home), decision.get(0), "decision, " + where);
                    continue;
                }
                assertEquals(List.of(), decision, "decision, " + where);
                assertEquals(1, shortlist.candidates().size(), "shortlist, " + where);
                CandidateCost solver = planned.get(child.childId()).costIn(homes.get(home.homeId()));
                if (solver == null) {
                    continue; // left out of the solver's list by the children who must stay there
                }
                ShortlistService.Candidate listed = shortlist.candidates().get(0);
                assertEquals(Points.points(solver.totalHundredths()), listed.cost(), "cost, " + where);
                for (ShortlistService.Term term : listed.terms()) {
                    assertEquals(
                            Points.points(solver.hundredths(CostTerm.valueOf(term.term()))),
                            term.points(),
                            term.term() + ", " + where);
                }
                assertEquals(solver.breakdown(), listed.explanation(), "explanation, " + where);
                costsCompared++;
            }
        }
        assertTrue(costsCompared > 500, "only " + costsCompared + " child-home costs compared");
        assertTrue(verdicts.size() >= 5, "too few of the rules were ever the first breach: " + verdicts);
    }

    @ParameterizedTest(name = "generated co-operative, seed {0}")
    @ValueSource(longs = {1, 2})
    void solverAndDecisionAgreeOnWhoMayLiveWithWhom(long seed) {
        ExchangeDataset dataset = DemoCooperativeGenerator.generate(Spec.demo(160, 120, seed, AS_OF));
        MatchingProblem problem = MatchingProblem.of(dataset, MatchingPolicy.reference());
        Map<String, Occupant> occupants = new HashMap<>();
        problem.solution().getPlannedChildren().forEach(c -> occupants.put(c.childId(), c));
        problem.solution().getStayingChildren().forEach(c -> occupants.put(c.childId(), c));
        List<ChildRow> children = dataset.children();
        int clashes = 0;
        for (ChildRow a : children) {
            for (ChildRow b : children) {
                if (a == b) {
                    continue;
                }
                Occupant oa = occupants.get(a.childId());
                Occupant ob = occupants.get(b.childId());
                assertNotNull(oa);
                boolean solverForbids = Occupant.alongsideConflict(oa, ob) || Occupant.hsbConflict(oa, ob);
                boolean decisionForbids = PlacementRules.sharingClash(a, List.of(b), AS_OF) != null;
                assertEquals(solverForbids, decisionForbids, a.childId() + " with " + b.childId());
                clashes += decisionForbids ? 1 : 0;
            }
        }
        assertTrue(clashes > 0 && clashes < children.size() * (children.size() - 1), "no pair tells the views apart");
        assertTrue(children.stream().anyMatch(c -> c.needs().contains(Need.HSB)), "no child with HSB generated");
    }
}
