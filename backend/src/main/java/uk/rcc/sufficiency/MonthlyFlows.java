package uk.rcc.sufficiency;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import uk.rcc.sufficiency.Ssda903Data.ChildInCare;

/**
 * Each council's flows month by month, from every child's state at each month end: leaving care, moves, entries,
 * and the stock. Computed once up to an origin month; a model fitted at any earlier origin over any window is a sum
 * over months of these, which is what makes backtesting many candidate models cheap. A state at a month end never
 * depends on records dated after it, so the flows up to a month are the same however much later data there is.
 */
final class MonthlyFlows {
    static final int BANDS = StockFlowModel.BANDS;
    static final int CATEGORIES = StockFlowModel.CATEGORIES;
    static final int DURATIONS = StockFlowModel.DURATIONS;

    /** One council's flows into one month end (from the previous month end), and its stock at that month end. */
    static final class Month {
        final double[][] exitEvents = new double[CATEGORIES][DURATIONS];
        final double[][] exitExposure = new double[CATEGORIES][DURATIONS];
        final double[][][] moves = new double[BANDS][CATEGORIES][CATEGORIES];
        final double[] entries = new double[BANDS];
        final double[] uascEntries = new double[BANDS];
        final double[][] entryCategory = new double[BANDS][CATEGORIES];
        final int[][][] stock = new int[BANDS][CATEGORIES][DURATIONS];
        /** Children who stayed (or aged out at 18) by band and category, and those of them who moved up a band. */
        final double[][] ageingExposure = new double[BANDS][CATEGORIES];

        final double[][] ageing = new double[BANDS][CATEGORIES];
        /** Children who stayed by time in care, and those of them who moved to the next time-in-care band. */
        final double[] durationExposure = new double[DURATIONS];

        final double[] durationUp = new double[DURATIONS];

        double totalEntries() {
            return StockFlowModel.sum(entries);
        }

        /** Children at the month end in a category (all categories for -1), in one age band (all for -1). */
        int count(int band, int category) {
            int total = 0;
            for (int b = 0; b < BANDS; b++) {
                for (int c = 0; c < CATEGORIES; c++) {
                    if ((band < 0 || band == b) && (category < 0 || category == c)) {
                        for (int d = 0; d < DURATIONS; d++) {
                            total += stock[b][c][d];
                        }
                    }
                }
            }
            return total;
        }
    }

    private final List<String> councils;
    private final YearMonth first;
    /** [council][month index]: the flows into month {@code first + index}. */
    private final Month[][] months;

    private MonthlyFlows(List<String> councils, YearMonth first, Month[][] months) {
        this.councils = councils;
        this.first = first;
        this.months = months;
    }

    /**
     * Flows of up to {@code span} months up to and including {@code last}, from data holding nothing later. They
     * start no earlier than the month after the first episode that ended: returns list the episodes of children
     * looked after during the years they cover, so months before that hold only the entries of children who were
     * still looked after later, not all entries.
     */
    static MonthlyFlows of(Ssda903Data data, YearMonth last, int span) {
        List<String> councils = data.councils();
        YearMonth first = last.minusMonths(span - 1L);
        YearMonth complete = data.children().stream()
                .flatMap(c -> c.episodes().stream())
                .map(Ssda903Data.Episode::end)
                .filter(java.util.Objects::nonNull)
                .min(LocalDate::compareTo)
                .map(d -> YearMonth.from(d).plusMonths(1))
                .orElse(YearMonth.from(data.firstDate()).plusMonths(1));
        if (complete.isAfter(first)) {
            first = complete.isAfter(last) ? last : complete;
            span = (int) ChronoUnit.MONTHS.between(first, last) + 1;
        }
        Month[][] months = new Month[councils.size() + 1][span];
        for (Month[] council : months) {
            for (int m = 0; m < span; m++) {
                council[m] = new Month();
            }
        }
        LocalDate before = first.minusMonths(1).atEndOfMonth();
        for (ChildInCare child : data.children()) {
            LocalDate start = child.episodes().get(0).start();
            LocalDate end = child.episodes().stream()
                    .map(e -> e.end() == null ? LocalDate.MAX : e.end())
                    .max(LocalDate::compareTo)
                    .orElseThrow();
            if (start.isAfter(last.atEndOfMonth()) || end.isBefore(before) || child.dateOfBirth() == null) {
                continue;
            }
            add(child, months[councils.indexOf(child.council())], first, span);
        }
        for (int m = 0; m < span; m++) {
            months[councils.size()][m] = total(months, m);
        }
        return new MonthlyFlows(councils, first, months);
    }

    private static void add(ChildInCare child, Month[] council, YearMonth first, int span) {
        int[] from = StockFlowModel.state(child, first.minusMonths(1).atEndOfMonth());
        for (int m = 0; m < span; m++) {
            LocalDate day = first.plusMonths(m).atEndOfMonth();
            int[] to = StockFlowModel.state(child, day);
            Month month = council[m];
            if (from != null) {
                month.exitExposure[from[1]][from[2]]++;
                boolean adult = ChronoUnit.YEARS.between(child.dateOfBirth(), day) >= 18;
                if (to == null && !adult) {
                    month.exitEvents[from[1]][from[2]]++;
                } else {
                    month.ageingExposure[from[0]][from[1]]++;
                    month.ageing[from[0]][from[1]] += to == null || to[0] > from[0] ? 1 : 0;
                }
                if (to != null) {
                    month.moves[from[0]][from[1]][to[1]]++;
                    month.durationExposure[from[2]]++;
                    month.durationUp[from[2]] += to[2] > from[2] ? 1 : 0;
                }
            } else if (to != null) {
                (child.uasc() ? month.uascEntries : month.entries)[to[0]]++;
                month.entryCategory[to[0]][to[1]]++;
            }
            if (to != null) {
                month.stock[to[0]][to[1]][to[2]]++;
            }
            from = to;
        }
    }

    List<String> councils() {
        return councils;
    }

    YearMonth first() {
        return first;
    }

    /** A council's month (council index -1: the co-operative's, summed), or null outside the span. */
    Month month(int council, YearMonth month) {
        int index = (int) ChronoUnit.MONTHS.between(first, month);
        if (index < 0 || index >= months[0].length) {
            return null;
        }
        return months[council >= 0 ? council : councils.size()][index];
    }

    /** Months in the flows, the last one being the origin month. */
    int span() {
        return months[0].length;
    }

    private static Month total(Month[][] months, int index) {
        Month sum = new Month();
        for (int i = 0; i < months.length - 1; i++) {
            Month[] council = months[i];
            Month m = council[index];
            for (int c = 0; c < CATEGORIES; c++) {
                for (int d = 0; d < DURATIONS; d++) {
                    sum.exitEvents[c][d] += m.exitEvents[c][d];
                    sum.exitExposure[c][d] += m.exitExposure[c][d];
                }
            }
            for (int d = 0; d < DURATIONS; d++) {
                sum.durationExposure[d] += m.durationExposure[d];
                sum.durationUp[d] += m.durationUp[d];
            }
            for (int b = 0; b < BANDS; b++) {
                sum.entries[b] += m.entries[b];
                sum.uascEntries[b] += m.uascEntries[b];
                for (int c = 0; c < CATEGORIES; c++) {
                    sum.entryCategory[b][c] += m.entryCategory[b][c];
                    sum.ageing[b][c] += m.ageing[b][c];
                    sum.ageingExposure[b][c] += m.ageingExposure[b][c];
                    for (int to = 0; to < CATEGORIES; to++) {
                        sum.moves[b][c][to] += m.moves[b][c][to];
                    }
                    for (int d = 0; d < DURATIONS; d++) {
                        sum.stock[b][c][d] += m.stock[b][c][d];
                    }
                }
            }
        }
        return sum;
    }

    /** The months of a window ending at {@code last} that the flows hold (fewer near the start of the data). */
    List<Month> window(int council, YearMonth last, int windowMonths) {
        List<Month> window = new ArrayList<>();
        for (int i = windowMonths - 1; i >= 0; i--) {
            Month month = month(council, last.minusMonths(i));
            if (month != null) {
                window.add(month);
            }
        }
        return window;
    }
}
