package uk.rcc.matching.fallback;

import static org.optaplanner.core.api.score.stream.ConstraintCollectors.count;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.countDistinct;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.max;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.Joiners;

/**
 * The reference matching policy: hard rules first, then children left unplaced (medium), then each soft term.
 * Rules about one child and one home alone (age, sex, needs, kind, availability, pets, avoid zones) are applied
 * when the problem is built, by leaving such homes out of the child's candidates.
 */
public class PlacementConstraints implements ConstraintProvider {

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
            capacity(factory),
            whoMayLiveTogether(factory),
            placedChildLeftWithoutAHome(factory),
            childLeftUnplaced(factory),
            softTerm(factory, CostTerm.DISTANCE),
            softTerm(factory, CostTerm.KEY_PLACES),
            softTerm(factory, CostTerm.OUTSIDE_COUNCIL),
            softTerm(factory, CostTerm.NON_PREFERRED_KIND),
            softTerm(factory, CostTerm.WEEKLY_COST),
            softTerm(factory, CostTerm.MOVED),
            siblingGroupSplit(factory)
        };
    }

    /** Rule 1: children living in a home, placed or proposed, never exceed its places. */
    Constraint capacity(ConstraintFactory factory) {
        return factory.forEach(ChildPlan.class)
                .groupBy(ChildPlan::getHome, count())
                .filter((home, living) -> living > home.places())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (home, living) -> living - home.places())
                .asConstraint("capacity");
    }

    /** Rule 4: harmful sexual behaviour never with a younger child; SOLO, OLDER_ONLY and YOUNGER_ONLY. */
    Constraint whoMayLiveTogether(ConstraintFactory factory) {
        return factory.forEachUniquePair(ChildPlan.class, Joiners.equal(ChildPlan::getHome))
                .filter(ChildPlan::clashesWith)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (a, b) -> 1L)
                .asConstraint("who may live together");
    }

    /** Rule 5's other side: a placed child allowed to move either moves or stays, never loses their home. */
    Constraint placedChildLeftWithoutAHome(ConstraintFactory factory) {
        return factory.forEachIncludingNullVars(ChildPlan.class)
                .filter(child -> child.getHome() == null && !child.awaiting())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, child -> 1L)
                .asConstraint("placed child left without a home");
    }

    /** First after the hard rules: as few awaiting children unplaced as possible. */
    Constraint childLeftUnplaced(ConstraintFactory factory) {
        return factory.forEachIncludingNullVars(ChildPlan.class)
                .filter(child -> child.getHome() == null && child.awaiting())
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, child -> 1L)
                .asConstraint("child left unplaced");
    }

    Constraint softTerm(ConstraintFactory factory, CostTerm term) {
        return factory.forEach(ChildPlan.class)
                .filter(child -> child.term(term) > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, child -> child.term(term))
                .asConstraint(term.label());
    }

    /** Each sibling group: the weight for every home beyond the first that its members live in. */
    Constraint siblingGroupSplit(ConstraintFactory factory) {
        return factory.forEach(ChildPlan.class)
                .filter(child -> child.siblingGroup() != null)
                .groupBy(ChildPlan::siblingGroup, countDistinct(ChildPlan::getHome),
                        max(ChildPlan::siblingSplitWeight))
                .filter((group, homes, weight) -> homes > 1)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, (group, homes, weight) -> (homes - 1) * weight)
                .asConstraint("sibling group split");
    }
}
