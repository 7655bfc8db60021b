package uk.rcc.sufficiency;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Children looked after, as read from SSDA903 returns and cleaned: one record per child (keyed on council and
 * CHILD) with their episodes de-duplicated across overlapping years, each ended at the next one's start, and
 * short breaks (V3, V4) left out.
 */
public record Ssda903Data(List<ChildInCare> children) {

    public record Episode(LocalDate start, LocalDate end, Category category, boolean newPeriodOfCare) {
        boolean covers(LocalDate date) {
            return !start.isAfter(date) && (end == null || end.isAfter(date));
        }
    }

    public record ChildInCare(
            String council, String child, LocalDate dateOfBirth, boolean uasc, List<Episode> episodes) {

        /** The episode covering a date, or null when the child was not looked after on it. */
        public Episode on(LocalDate date) {
            for (Episode episode : episodes) {
                if (episode.covers(date)) {
                    return episode;
                }
            }
            return null;
        }

        /** When the period of care that includes the date began. */
        public LocalDate periodStart(LocalDate date) {
            LocalDate start = null;
            for (Episode episode : episodes) {
                if (episode.start().isAfter(date)) {
                    break;
                }
                if (start == null || episode.newPeriodOfCare()) {
                    start = episode.start();
                }
            }
            return start;
        }
    }

    public List<String> councils() {
        return new ArrayList<>(
                new TreeSet<>(children.stream().map(ChildInCare::council).toList()));
    }

    /** Children looked after on the last day of a month, by council and category. */
    public Map<String, Map<Category, Integer>> countsAt(YearMonth month) {
        LocalDate day = month.atEndOfMonth();
        Map<String, Map<Category, Integer>> counts = new HashMap<>();
        for (ChildInCare child : children) {
            Episode episode = child.on(day);
            if (episode != null && AgeBand.on(child.dateOfBirth(), day) != null) {
                counts.computeIfAbsent(child.council(), c -> new java.util.EnumMap<>(Category.class))
                        .merge(episode.category(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** The first and last dates the data covers. */
    public LocalDate firstDate() {
        return children.stream()
                .flatMap(c -> c.episodes().stream())
                .map(Episode::start)
                .min(Comparator.naturalOrder())
                .orElse(LocalDate.now());
    }

    public LocalDate lastDate() {
        return children.stream()
                .flatMap(c -> c.episodes().stream())
                .map(e -> e.end() == null ? e.start() : e.end().isAfter(e.start()) ? e.end() : e.start())
                .max(Comparator.naturalOrder())
                .orElse(LocalDate.now());
    }

    /** The data as it stood on a date: later episodes dropped, open ones reopened (for backtests and --as-of). */
    public Ssda903Data asOf(LocalDate date) {
        List<ChildInCare> kept = new ArrayList<>();
        for (ChildInCare child : children) {
            List<Episode> episodes = new ArrayList<>();
            for (Episode episode : child.episodes()) {
                if (episode.start().isAfter(date)) {
                    continue;
                }
                boolean endsLater = episode.end() != null && episode.end().isAfter(date);
                episodes.add(
                        endsLater
                                ? new Episode(episode.start(), null, episode.category(), episode.newPeriodOfCare())
                                : episode);
            }
            if (!episodes.isEmpty()) {
                kept.add(new ChildInCare(child.council(), child.child(), child.dateOfBirth(), child.uasc(), episodes));
            }
        }
        return new Ssda903Data(kept);
    }
}
