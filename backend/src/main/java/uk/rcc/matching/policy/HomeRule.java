package uk.rcc.matching.policy;

import java.util.List;
import uk.rcc.exchange.Codes.Need;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;

/**
 * Policy rules 2 and 3, in the one order every view checks them: whether a home can take a child at all, judged on
 * the child and the home alone. A home left out is counted under the first rule it breaks.
 */
public enum HomeRule {
    NOT_AVAILABLE("not available"),
    KIND("kind not in care plan"),
    AGE_RANGE("age range"),
    SEX("sex"),
    NEEDS("needs"),
    PETS("pets"),
    AVOID_ZONES("avoid zones");

    private final String label;

    HomeRule(String label) {
        this.label = label;
    }

    /** A short name for counts: "12 homes excluded: 7 age range, 3 needs". */
    public String label() {
        return label;
    }

    /** What an officer is told when they choose a home that breaks this rule. */
    public String sentence(ChildRow child, int ageYears, HomeRow home) {
        return switch (this) {
            case NOT_AVAILABLE -> "the home takes no new child at present";
            case KIND -> "the care plan does not allow " + home.kind();
            case AGE_RANGE -> "age " + ageYears + " is outside the home's range " + home.minAge() + "–" + home.maxAge();
            case SEX -> "the home takes " + home.sexes() + " only";
            case NEEDS -> "needs not met: " + unmetNeeds(child, home);
            case PETS -> home.pets() ? "the child cannot live with animals" : "the child needs a home with animals";
            case AVOID_ZONES -> "inside an area the child must avoid";
        };
    }

    private static List<Need> unmetNeeds(ChildRow child, HomeRow home) {
        return child.needs().stream()
                .filter(need -> !home.needsMet().contains(need))
                .sorted()
                .toList();
    }
}
