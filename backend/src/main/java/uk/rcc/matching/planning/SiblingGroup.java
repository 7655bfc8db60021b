package uk.rcc.matching.planning;

import java.util.HashSet;
import java.util.Set;

/**
 * Children sharing a sibling_group value. {@code stayingHomes} are the homes of its members who must stay;
 * {@code extraHomeHundredths} is the policy's cost of every home beyond the first.
 */
public record SiblingGroup(String id, Set<Home> stayingHomes, long extraHomeHundredths) {

    /** Distinct homes the group lives in, counting staying members and the given planned members' homes. */
    public int homeCount(Set<Home> plannedHomes) {
        Set<Home> all = new HashSet<>(stayingHomes);
        all.addAll(plannedHomes);
        return all.size();
    }

    @Override
    public String toString() {
        return id;
    }
}
