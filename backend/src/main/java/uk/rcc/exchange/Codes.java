package uk.rcc.exchange;

/** The code lists of exchange format v1 and its 1.1 additions ({@code shared/formats/README.md}). */
public final class Codes {
    private Codes() {}

    public enum HomeKind {
        FOSTER,
        CHILDRENS_HOME,
        SUPPORTED
    }

    public enum Provider {
        IN_HOUSE,
        COOPERATIVE,
        INDEPENDENT
    }

    public enum Sex {
        F,
        M
    }

    public enum SexesAccepted {
        ANY,
        F,
        M;

        public boolean accepts(Sex sex) {
            return this == ANY || name().equals(sex.name());
        }
    }

    public enum Need {
        DISABILITY,
        EMOTIONAL,
        PARENT_AND_CHILD,
        UASC,
        ADAPTATIONS,
        BSL,
        MAKATON,
        HSB,
        EXPLOITATION_RISK,
        SELF_HARM,
        GOING_MISSING,
        FIRE_SETTING,
        // v1.1: the risks the national placements return asks about (EXPLOITATION_RISK means both exploitations)
        CRIMINAL_EXPLOITATION,
        SEXUAL_EXPLOITATION,
        DRUG_ALCOHOL,
        EATING_DISORDER,
        HARM_TO_OTHERS,
        HARM_TO_ANIMALS,
        CRIMINAL_BEHAVIOUR
    }

    /** v1.1: whether a placement must meet cultural needs (a place of worship, say). */
    public enum CulturalNeeds {
        REQUIRED,
        NOT_REQUIRED,
        NOT_KNOWN
    }

    /** v1.1: the coded reasons for a placement outside the child's own council; any other text is kept as given. */
    public enum OutOfAreaReason {
        SAFEGUARDING,
        BAIL_CONDITIONS,
        COURT_ORDER
    }

    /** Who a child can live with. */
    public enum Alongside {
        ANY,
        SOLO,
        OLDER_ONLY,
        YOUNGER_ONLY
    }

    public enum PetsRule {
        ANY,
        MUST,
        NO;

        public boolean accepts(boolean homeHasPets) {
            return this == ANY || (this == MUST) == homeHasPets;
        }
    }

    public enum KeyPlaceKind {
        FAMILY,
        FRIEND,
        ACTIVITY,
        OTHER
    }
}
