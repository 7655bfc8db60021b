package uk.rcc.matching;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import uk.rcc.exchange.Codes.Alongside;
import uk.rcc.exchange.Codes.Need;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeDataset.AvoidZoneRow;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;

/**
 * Recomputes every hard rule of the reference policy from the raw data set and a proposals.csv, without any
 * solver class, so a bug in the planning model cannot hide itself. Returns the list of breaches.
 */
final class IndependentProposalChecker {
    private final ExchangeDataset dataset;
    private final Map<String, HomeRow> homes = new HashMap<>();
    private final Map<String, ChildRow> children = new HashMap<>();

    IndependentProposalChecker(ExchangeDataset dataset) {
        this.dataset = dataset;
        dataset.homes().forEach(h -> homes.put(h.homeId(), h));
        dataset.children().forEach(c -> children.put(c.childId(), c));
    }

    static Map<String, String> readProposals(Path csv) throws IOException {
        Map<String, String> proposals = new java.util.LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(csv)) {
            for (CSVRecord row : CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)) {
                if (proposals.put(row.get("child_id"), row.get("home_id")) != null) {
                    proposals.put(row.get("child_id") + "#duplicate", "");
                }
            }
        }
        return proposals;
    }

    List<String> breaches(Map<String, String> proposals) {
        List<String> breaches = new ArrayList<>();
        for (ChildRow child : dataset.children()) {
            boolean plannable = child.awaiting() || child.mayMove();
            if (plannable != proposals.containsKey(child.childId())) {
                breaches.add(child.childId() + (plannable ? " missing from" : " wrongly in") + " proposals");
            }
        }
        proposals.keySet().stream()
                .filter(id -> id.endsWith("#duplicate") || !children.containsKey(id))
                .forEach(id -> breaches.add(id + " is not a planned child or appears twice"));
        Map<String, List<ChildRow>> living = new HashMap<>();
        for (ChildRow child : dataset.children()) {
            String home =
                    proposals.containsKey(child.childId()) ? proposals.get(child.childId()) : child.currentHomeId();
            if (home != null && !home.isEmpty()) {
                living.computeIfAbsent(home, h -> new ArrayList<>()).add(child);
                if (proposals.containsKey(child.childId())) {
                    checkChildInHome(child, homes.get(home), breaches);
                }
            } else if (!child.awaiting()) {
                breaches.add(child.childId() + " is placed but left without a home");
            }
        }
        living.forEach((home, occupants) -> checkHome(homes.get(home), occupants, breaches));
        return breaches;
    }

    private void checkChildInHome(ChildRow child, HomeRow home, List<String> breaches) {
        String at = child.childId() + " in " + (home == null ? "unknown home" : home.homeId()) + ": ";
        if (home == null) {
            breaches.add(at + "no such home");
            return;
        }
        int age = age(child);
        if (!home.available() && !home.homeId().equals(child.currentHomeId())) {
            breaches.add(at + "not available");
        }
        if (age < home.minAge() || age > home.maxAge()) {
            breaches.add(at + "age " + age);
        }
        if (!home.sexes().accepts(child.sex())) {
            breaches.add(at + "sex");
        }
        if (!home.needsMet().containsAll(child.needs())) {
            breaches.add(at + "needs");
        }
        if (!child.placementKinds().contains(home.kind())) {
            breaches.add(at + "kind");
        }
        if (!child.pets().accepts(home.pets())) {
            breaches.add(at + "pets");
        }
        for (AvoidZoneRow zone : dataset.avoidZones()) {
            if (zone.childId().equals(child.childId())
                    && km(zone.lat(), zone.lon(), home.lat(), home.lon()) <= zone.radiusKm()) {
                breaches.add(at + "inside avoid zone");
            }
        }
    }

    private void checkHome(HomeRow home, List<ChildRow> occupants, List<String> breaches) {
        if (home == null) {
            return;
        }
        if (occupants.size() > home.places()) {
            breaches.add(home.homeId() + ": " + occupants.size() + " children for " + home.places() + " places");
        }
        for (ChildRow a : occupants) {
            for (ChildRow b : occupants) {
                if (a != b && forbids(a, b)) {
                    breaches.add(home.homeId() + ": " + a.childId() + " cannot live with " + b.childId());
                }
            }
        }
    }

    private boolean forbids(ChildRow self, ChildRow other) {
        int mine = age(self);
        int theirs = age(other);
        if (self.needs().contains(Need.HSB) && theirs < mine) {
            return true;
        }
        Alongside rule = self.alongside();
        return rule == Alongside.SOLO
                || (rule == Alongside.OLDER_ONLY && theirs <= mine)
                || (rule == Alongside.YOUNGER_ONLY && theirs >= mine);
    }

    private int age(ChildRow child) {
        return Period.between(child.dateOfBirth(), dataset.asOf()).getYears();
    }

    private static double km(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double h = Math.pow(Math.sin((p2 - p1) / 2), 2)
                + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(Math.toRadians(lon2 - lon1) / 2), 2);
        return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
    }
}
