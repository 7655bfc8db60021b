package uk.rcc.matching;

import java.util.List;
import uk.rcc.exchange.Codes.HomeKind;
import uk.rcc.exchange.Codes.Need;
import uk.rcc.exchange.Codes.Sex;
import uk.rcc.exchange.Codes.SexesAccepted;
import uk.rcc.exchange.ExchangeDataset.AvoidZoneRow;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;
import uk.rcc.matching.policy.Geo;
import uk.rcc.matching.policy.HomeRule;

/**
 * The rules of {@link HomeRules} with every home's side held as primitive columns and every child's side as
 * bit masks, so checking a child against tens of thousands of homes is a tight loop without allocation. Gives the
 * same first breach as {@link HomeRules#firstBreach} for every child and home (tested).
 */
final class HomeRuleTable {
    private final List<HomeRow> rows;
    private final boolean[] available;
    private final int[] kindBit;
    private final int[] minAge;
    private final int[] maxAge;
    private final int[] sexesBit;
    private final int[] needsMask;
    private final int[] petsBit;
    private final java.util.Map<String, Integer> indexById = new java.util.HashMap<>();

    HomeRuleTable(List<HomeRow> homes) {
        this.rows = List.copyOf(homes);
        int n = rows.size();
        available = new boolean[n];
        kindBit = new int[n];
        minAge = new int[n];
        maxAge = new int[n];
        sexesBit = new int[n];
        needsMask = new int[n];
        petsBit = new int[n];
        for (int h = 0; h < n; h++) {
            HomeRow home = rows.get(h);
            available[h] = home.available();
            kindBit[h] = 1 << home.kind().ordinal();
            minAge[h] = home.minAge();
            maxAge[h] = home.maxAge();
            sexesBit[h] = 1 << home.sexes().ordinal();
            needsMask[h] = mask(home.needsMet());
            petsBit[h] = home.pets() ? 2 : 1;
            indexById.put(home.homeId(), h);
        }
    }

    int size() {
        return rows.size();
    }

    HomeRow row(int h) {
        return rows.get(h);
    }

    /** One child's side of the rules. */
    Child child(ChildRow child, int ageYears, List<AvoidZoneRow> zones) {
        int kinds = 0;
        for (HomeKind kind : child.placementKinds()) {
            kinds |= 1 << kind.ordinal();
        }
        int sexes = 0;
        for (SexesAccepted accepted : SexesAccepted.values()) {
            sexes |= accepted.accepts(child.sex()) ? 1 << accepted.ordinal() : 0;
        }
        int pets = (child.pets().accepts(false) ? 1 : 0) | (child.pets().accepts(true) ? 2 : 0);
        int current = child.currentHomeId() == null ? -1 : indexById.getOrDefault(child.currentHomeId(), -1);
        return new Child(ageYears, kinds, sexes, mask(child.needs()), pets, current, zones);
    }

    record Child(int age, int kinds, int sexes, int needs, int pets, int currentHome, List<AvoidZoneRow> zones) {}

    /** The first rule home {@code h} breaks for the child, in {@link HomeRules}' order; null when none. */
    HomeRule firstBreach(Child child, int h) {
        if (!available[h] && h != child.currentHome()) {
            return HomeRule.NOT_AVAILABLE;
        }
        if ((child.kinds() & kindBit[h]) == 0) {
            return HomeRule.KIND;
        }
        if (child.age() < minAge[h] || child.age() > maxAge[h]) {
            return HomeRule.AGE_RANGE;
        }
        if ((child.sexes() & sexesBit[h]) == 0) {
            return HomeRule.SEX;
        }
        if ((child.needs() & ~needsMask[h]) != 0) {
            return HomeRule.NEEDS;
        }
        if ((child.pets() & petsBit[h]) == 0) {
            return HomeRule.PETS;
        }
        for (AvoidZoneRow zone : child.zones()) {
            HomeRow home = rows.get(h);
            if (Geo.haversineKm(zone.lat(), zone.lon(), home.lat(), home.lon()) <= zone.radiusKm()) {
                return HomeRule.AVOID_ZONES;
            }
        }
        return null;
    }

    private static int mask(java.util.Set<Need> needs) {
        int mask = 0;
        for (Need need : needs) {
            mask |= 1 << need.ordinal();
        }
        return mask;
    }

    static {
        // the masks are ints: one bit per need, kind and sexes value
        if (Need.values().length > 31 || HomeKind.values().length > 31 || Sex.values().length > 31) {
            throw new ExceptionInInitializerError("too many codes for an int mask");
        }
    }
}
