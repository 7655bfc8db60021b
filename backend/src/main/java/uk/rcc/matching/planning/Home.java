package uk.rcc.matching.planning;

import org.optaplanner.core.api.domain.lookup.PlanningId;

/** A home as the solver sees it: the places left after the children who must stay are counted. */
public final class Home {
    @PlanningId
    private final String id;
    private final String authorityCode;
    private final int places;
    private final int stayingCount;

    public Home(String id, String authorityCode, int places, int stayingCount) {
        this.id = id;
        this.authorityCode = authorityCode;
        this.places = places;
        this.stayingCount = stayingCount;
    }

    public String id() {
        return id;
    }

    public String authorityCode() {
        return authorityCode;
    }

    public int places() {
        return places;
    }

    /** Children living here who may not move: they fill places whatever the solver does. */
    public int stayingCount() {
        return stayingCount;
    }

    @Override
    public String toString() {
        return id;
    }
}
