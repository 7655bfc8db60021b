package uk.rcc.placement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.rcc.exchange.Codes.Need;
import uk.rcc.exchange.ExchangeDataset.AvoidZoneRow;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;
import uk.rcc.matching.policy.HomeRule;
import uk.rcc.matching.policy.HomeRules;
import uk.rcc.matching.policy.SharingRules;
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
                .filter(c -> !c.childId().equals(childId))
                .toList();
        return brokenRules(child, home, residents, rows.avoidZones(childId), rows.asOf());
    }

    /**
     * Every rule broken, in the policy's order and words: first the rules of the home itself ({@link HomeRules}, the
     * same first reason a shortlist or a run gives), then who may live with whom.
     */
    public static List<String> brokenRules(
            ChildRow child, HomeRow home, List<ChildRow> residents, List<AvoidZoneRow> zones, LocalDate asOf) {
        int age = HomeRules.ageYears(child, asOf);
        List<String> broken = new ArrayList<>();
        for (HomeRule rule : HomeRules.breaches(child, age, zones, home)) {
            broken.add(rule.sentence(child, age, home));
        }
        String clash = sharingClash(child, residents, asOf);
        if (clash != null) {
            broken.add(clash);
        }
        return broken;
    }

    /** Rule 4 against the children living there, checked from both sides; null when the child may live with all. */
    public static String sharingClash(ChildRow child, List<ChildRow> residents, LocalDate asOf) {
        int age = HomeRules.ageYears(child, asOf);
        for (ChildRow other : residents) {
            int otherAge = HomeRules.ageYears(other, asOf);
            if (SharingRules.forbids(child.alongside(), child.needs().contains(Need.HSB), age, otherAge)
                    || SharingRules.forbids(other.alongside(), other.needs().contains(Need.HSB), otherAge, age)) {
                // The other child may be another council's: never named to this child's officer.
                return "cannot live alongside a child already living there";
            }
        }
        return null;
    }

    /**
     * The first reason a home cannot take the child today, in an officer's short words ("age range", "no vacancy",
     * "children already there"), or null: the home's own rules, then a place, then who lives there.
     */
    public static String reasonAgainst(
            ChildRow child, int age, HomeRow home, List<AvoidZoneRow> zones, List<ChildRow> living, LocalDate asOf) {
        HomeRule rule = HomeRules.firstBreach(child, age, zones, home);
        if (rule != null) {
            return rule.label();
        }
        List<ChildRow> others = living.stream()
                .filter(c -> !c.childId().equals(child.childId()))
                .toList();
        if (others.size() >= home.places()) {
            return "no vacancy";
        }
        if (sharingClash(child, others, asOf) != null) {
            return "children already there";
        }
        return null;
    }

    /** Whether the home could take the child today by every rule, a free place included. */
    public static boolean validHome(
            ChildRow child, HomeRow home, List<ChildRow> living, List<AvoidZoneRow> zones, LocalDate asOf) {
        return reasonAgainst(child, HomeRules.ageYears(child, asOf), home, zones, living, asOf) == null;
    }
}
