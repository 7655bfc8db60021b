package uk.rcc.matching.planning;

import static org.optaplanner.core.api.score.stream.ConstraintCollectors.count;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.toSet;
import static org.optaplanner.core.api.score.stream.Joiners.equal;

import java.util.Set;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import uk.rcc.matching.policy.CostTerm;
import uk.rcc.matching.policy.Points;

/**
 * The reference matching policy. Age, sex, needs, kind, availability, pets and avoid zones (rules 2 and 3) are
 * enforced by each child's pruned candidate list, so they need no constraint here.
 */
public class MatchingConstraintProvider implements ConstraintProvider {
    private static final HardMediumSoftLongScore HARD = HardMediumSoftLongScore.ONE_HARD;
    private static final HardMediumSoftLongScore MEDIUM = HardMediumSoftLongScore.ONE_MEDIUM;
    private static final HardMediumSoftLongScore SOFT = HardMediumSoftLongScore.ONE_SOFT;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
            capacity(factory),
            alongsideRules(factory),
            alongsideRulesWithStayingChild(factory),
            hsbNeverWithYoungerChild(factory),
            hsbNeverWithYoungerStayingChild(factory),
            movableChildWithoutHome(factory),
            unplacedAwaitingChild(factory),
            distanceToSchoolOrHome(factory),
            keyPlaces(factory),
            outsideOwnCouncil(factory),
            nonPreferredKind(factory),
            weeklyCost(factory),
            movedChild(factory),
            siblingGroupSplit(factory),
            siblingGroupSplitAmongStayingChildren(factory)
        };
    }

    // ---- hard

    Constraint capacity(ConstraintFactory factory) {
        return factory.forEach(PlannedChild.class)
                .groupBy(PlannedChild::getHome, count())
                .filter((home, planned) -> planned + home.stayingCount() > home.places())
                .penalize(HARD, (home, planned) -> planned + home.stayingCount() - home.places())
                .justifyWith((home, planned, score) -> new Why(home.id() + " has " + home.places() + " places for "
                        + (planned + home.stayingCount()) + " children"))
                .asConstraint("capacity");
    }

    Constraint alongsideRules(ConstraintFactory factory) {
        return factory.forEachUniquePair(PlannedChild.class, equal(PlannedChild::getHome))
                .filter(Occupant::alongsideConflict)
                .penalize(HARD)
                .justifyWith((a, b, score) -> new Why(sharing(a, b, "an alongside rule")))
                .asConstraint("alongsideRules");
    }

    Constraint alongsideRulesWithStayingChild(ConstraintFactory factory) {
        return factory.forEach(PlannedChild.class)
                .join(StayingChild.class, equal(PlannedChild::getHome, StayingChild::home))
                .filter(Occupant::alongsideConflict)
                .penalize(HARD)
                .justifyWith((a, b, score) -> new Why(sharing(a, b, "an alongside rule")))
                .asConstraint("alongsideRulesWithStayingChild");
    }

    Constraint hsbNeverWithYoungerChild(ConstraintFactory factory) {
        return factory.forEachUniquePair(PlannedChild.class, equal(PlannedChild::getHome))
                .filter(Occupant::hsbConflict)
                .penalize(HARD)
                .justifyWith((a, b, score) -> new Why(sharing(a, b, "the HSB rule")))
                .asConstraint("hsbNeverWithYoungerChild");
    }

    Constraint hsbNeverWithYoungerStayingChild(ConstraintFactory factory) {
        return factory.forEach(PlannedChild.class)
                .join(StayingChild.class, equal(PlannedChild::getHome, StayingChild::home))
                .filter(Occupant::hsbConflict)
                .penalize(HARD)
                .justifyWith((a, b, score) -> new Why(sharing(a, b, "the HSB rule")))
                .asConstraint("hsbNeverWithYoungerStayingChild");
    }

    /** A placed child allowed to move can always stay, so losing their home is never a valid proposal. */
    Constraint movableChildWithoutHome(ConstraintFactory factory) {
        return factory.forEachIncludingNullVars(PlannedChild.class)
                .filter(child -> child.getHome() == null && !child.awaiting())
                .penalize(HARD)
                .justifyWith((child, score) -> new Why(child.childId() + " would lose their home"))
                .asConstraint("movableChildWithoutHome");
    }

    // ---- medium

    Constraint unplacedAwaitingChild(ConstraintFactory factory) {
        return factory.forEachIncludingNullVars(PlannedChild.class)
                .filter(child -> child.getHome() == null && child.awaiting())
                .penalize(MEDIUM)
                .justifyWith((child, score) -> new Why(child.childId() + " left unplaced"))
                .asConstraint("unplacedAwaitingChild");
    }

    // ---- soft, in hundredths of a point

    Constraint distanceToSchoolOrHome(ConstraintFactory factory) {
        return factory.forEach(PlannedChild.class)
                .penalizeLong(SOFT, child -> child.cost().distanceHundredths())
                .justifyWith((child, score) -> new Why(child.cost().text(CostTerm.DISTANCE)))
                .asConstraint("distanceToSchoolOrHome");
    }

    Constraint keyPlaces(ConstraintFactory factory) {
        return factory.forEach(PlannedChild.class)
                .filter(child -> child.cost().keyPlacesHundredths() > 0)
                .penalizeLong(SOFT, child -> child.cost().keyPlacesHundredths())
                .justifyWith((child, score) -> new Why(child.cost().text(CostTerm.KEY_PLACES) + ": "
                        + Points.format(child.cost().keyPlacesHundredths()) + " points"))
                .asConstraint("keyPlaces");
    }

    Constraint outsideOwnCouncil(ConstraintFactory factory) {
        return factory.forEach(PlannedChild.class)
                .filter(child -> child.cost().outsideCouncilHundredths() > 0)
                .penalizeLong(SOFT, child -> child.cost().outsideCouncilHundredths())
                .justifyWith((child, score) -> new Why(child.cost().text(CostTerm.OUTSIDE_COUNCIL) + ": "
                        + Points.format(child.cost().outsideCouncilHundredths()) + " points"))
                .asConstraint("outsideOwnCouncil");
    }

    Constraint nonPreferredKind(ConstraintFactory factory) {
        return factory.forEach(PlannedChild.class)
                .filter(child -> child.cost().nonPreferredKindHundredths() > 0)
                .penalizeLong(SOFT, child -> child.cost().nonPreferredKindHundredths())
                .justifyWith((child, score) -> new Why(child.cost().text(CostTerm.NON_PREFERRED_KIND) + ": "
                        + Points.format(child.cost().nonPreferredKindHundredths()) + " points"))
                .asConstraint("nonPreferredKind");
    }

    Constraint weeklyCost(ConstraintFactory factory) {
        return factory.forEach(PlannedChild.class)
                .filter(child -> child.cost().weeklyCostHundredths() > 0)
                .penalizeLong(SOFT, child -> child.cost().weeklyCostHundredths())
                .justifyWith((child, score) -> new Why(child.cost().text(CostTerm.WEEKLY_COST) + ": "
                        + Points.format(child.cost().weeklyCostHundredths()) + " points"))
                .asConstraint("weeklyCost");
    }

    Constraint movedChild(ConstraintFactory factory) {
        return factory.forEach(PlannedChild.class)
                .filter(child -> child.cost().movedHundredths() > 0)
                .penalizeLong(SOFT, child -> child.cost().movedHundredths())
                .justifyWith((child, score) -> new Why(child.cost().text(CostTerm.MOVED) + ": "
                        + Points.format(child.cost().movedHundredths()) + " points"))
                .asConstraint("movedChild");
    }

    Constraint siblingGroupSplit(ConstraintFactory factory) {
        return factory.forEach(PlannedChild.class)
                .filter(child -> child.siblingGroup() != null)
                .groupBy(PlannedChild::siblingGroup, toSet(PlannedChild::getHome))
                .filter((group, homes) -> group.homeCount(homes) > 1)
                .penalizeLong(SOFT, (group, homes) -> (group.homeCount(homes) - 1) * group.extraHomeHundredths())
                .justifyWith((group, homes, score) -> new Why(splitText(group, group.homeCount(homes))))
                .asConstraint("siblingGroupSplit");
    }

    /** A group whose planned members are all unplaced still lives apart if its staying members do. */
    Constraint siblingGroupSplitAmongStayingChildren(ConstraintFactory factory) {
        return factory.forEach(SiblingGroup.class)
                .filter(group -> group.stayingHomes().size() > 1)
                .ifNotExists(PlannedChild.class, equal(group -> group, PlannedChild::siblingGroup))
                .penalizeLong(SOFT, group -> (group.homeCount(Set.of()) - 1) * group.extraHomeHundredths())
                .justifyWith((group, score) -> new Why(splitText(group, group.homeCount(Set.of()))))
                .asConstraint("siblingGroupSplitAmongStayingChildren");
    }

    private static String splitText(SiblingGroup group, int homes) {
        return "splits sibling group " + group.id() + " across " + homes + " homes";
    }

    private static String sharing(Occupant a, Occupant b, String rule) {
        return a.childId() + " and " + b.childId() + " share a home against " + rule;
    }
}
