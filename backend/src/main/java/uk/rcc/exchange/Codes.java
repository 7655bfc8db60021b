package uk.rcc.exchange;

/** The code lists of exchange format v1 ({@code shared/formats/README.md}). */
public final class Codes {
    private Codes() {
    }

    public enum HomeKind { FOSTER, CHILDRENS_HOME, SUPPORTED }

    public enum Provider { IN_HOUSE, COOPERATIVE, INDEPENDENT }

    public enum Sex { F, M }

    public enum SexesAccepted {
        ANY, F, M;

        public boolean accepts(Sex sex) {
            return this == ANY || name().equals(sex.name());
        }
    }

    public enum Need {
        DISABILITY, EMOTIONAL, PARENT_AND_CHILD, UASC, ADAPTATIONS, BSL, MAKATON,
        HSB, EXPLOITATION_RISK, SELF_HARM, GOING_MISSING, FIRE_SETTING
    }

    /** Who a child can live with. */
    public enum Alongside { ANY, SOLO, OLDER_ONLY, YOUNGER_ONLY }

    public enum PetsRule {
        ANY, MUST, NO;

        public boolean accepts(boolean homeHasPets) {
            return this == ANY || (this == MUST) == homeHasPets;
        }
    }

    public enum KeyPlaceKind { FAMILY, FRIEND, ACTIVITY, OTHER }
}
