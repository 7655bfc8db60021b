package uk.rcc.placement;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import uk.rcc.exchange.Codes.Alongside;
import uk.rcc.exchange.Codes.Need;
import uk.rcc.exchange.ExchangeDataset.AvoidZoneRow;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;
import uk.rcc.registry.RegistryRows;

/**
 * The reference policy's hard rules for one child moving into one home as the registry stands now, in words an
 * officer understands. Capacity is checked by the caller under a row lock.
 */
@Component
public class PlacementRules {
    private final JdbcTemplate jdbc;
    private final RegistryRows rows;

    public PlacementRules(JdbcTemplate jdbc, RegistryRows rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    public List<String> brokenRules(String childId, String homeId) {
        ChildRow child = rows.child(childId).orElseThrow();
        HomeRow home = rows.home(homeId).orElseThrow();
        List<ChildRow> residents = rows.childrenLivingIn(homeId).stream()
                .filter(c -> !c.childId().equals(childId)).toList();
        return brokenRules(child, home, residents, rows.avoidZones(childId), rows.asOf());
    }

    public static List<String> brokenRules(ChildRow child, HomeRow home, List<ChildRow> residents,
            List<AvoidZoneRow> zones, LocalDate asOf) {
        List<String> broken = new ArrayList<>();
        int age = Period.between(child.dateOfBirth(), asOf).getYears();
        if (age < home.minAge() || age > home.maxAge()) {
            broken.add("age " + age + " is outside the home's range " + home.minAge() + "–" + home.maxAge());
        }
        if (!home.sexes().accepts(child.sex())) {
            broken.add("the home takes " + home.sexes() + " only");
        }
        List<Need> unmet = child.needs().stream().filter(n -> !home.needsMet().contains(n)).toList();
        if (!unmet.isEmpty()) {
            broken.add("needs not met: " + unmet);
        }
        if (!child.placementKinds().contains(home.kind())) {
            broken.add("the care plan does not allow " + home.kind());
        }
        if (!home.available()) {
            broken.add("the home takes no new child at present");
        }
        if (!child.pets().accepts(home.pets())) {
            broken.add(home.pets() ? "the child cannot live with animals" : "the child needs a home with animals");
        }
        for (AvoidZoneRow zone : zones) {
            if (kilometres(zone.lat(), zone.lon(), home.lat(), home.lon()) <= zone.radiusKm()) {
                broken.add("inside an area the child must avoid");
                break;
            }
        }
        for (ChildRow other : residents) {
            String clash = alongsideClash(child, other, asOf);
            if (clash != null) {
                broken.add(clash);
            }
        }
        return broken;
    }

    /** Rule 4: who may live with whom, checked from both sides. */
    static String alongsideClash(ChildRow child, ChildRow other, LocalDate asOf) {
        int age = Period.between(child.dateOfBirth(), asOf).getYears();
        int otherAge = Period.between(other.dateOfBirth(), asOf).getYears();
        if (!accepts(child, age, otherAge) || !accepts(other, otherAge, age)) {
            // The other child may be another council's: never named to this child's officer.
            return "cannot live alongside a child already living there";
        }
        return null;
    }

    /** Rule 4 from one side: whether a child of this age may live with a child of {@code otherAge}. */
    public static boolean accepts(ChildRow child, int age, int otherAge) {
        if (child.needs().contains(Need.HSB) && otherAge < age) {
            return false;
        }
        Alongside rule = child.alongside();
        return switch (rule) {
            case ANY -> true;
            case SOLO -> false;
            case OLDER_ONLY -> otherAge > age;
            case YOUNGER_ONLY -> otherAge < age;
        };
    }

    static double kilometres(double lat1, double lon1, double lat2, double lon2) {
        return uk.rcc.matching.Geo.haversineKm(lat1, lon1, lat2, lon2);
    }
}
