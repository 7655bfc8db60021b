package uk.rcc.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;
import uk.rcc.matching.runs.MatchingEngine;
import uk.rcc.placement.PlacementRules;

/**
 * Recomputes every hard rule of the reference policy for a set of proposals straight from the data set, without
 * the solver's classes, so a solver bug cannot hide itself.
 */
public final class IndependentProposalChecker {
    private IndependentProposalChecker() {
    }

    /** Every hard rule, recomputed from the data set without the solver's classes. */
    public static List<String> brokenRules(ExchangeDataset dataset, MatchingEngine.Outcome outcome) {
        Map<String, String> homeOf = new HashMap<>();
        dataset.children().forEach(c -> {
            if (c.currentHomeId() != null) {
                homeOf.put(c.childId(), c.currentHomeId());
            }
        });
        outcome.proposals().forEach(p -> {
            if (p.homeId() != null) {
                homeOf.put(p.childId(), p.homeId());
            } else {
                homeOf.remove(p.childId());
            }
        });
        Map<String, List<ChildRow>> residents = new HashMap<>();
        dataset.children().stream().filter(c -> homeOf.containsKey(c.childId()))
                .forEach(c -> residents.computeIfAbsent(homeOf.get(c.childId()), h -> new ArrayList<>()).add(c));
        List<String> broken = new ArrayList<>();
        for (HomeRow home : dataset.homes()) {
            List<ChildRow> living = residents.getOrDefault(home.homeId(), List.of());
            if (living.size() > home.places()) {
                broken.add(home.homeId() + " over capacity");
            }
        }
        for (MatchingEngine.ProposalLine proposal : outcome.proposals()) {
            if (proposal.homeId() == null) {
                continue;
            }
            ChildRow child = dataset.children().stream().filter(c -> c.childId().equals(proposal.childId()))
                    .findFirst().orElseThrow();
            if (proposal.homeId().equals(child.currentHomeId())) {
                continue;
            }
            HomeRow home = dataset.homes().stream().filter(h -> h.homeId().equals(proposal.homeId())).findFirst()
                    .orElseThrow();
            List<ChildRow> others = residents.get(home.homeId()).stream().filter(c -> c != child).toList();
            List<ExchangeDataset.AvoidZoneRow> zones = dataset.avoidZones().stream()
                    .filter(z -> z.childId().equals(child.childId())).toList();
            PlacementRules.brokenRules(child, home, others, zones, dataset.asOf())
                    .forEach(rule -> broken.add(child.childId() + " in " + home.homeId() + ": " + rule));
        }
        return broken;
    }
}
