package uk.rcc.placementsreturn;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;

/**
 * The placements of an exchange-format data set that started in a period: its children whose current placement began
 * ({@code placed_on}) between the two dates. A data set knows only current placements and no officer.
 */
final class DatasetPlacements {
    private DatasetPlacements() {}

    static List<FoundPlacement> startedBetween(
            ExchangeDataset dataset, LocalDate from, LocalDate to, String authority) {
        Map<String, HomeRow> homes = new HashMap<>();
        dataset.homes().forEach(h -> homes.put(h.homeId(), h));
        Map<String, List<ChildRow>> groups = new HashMap<>();
        dataset.children().stream()
                .filter(c -> c.siblingGroup() != null)
                .forEach(c -> groups.computeIfAbsent(c.siblingGroup(), g -> new ArrayList<>())
                        .add(c));
        List<FoundPlacement> found = new ArrayList<>();
        for (ChildRow child : dataset.children()) {
            LocalDate placedOn = child.details().placedOn();
            if (child.awaiting()
                    || placedOn == null
                    || placedOn.isBefore(from)
                    || placedOn.isAfter(to)
                    || authority != null && !authority.equals(child.authorityCode())) {
                continue;
            }
            List<ChildRow> siblings = child.siblingGroup() == null
                    ? List.of()
                    : groups.get(child.siblingGroup()).stream()
                            .filter(s -> s != child)
                            .toList();
            int together = (int) siblings.stream()
                    .filter(s -> child.currentHomeId().equals(s.currentHomeId()))
                    .count();
            found.add(new FoundPlacement(
                    child,
                    homes.get(child.currentHomeId()),
                    placedOn,
                    child.details().placementWeeklyCost(),
                    siblings.size(),
                    together,
                    null,
                    dataset.asOf()));
        }
        return found;
    }
}
