package uk.rcc.matching.fallback;

import org.optaplanner.core.api.domain.lookup.PlanningId;

/** A home as the solver sees it: an id, its places and the facts the rules need. */
public final class Home {
    @PlanningId
    private final String id;
    private final int places;
    private final String name;

    public Home(String id, String name, int places) {
        this.id = id;
        this.name = name;
        this.places = places;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public int places() {
        return places;
    }

    @Override
    public String toString() {
        return id;
    }
}
