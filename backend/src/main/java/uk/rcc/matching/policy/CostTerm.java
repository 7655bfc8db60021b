package uk.rcc.matching.policy;

/** The reference policy's soft terms for one child in one home, in the order they are stored. */
public enum CostTerm {
    DISTANCE("distance to school or family home"),
    KEY_PLACES("distance to key places"),
    OUTSIDE_COUNCIL("outside own council"),
    NON_PREFERRED_KIND("kind of home not preferred"),
    WEEKLY_COST("weekly cost"),
    MOVED("planned move");

    private final String label;

    CostTerm(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
