package uk.rcc.matching;

/** Why a home is not a candidate for a child; each excluded home is counted under the first rule it fails. */
public enum ExclusionReason {
    NOT_AVAILABLE("not available"),
    KIND("kind not in care plan"),
    AGE_RANGE("age range"),
    SEX("sex"),
    NEEDS("needs"),
    PETS("pets"),
    AVOID_ZONES("avoid zones");

    private final String label;

    ExclusionReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
