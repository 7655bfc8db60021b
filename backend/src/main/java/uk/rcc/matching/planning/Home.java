package uk.rcc.matching.planning;

import org.optaplanner.core.api.domain.lookup.PlanningId;

/** A home as the solver sees it: the places left after the children who must stay are counted. */
public final class Home {
    @PlanningId
    private final String id;

    private final String authorityCode;
    private int places;
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

    /**
     * Changes the places between solves, never during one: the capacity what-ifs ({@code uk.rcc.capacity}) give a
     * home one more place, or open a possible new home, and re-solve from the same problem.
     */
    public void setPlaces(int places) {
        this.places = places;
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
