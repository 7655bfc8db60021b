package uk.rcc.sufficiency;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
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
    private static final double[] MONTHS_IN_BAND = {12, 48, 60, 72, 24};

    /** Fitted rates of one council. */
    public record Rates(
            double[][] exitEvents,
            double[][] exitExposure,
            double[][][] moves,
            double[] entries,
            double[] uascEntries,
            double[][] entryCategory,
            double windowMonths,
            int[][][] stock,
            Demography demography) {

        public Rates(
                double[][] exitEvents,
                double[][] exitExposure,
                double[][][] moves,
                double[] entries,
                double[] uascEntries,
                double[][] entryCategory,
                double windowMonths,
                int[][][] stock) {
            this(
                    exitEvents,
                    exitExposure,
                    moves,
                    entries,
                    uascEntries,
                    entryCategory,
                    windowMonths,
                    stock,
                    Demography.NONE);
        }

        /** Monthly chance that a child who stays moves up an age band (out of care at 18 from the last band). */
        double ageingProbability(int band, int category) {
            return demography.ageingProbability(band, category);
        }

        /** Monthly chance that a child who stays moves to the next time-in-care band. */
        double durationProbability(int duration) {
            return demography.durationProbability(duration);
        }

        /** Monthly chance of leaving care for a category and time in care. */
        public double exitProbability(int category, int duration) {
            double exposure = exitExposure[category][duration];
            return exposure <= 0 ? 0 : exitEvents[category][duration] / exposure;
        }

        /**
         * One simulated future's rates: each leaving chance from its beta posterior and each row of moves from its
         * Dirichlet posterior, given the events and exposure behind them (including the credibility prior's).
         */
        Rates draw(SplittableRandom random) {
            double[][] events = new double[CATEGORIES][DURATIONS];
            for (int c = 0; c < CATEGORIES; c++) {
                for (int d = 0; d < DURATIONS; d++) {
                    double exposure = exitExposure[c][d];
                    if (exposure > 0) {
                        double left = gamma(random, exitEvents[c][d] + 0.5);
                        double stayed = gamma(random, Math.max(0, exposure - exitEvents[c][d]) + 0.5);
                        events[c][d] = exposure * left / (left + stayed);
                    }
                }
            }
            double[][][] drawnMoves = new double[BANDS][CATEGORIES][CATEGORIES];
            for (int b = 0; b < BANDS; b++) {
                for (int c = 0; c < CATEGORIES; c++) {
                    for (int to = 0; to < CATEGORIES; to++) {
                        double count = moves[b][c][to];
                        drawnMoves[b][c][to] = count <= 0 ? 0 : gamma(random, count);
                    }
                }
            }
            return new Rates(
                    events,
                    exitExposure,
                    drawnMoves,
                    entries,
                    uascEntries,
                    entryCategory,
                    windowMonths,
                    stock,
                    demography);
        }

        public double entriesPerMonth() {
            double total = 0;
            for (int b = 0; b < BANDS; b++) {
                total += entries[b] + uascEntries[b];
            }
            return total / windowMonths;
        }
    }

    private StockFlowModel() {}

    /**
     * How children move up age bands and time-in-care bands, measured rather than assumed: a band's children are
     * not spread evenly over its ages (children entering at 17 leave at 18 within months), so the share moving up
     * each month is counted among those who stayed. Without data a band's width gives the chance.
     */
    record Demography(double[][] ageing, double[][] ageingExposure, double[] durationUp, double[] durationExposure) {
        static final Demography NONE = new Demography(
                new double[BANDS][CATEGORIES],
                new double[BANDS][CATEGORIES],
                new double[DURATIONS],
                new double[DURATIONS]);
        /** Time-in-care bands' widths in months: under 1, 1–6, 6–24, 24 or more. */
        private static final double[] DURATION_MONTHS = {1, 5, 18, Double.POSITIVE_INFINITY};

        void add(MonthlyFlows.Month month) {
            for (int b = 0; b < BANDS; b++) {
                for (int c = 0; c < CATEGORIES; c++) {
                    ageing[b][c] += month.ageing[b][c];
                    ageingExposure[b][c] += month.ageingExposure[b][c];
                }
            }
            for (int d = 0; d < DURATIONS; d++) {
                durationUp[d] += month.durationUp[d];
                durationExposure[d] += month.durationExposure[d];
            }
        }

        double ageingProbability(int band, int category) {
            double exposure = ageingExposure[band][category];
            return exposure > 0 ? ageing[band][category] / exposure : 1 / MONTHS_IN_BAND[band];
        }

        double durationProbability(int duration) {
            double exposure = durationExposure[duration];
            return exposure > 0 ? durationUp[duration] / exposure : 1 / DURATION_MONTHS[duration];
        }

        /** A council's counts plus the co-operative's chances over {@link #PRIOR_MONTHS} pseudo-months. */
        Demography shrink(Demography all) {
            double[][] events = new double[BANDS][CATEGORIES];
            double[][] exposure = new double[BANDS][CATEGORIES];
            for (int b = 0; b < BANDS; b++) {
                for (int c = 0; c < CATEGORIES; c++) {
                    events[b][c] = ageing[b][c] + PRIOR_MONTHS * all.ageingProbability(b, c);
                    exposure[b][c] = ageingExposure[b][c] + PRIOR_MONTHS;
                }
            }
            double[] up = new double[DURATIONS];
            double[] durationExposure = new double[DURATIONS];
            for (int d = 0; d < DURATIONS; d++) {
                up[d] = durationUp[d] + PRIOR_MONTHS * all.durationProbability(d);
                durationExposure[d] = this.durationExposure[d] + PRIOR_MONTHS;
            }
            return new Demography(events, exposure, up, durationExposure);
        }
    }

    /** Fits rates for each council (and ALL) over the {@code windowMonths} before {@code asOf}. */
    public static Map<String, Rates> fit(Ssda903Data data, LocalDate asOf, int windowMonths) {
        YearMonth origin = Forecast.originMonth(asOf);
        MonthlyFlows flows = MonthlyFlows.of(data.asOf(origin.atEndOfMonth()), origin, windowMonths);
        Rates[] fitted = fit(flows, origin, windowMonths);
        Map<String, Rates> rates = new LinkedHashMap<>();
        for (int c = 0; c < flows.councils().size(); c++) {
            rates.put(flows.councils().get(c), fitted[c]);
        }
        return rates;
    }

    /** Each council's rates (pulled towards the co-operative's) and, last, the co-operative's own. */
    static Rates[] fit(MonthlyFlows flows, YearMonth origin, int windowMonths) {
        int councils = flows.councils().size();
        Rates all = raw(flows, -1, origin, windowMonths);
        Rates[] rates = new Rates[councils + 1];
        for (int c = 0; c < councils; c++) {
            rates[c] = shrink(raw(flows, c, origin, windowMonths), all);
        }
        rates[councils] = all;
        return rates;
    }

    /** The co-operative's rates over the {@code windowMonths} before {@code asOf}, unshrunk. */
    static Rates raw(List<ChildInCare> children, LocalDate asOf, int windowMonths) {
        YearMonth origin = Forecast.originMonth(asOf);
        Ssda903Data data = new Ssda903Data(children).asOf(origin.atEndOfMonth());
        return raw(MonthlyFlows.of(data, origin, windowMonths), -1, origin, windowMonths);
    }

    /** Events and exposure summed over the window's months (council -1: the co-operative), and the origin's stock. */
    static Rates raw(MonthlyFlows flows, int council, YearMonth origin, int windowMonths) {
        double[][] exitEvents = new double[CATEGORIES][DURATIONS];
        double[][] exitExposure = new double[CATEGORIES][DURATIONS];
        double[][][] moves = new double[BANDS][CATEGORIES][CATEGORIES];
        double[] entries = new double[BANDS];
        double[] uascEntries = new double[BANDS];
        double[][] entryCategory = new double[BANDS][CATEGORIES];
        List<MonthlyFlows.Month> window = flows.window(council, origin, windowMonths);
        Demography demography = new Demography(
                new double[BANDS][CATEGORIES],
                new double[BANDS][CATEGORIES],
                new double[DURATIONS],
                new double[DURATIONS]);
        for (MonthlyFlows.Month month : window) {
            demography.add(month);
            for (int c = 0; c < CATEGORIES; c++) {
                for (int d = 0; d < DURATIONS; d++) {
                    exitEvents[c][d] += month.exitEvents[c][d];
                    exitExposure[c][d] += month.exitExposure[c][d];
                }
            }
            for (int b = 0; b < BANDS; b++) {
                entries[b] += month.entries[b];
                uascEntries[b] += month.uascEntries[b];
                for (int c = 0; c < CATEGORIES; c++) {
                    entryCategory[b][c] += month.entryCategory[b][c];
                    for (int to = 0; to < CATEGORIES; to++) {
                        moves[b][c][to] += month.moves[b][c][to];
                    }
                }
            }
        }
        MonthlyFlows.Month last = flows.month(council, origin);
        return new Rates(
                exitEvents,
                exitExposure,
                moves,
                entries,
                uascEntries,
                entryCategory,
                Math.max(1, window.size()),
                last == null ? new int[BANDS][CATEGORIES][DURATIONS] : last.stock,
                demography);
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
        return new int[] {band.ordinal(), episode.category().ordinal(), duration};
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
                entryCategory[b][c] =
                        council.entryCategory()[b][c] + (allTotal == 0 ? 0 : 5 * all.entryCategory()[b][c] / allTotal);
            }
        }
        return new Rates(
                events,
                exposure,
                moves,
                council.entries(),
                council.uascEntries(),
                entryCategory,
                council.windowMonths(),
                council.stock(),
                council.demography().shrink(all.demography()));
    }

    /**
     * Simulates one future of one council from its stock; returns month × age band × category counts. The rates
     * and entries given are this future's: a forecast draws them from their posterior first ({@link Rates#draw},
     * {@link Entries#draw}), so the spread of futures includes how uncertain the rates and the trend are.
     *
     * @param scenario its entry rate change scales entries (-0.1: 10% fewer); its step-down share moves children
     *        from children's homes to foster care.
     */
    static int[][][] simulate(Rates rates, Entries entries, int horizon, SplittableRandom random, Scenario scenario) {
        double entryChange = scenario.entryRateChange();
        double stepDown = scenario.monthlyStepDown();
        int[][][] stock = copy(rates.stock());
        int[][][] counts = new int[horizon][BANDS][CATEGORIES];
        for (int month = 0; month < horizon; month++) {
            int[][][] next = new int[BANDS][CATEGORIES][DURATIONS];
            for (int b = 0; b < BANDS; b++) {
                for (int c = 0; c < CATEGORIES; c++) {
                    for (int d = 0; d < DURATIONS; d++) {
                        advance(rates, stock[b][c][d], b, c, d, next, random, stepDown);
                    }
                }
                int entering = poisson(random, entries.rate(b, month + 1) * (1 + entryChange));
                for (int i = 0; i < entering; i++) {
                    int category = pick(random, rates.entryCategory()[b]);
                    // A band with no entrants in the window takes the commonest first placement, foster care.
                    next[b][category < 0 ? FOSTER : category][0]++;
                }
            }
            stock = next;
            for (int b = 0; b < BANDS; b++) {
                for (int c = 0; c < CATEGORIES; c++) {
                    for (int d = 0; d < DURATIONS; d++) {
                        counts[month][b][c] += stock[b][c][d];
                    }
                }
            }
        }
        return counts;
    }

    /**
     * The expected counts (month × age band × category) of the same chain as {@link #simulate} under the baseline:
     * each state's children split by the chances instead of drawn. The backtest scores candidate models with it,
     * many times per forecast, where simulating would be too slow; a test holds it to the simulations' mean.
     */
    static double[][][] expect(Rates rates, Entries entries, int horizon) {
        double[][][] stock = new double[BANDS][CATEGORIES][DURATIONS];
        for (int b = 0; b < BANDS; b++) {
            for (int c = 0; c < CATEGORIES; c++) {
                for (int d = 0; d < DURATIONS; d++) {
                    stock[b][c][d] = rates.stock()[b][c][d];
                }
            }
        }
        double[][][] moveShares = new double[BANDS][CATEGORIES][];
        double[][] entryShares = new double[BANDS][];
        for (int b = 0; b < BANDS; b++) {
            for (int c = 0; c < CATEGORIES; c++) {
                moveShares[b][c] = shares(rates.moves()[b][c], c);
            }
            entryShares[b] = shares(rates.entryCategory()[b], FOSTER);
        }
        double[][][] counts = new double[horizon][BANDS][CATEGORIES];
        for (int month = 0; month < horizon; month++) {
            double[][][] next = new double[BANDS][CATEGORIES][DURATIONS];
            for (int b = 0; b < BANDS; b++) {
                for (int c = 0; c < CATEGORIES; c++) {
                    double ageing = rates.ageingProbability(b, c);
                    for (int d = 0; d < DURATIONS; d++) {
                        double staying = stock[b][c][d] * (1 - Math.min(1, rates.exitProbability(c, d)));
                        if (staying == 0) {
                            continue;
                        }
                        double[] nextDuration = new double[DURATIONS];
                        double up = rates.durationProbability(d);
                        nextDuration[d] += 1 - up;
                        nextDuration[Math.min(DURATIONS - 1, d + 1)] += up;
                        for (int to = 0; to < CATEGORIES; to++) {
                            double moving = staying * moveShares[b][c][to];
                            for (int d2 = 0; d2 < DURATIONS; d2++) {
                                next[b][to][d2] += moving * (1 - ageing) * nextDuration[d2];
                                if (b + 1 < BANDS) {
                                    next[b + 1][to][d2] += moving * ageing * nextDuration[d2];
                                }
                            }
                        }
                    }
                }
                double entering = entries.rate(b, month + 1);
                for (int c = 0; c < CATEGORIES; c++) {
                    next[b][c][0] += entering * entryShares[b][c];
                }
            }
            stock = next;
            for (int b = 0; b < BANDS; b++) {
                for (int c = 0; c < CATEGORIES; c++) {
                    for (int d = 0; d < DURATIONS; d++) {
                        counts[month][b][c] += stock[b][c][d];
                    }
                }
            }
        }
        return counts;
    }

    /** Weights as shares summing to 1; all on {@code otherwise} when they are all zero (as {@link #pick} falls back). */
    private static double[] shares(double[] weights, int otherwise) {
        double total = sum(weights);
        double[] shares = new double[weights.length];
        if (total <= 0) {
            shares[otherwise] = 1;
            return shares;
        }
        for (int i = 0; i < weights.length; i++) {
            shares[i] = weights[i] / total;
        }
        return shares;
    }

    private static void advance(
            Rates rates,
            int n,
            int band,
            int category,
            int duration,
            int[][][] next,
            SplittableRandom random,
            double stepDown) {
        if (n == 0) {
            return;
        }
        int staying = n - binomial(random, n, rates.exitProbability(category, duration));
        int ageing = binomial(random, staying, rates.ageingProbability(band, category));
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
            int newDuration = random.nextDouble() < rates.durationProbability(duration)
                    ? Math.min(DURATIONS - 1, duration + 1)
                    : duration;
            next[newBand][newCategory][newDuration]++;
        }
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
