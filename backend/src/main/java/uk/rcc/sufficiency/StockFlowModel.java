package uk.rcc.sufficiency;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import uk.rcc.sufficiency.Ssda903Data.ChildInCare;
import uk.rcc.sufficiency.Ssda903Data.Episode;

/**
 * A monthly stock-and-flow (multi-state Markov) model of children looked after, per council. A child's state is
 * age band × placement category × time in care; each month a child leaves care (with a chance that depends on
 * category and time in care: many go home within weeks, others stay for years), moves category, ages, or ages out
 * at 18; new children enter by age band, with unaccompanied asylum-seeking children as their own stream.
 *
 * <p>Rates are events over person-months in each state across a reference window, not averages of ratios. A small
 * council's rates are pulled towards the co-operative's in proportion to how little exposure it has (credibility
 * weighting with {@link #PRIOR_MONTHS} pseudo person-months).
 */
public final class StockFlowModel {
    static final int BANDS = AgeBand.values().length;
    static final int CATEGORIES = Category.values().length;
    /** Time in care: under 1 month, 1–6 months, 6–24 months, 2 years or more. */
    static final int DURATIONS = 4;
    static final double PRIOR_MONTHS = 120;
    private static final int RESIDENTIAL = Category.RESIDENTIAL.ordinal();
    private static final int FOSTER = Category.FOSTER.ordinal();
    private static final double[] MONTHS_IN_BAND = { 12, 48, 60, 72, 24 };

    /** Fitted rates of one council. */
    public record Rates(double[][] exitEvents, double[][] exitExposure, double[][][] moves, double[] entries,
            double[] uascEntries, double[][] entryCategory, double windowMonths, int[][][] stock) {

        /** Monthly chance of leaving care for a category and time in care. */
        public double exitProbability(int category, int duration) {
            double exposure = exitExposure[category][duration];
            return exposure <= 0 ? 0 : exitEvents[category][duration] / exposure;
        }

        public double entriesPerMonth() {
            double total = 0;
            for (int b = 0; b < BANDS; b++) {
                total += entries[b] + uascEntries[b];
            }
            return total / windowMonths;
        }
    }

    private StockFlowModel() {
    }

    /** Fits rates for each council (and ALL) over the {@code windowMonths} before {@code asOf}. */
    public static Map<String, Rates> fit(Ssda903Data data, LocalDate asOf, int windowMonths) {
        Map<String, List<ChildInCare>> byCouncil = new LinkedHashMap<>();
        data.councils().forEach(c -> byCouncil.put(c, new ArrayList<>()));
        data.children().forEach(child -> byCouncil.get(child.council()).add(child));
        Rates all = raw(data.children(), asOf, windowMonths);
        Map<String, Rates> rates = new LinkedHashMap<>();
        byCouncil.forEach((council, children) -> rates.put(council, shrink(raw(children, asOf, windowMonths), all)));
        return rates;
    }

    static Rates raw(List<ChildInCare> children, LocalDate asOf, int windowMonths) {
        double[][] exitEvents = new double[CATEGORIES][DURATIONS];
        double[][] exitExposure = new double[CATEGORIES][DURATIONS];
        double[][][] moves = new double[BANDS][CATEGORIES][CATEGORIES];
        double[] entries = new double[BANDS];
        double[] uascEntries = new double[BANDS];
        double[][] entryCategory = new double[BANDS][CATEGORIES];
        YearMonth last = YearMonth.from(asOf).minusMonths(1);
        YearMonth first = last.minusMonths(windowMonths);
        for (ChildInCare child : children) {
            for (YearMonth month = first; month.isBefore(last); month = month.plusMonths(1)) {
                LocalDate now = month.atEndOfMonth();
                LocalDate next = month.plusMonths(1).atEndOfMonth();
                int[] from = state(child, now);
                int[] to = state(child, next);
                if (from != null) {
                    exitExposure[from[1]][from[2]]++;
                    if (to == null && AgeBand.on(child.dateOfBirth(), next) != null) {
                        exitEvents[from[1]][from[2]]++;
                    } else if (to != null) {
                        moves[from[0]][from[1]][to[1]]++;
                    }
                } else if (to != null) {
                    (child.uasc() ? uascEntries : entries)[to[0]]++;
                    entryCategory[to[0]][to[1]]++;
                }
            }
        }
        return new Rates(exitEvents, exitExposure, moves, entries, uascEntries, entryCategory, windowMonths,
                stock(children, asOf));
    }

    /** Children in care on a date by age band, category and time in care. */
    static int[][][] stock(List<ChildInCare> children, LocalDate date) {
        int[][][] stock = new int[BANDS][CATEGORIES][DURATIONS];
        for (ChildInCare child : children) {
            int[] state = state(child, date);
            if (state != null) {
                stock[state[0]][state[1]][state[2]]++;
            }
        }
        return stock;
    }

    /** {band, category, duration} of a child on a date, or null when not looked after (or 18 or over). */
    static int[] state(ChildInCare child, LocalDate date) {
        Episode episode = child.on(date);
        AgeBand band = child.dateOfBirth() == null ? null : AgeBand.on(child.dateOfBirth(), date);
        if (episode == null || band == null) {
            return null;
        }
        long months = ChronoUnit.MONTHS.between(child.periodStart(date), date);
        int duration = months < 1 ? 0 : months < 6 ? 1 : months < 24 ? 2 : 3;
        return new int[] { band.ordinal(), episode.category().ordinal(), duration };
    }

    /** Credibility weighting: a council's events and exposure plus the co-operative's rate over a prior exposure. */
    static Rates shrink(Rates council, Rates all) {
        double[][] events = new double[CATEGORIES][DURATIONS];
        double[][] exposure = new double[CATEGORIES][DURATIONS];
        for (int c = 0; c < CATEGORIES; c++) {
            for (int d = 0; d < DURATIONS; d++) {
                double prior = all.exitProbability(c, d);
                events[c][d] = council.exitEvents()[c][d] + PRIOR_MONTHS * prior;
                exposure[c][d] = council.exitExposure()[c][d] + PRIOR_MONTHS;
            }
        }
        double[][][] moves = new double[BANDS][CATEGORIES][CATEGORIES];
        for (int b = 0; b < BANDS; b++) {
            for (int c = 0; c < CATEGORIES; c++) {
                double allTotal = sum(all.moves()[b][c]);
                for (int to = 0; to < CATEGORIES; to++) {
                    double prior = allTotal == 0 ? (c == to ? 1 : 0) : all.moves()[b][c][to] / allTotal;
                    moves[b][c][to] = council.moves()[b][c][to] + PRIOR_MONTHS * prior;
                }
            }
        }
        double[][] entryCategory = new double[BANDS][CATEGORIES];
        for (int b = 0; b < BANDS; b++) {
            double allTotal = sum(all.entryCategory()[b]);
            for (int c = 0; c < CATEGORIES; c++) {
                entryCategory[b][c] = council.entryCategory()[b][c] + (allTotal == 0 ? 0 : 5 * all.entryCategory()[b][c]
                        / allTotal);
            }
        }
        return new Rates(events, exposure, moves, council.entries(), council.uascEntries(), entryCategory,
                council.windowMonths(), council.stock());
    }

    /**
     * Simulates one future of one council from its stock; returns month × category counts. Rate uncertainty:
     * each simulated future draws its entry rate from the posterior given the observed count.
     *
     * @param scenario its entry rate change scales entries (-0.1: 10% fewer); its step-down share moves children
     *        from children's homes to foster care. The baseline draws no extra random numbers, so a baseline
     *        forecast is the same with or without scenario support.
     */
    static int[][] simulate(Rates rates, int horizon, SplittableRandom random, Scenario scenario) {
        double entryChange = scenario.entryRateChange();
        double stepDown = scenario.monthlyStepDown();
        int[][][] stock = copy(rates.stock());
        int[][] counts = new int[horizon][CATEGORIES];
        double[] entryRate = new double[BANDS];
        double[] uascRate = new double[BANDS];
        for (int b = 0; b < BANDS; b++) {
            entryRate[b] = gamma(random, rates.entries()[b] + 0.5) / rates.windowMonths() * (1 + entryChange);
            uascRate[b] = gamma(random, rates.uascEntries()[b] + 0.5) / rates.windowMonths() * (1 + entryChange);
        }
        for (int month = 0; month < horizon; month++) {
            int[][][] next = new int[BANDS][CATEGORIES][DURATIONS];
            for (int b = 0; b < BANDS; b++) {
                for (int c = 0; c < CATEGORIES; c++) {
                    for (int d = 0; d < DURATIONS; d++) {
                        advance(rates, stock[b][c][d], b, c, d, next, random, stepDown);
                    }
                }
                int entering = poisson(random, entryRate[b]) + poisson(random, uascRate[b]);
                for (int i = 0; i < entering; i++) {
                    int category = pick(random, rates.entryCategory()[b]);
                    // A band with no entrants in the window takes the commonest first placement, foster care.
                    next[b][category < 0 ? Category.FOSTER.ordinal() : category][0]++;
                }
            }
            stock = next;
            for (int b = 0; b < BANDS; b++) {
                for (int c = 0; c < CATEGORIES; c++) {
                    for (int d = 0; d < DURATIONS; d++) {
                        counts[month][c] += stock[b][c][d];
                    }
                }
            }
        }
        return counts;
    }

    private static void advance(Rates rates, int n, int band, int category, int duration, int[][][] next,
            SplittableRandom random, double stepDown) {
        if (n == 0) {
            return;
        }
        int staying = n - binomial(random, n, rates.exitProbability(category, duration));
        int ageing = binomial(random, staying, 1 / MONTHS_IN_BAND[band]);
        for (int i = 0; i < staying; i++) {
            boolean older = i < ageing;
            int newBand = older ? band + 1 : band;
            if (newBand >= BANDS) {
                continue;
            }
            int newCategory = pick(random, rates.moves()[band][category]);
            newCategory = newCategory < 0 ? category : newCategory;
            if (stepDown > 0 && newCategory == RESIDENTIAL && random.nextDouble() < stepDown) {
                newCategory = FOSTER;
            }
            int newDuration = nextDuration(duration, random);
            next[newBand][newCategory][newDuration]++;
        }
    }

    private static int nextDuration(int duration, SplittableRandom random) {
        return switch (duration) {
            case 0 -> 1;
            case 1 -> random.nextDouble() < 1 / 5.0 ? 2 : 1;
            case 2 -> random.nextDouble() < 1 / 18.0 ? 3 : 2;
            default -> 3;
        };
    }

    static int binomial(SplittableRandom random, int n, double p) {
        if (p <= 0 || n == 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        if (n < 50) {
            int hits = 0;
            for (int i = 0; i < n; i++) {
                hits += random.nextDouble() < p ? 1 : 0;
            }
            return hits;
        }
        double mean = n * p;
        double draw = mean + Math.sqrt(mean * (1 - p)) * gaussian(random);
        return (int) Math.max(0, Math.min(n, Math.round(draw)));
    }

    static int poisson(SplittableRandom random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 50) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(random)));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    /** Gamma(shape, 1) by Marsaglia and Tsang. */
    static double gamma(SplittableRandom random, double shape) {
        if (shape < 1) {
            return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = gaussian(random);
            double v = Math.pow(1 + c * x, 3);
            if (v > 0 && Math.log(random.nextDouble()) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** An index drawn in proportion to the weights, or -1 when they are all zero. */
    static int pick(SplittableRandom random, double[] weights) {
        double total = sum(weights);
        if (total <= 0) {
            return -1;
        }
        double draw = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    static double sum(double[] values) {
        double total = 0;
        for (double value : values) {
            total += value;
        }
        return total;
    }

    private static int[][][] copy(int[][][] stock) {
        int[][][] copy = new int[BANDS][CATEGORIES][DURATIONS];
        for (int b = 0; b < BANDS; b++) {
            for (int c = 0; c < CATEGORIES; c++) {
                copy[b][c] = stock[b][c].clone();
            }
        }
        return copy;
    }
}
