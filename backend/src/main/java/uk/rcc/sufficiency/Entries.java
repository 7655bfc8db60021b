package uk.rcc.sufficiency;

import java.time.YearMonth;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Children entering care a month by age band for one council, as a forecast uses them: flat (the reference
 * window's mean) or trended. Unaccompanied asylum-seeking children are a flat stream of their own in both: their
 * arrivals follow national events, not a council's trend.
 */
public sealed interface Entries {
    /** Months of history a trend is fitted over (fewer when the data are shorter). */
    int TREND_MONTHS = 36;
    /** Months of co-operative history month-of-year seasonality is estimated from. */
    int SEASON_MONTHS = 60;
    /** Prior spread of a council's trend around the co-operative's (log change a month, about 5% a year). */
    double COUNCIL_SLOPE_SD = 0.004;
    /** Prior spread of the co-operative's trend around no trend (log change a month, about 25% a year). */
    double COOPERATIVE_SLOPE_SD = 0.02;
    /** Pseudo-entries pulling each month-of-year factor towards 1 and each council's age mix to the co-operative's. */
    double SEASON_PRIOR = 100;

    double SHARE_PRIOR = 10;
    /** Months of history a trend with a level shift is fitted over: a shift lets it reach further back. */
    int SHIFT_TREND_MONTHS = 60;
    /** Twice the log-likelihood a level shift must add to be kept, so that steady entries rarely show one. */
    double SHIFT_EVIDENCE = 12;
    /** Months of entries a level shift needs before it. */
    int SHIFT_MIN_BEFORE = 12;
    /** Months of entries a level shift needs after it. */
    int SHIFT_MIN_AFTER = 3;
    /** Prior spread of the co-operative's level shift (log) and of a council's around it. */
    double SHIFT_SD = 0.15;

    double COUNCIL_SHIFT_SD = 0.1;

    /** Expected entries in a band {@code ahead} months after the origin (1 = the first forecast month). */
    double rate(int band, int ahead);

    /** One simulated future's entry rates: its parameters drawn from their posterior given the data. */
    Entries draw(SplittableRandom random);

    /** The window's entries a month: counts by band over the months they were counted in. */
    record Flat(double[] entries, double[] uascEntries, double months) implements Entries {
        static Flat of(List<MonthlyFlows.Month> window) {
            double[] entries = new double[StockFlowModel.BANDS];
            double[] uasc = new double[StockFlowModel.BANDS];
            for (MonthlyFlows.Month month : window) {
                for (int b = 0; b < entries.length; b++) {
                    entries[b] += month.entries[b];
                    uasc[b] += month.uascEntries[b];
                }
            }
            return new Flat(entries, uasc, Math.max(1, window.size()));
        }

        @Override
        public double rate(int band, int ahead) {
            return (entries[band] + uascEntries[band]) / months;
        }

        /** Gamma posterior of each band's Poisson rate given its count (Jeffreys prior). */
        @Override
        public Entries draw(SplittableRandom random) {
            double[] entries = new double[this.entries.length];
            double[] uasc = new double[this.entries.length];
            for (int b = 0; b < entries.length; b++) {
                entries[b] = StockFlowModel.gamma(random, this.entries[b] + 0.5);
                uasc[b] = StockFlowModel.gamma(random, uascEntries[b] + 0.5);
            }
            return new Flat(entries, uasc, months);
        }
    }

    /** How entries are modelled: the window's mean, a trend, or a longer trend with a level shift where one shows. */
    enum Kind {
        FLAT("flat entries", "flat"),
        TRENDED("trended entries", "trend"),
        SHIFTED("entries trended over " + SHIFT_TREND_MONTHS + " months with any level shift", "shift");

        final String label;
        private final String code;

        Kind(String label, String code) {
            this.label = label;
            this.code = code;
        }

        /** As in the candidates' codes: {@code w12_shift}. */
        public String code() {
            return code;
        }
    }

    /**
     * A Poisson regression of the council's monthly entries (not unaccompanied children) on time, with the
     * co-operative's month-of-year factors as an offset: log rate = level + slope × month (+ shift from a month on)
     * + season. The slope (and shift) are pulled towards the co-operative's (itself pulled towards none) by normal
     * priors, so a small council's noisy trend borrows from the co-operative's. Entries are split into age bands by
     * the council's mix over the same months, pulled towards the co-operative's mix.
     */
    record Trended(Regression fit, double level, double slope, double shift, double[] shares, Flat uasc)
            implements Entries {

        static Trended of(Regression fit, double[] shares, Flat uasc) {
            return new Trended(
                    fit, fit.levelAtOrigin(fit.slope(), fit.shift()), fit.slope(), fit.shift(), shares, uasc);
        }

        @Override
        public double rate(int band, int ahead) {
            return level
                            * shares[band]
                            * Math.exp(slope * ahead)
                            * fit.season()[Math.floorMod(fit.originMonthOfYear() - 1 + ahead, 12)]
                    + uasc.uascEntries()[band] / uasc.months();
        }

        /** Slope and shift from their joint normal posterior, then the level from the gamma posterior of the count. */
        @Override
        public Entries draw(SplittableRandom random) {
            double[][] cov = fit.covariance();
            double z1 = StockFlowModel.gaussian(random);
            double sdSlope = Math.sqrt(cov[0][0]);
            double b = slope + sdSlope * z1;
            double d = shift;
            // Without a shift, no second draw: the futures of a plain trend stay those of the same seed as before.
            if (cov[1][1] > 0) {
                double loading = sdSlope == 0 ? 0 : cov[0][1] / sdSlope;
                d += loading * z1
                        + Math.sqrt(Math.max(0, cov[1][1] - loading * loading)) * StockFlowModel.gaussian(random);
            }
            double total = StockFlowModel.gamma(random, fit.total() + 0.5);
            double weights = fit.weights(b, d);
            return new Trended(
                    fit, weights == 0 ? 0 : total / weights * Math.exp(d), b, d, shares, (Flat) uasc.draw(random));
        }
    }

    /** Each council's entries (and the co-operative's, last) for a candidate model at an origin. */
    static Entries[] fit(MonthlyFlows flows, YearMonth origin, int windowMonths, Kind kind) {
        int councils = flows.councils().size();
        Entries[] fitted = new Entries[councils + 1];
        if (kind == Kind.FLAT) {
            for (int c = 0; c < councils; c++) {
                fitted[c] = Flat.of(flows.window(c, origin, windowMonths));
            }
            fitted[councils] = Flat.of(flows.window(-1, origin, windowMonths));
            return fitted;
        }
        int trendMonths = kind == Kind.SHIFTED ? SHIFT_TREND_MONTHS : TREND_MONTHS;
        double[] season = season(flows, origin);
        List<MonthlyFlows.Month> all = flows.window(-1, origin, trendMonths);
        double[] allShares = shares(all, null);
        Regression cooperative = kind == Kind.SHIFTED
                ? Regression.fitWithAnyShift(totals(all), season, origin)
                : Regression.fit(totals(all), season, origin, 0, COOPERATIVE_SLOPE_SD);
        for (int c = 0; c <= councils; c++) {
            List<MonthlyFlows.Month> months = c == councils ? all : flows.window(c, origin, trendMonths);
            Regression fit = c == councils
                    ? cooperative
                    : Regression.fit(
                            totals(months),
                            season,
                            origin,
                            cooperative.slope(),
                            COUNCIL_SLOPE_SD,
                            cooperative.shiftFrom(),
                            cooperative.shift(),
                            COUNCIL_SHIFT_SD);
            fitted[c] = Trended.of(
                    fit,
                    c == councils ? allShares : shares(months, allShares),
                    Flat.of(flows.window(c == councils ? -1 : c, origin, windowMonths)));
        }
        return fitted;
    }

    private static double[] totals(List<MonthlyFlows.Month> months) {
        return months.stream().mapToDouble(MonthlyFlows.Month::totalEntries).toArray();
    }

    private static double[] shares(List<MonthlyFlows.Month> months, double[] prior) {
        double[] shares = new double[StockFlowModel.BANDS];
        for (MonthlyFlows.Month month : months) {
            for (int b = 0; b < shares.length; b++) {
                shares[b] += month.entries[b];
            }
        }
        for (int b = 0; b < shares.length; b++) {
            shares[b] += prior == null ? 0.1 : SHARE_PRIOR * prior[b];
        }
        double total = StockFlowModel.sum(shares);
        for (int b = 0; b < shares.length; b++) {
            shares[b] /= total;
        }
        return shares;
    }

    /**
     * The co-operative's month-of-year factors: entries in each calendar month over what a log-linear trend
     * through the same months expects, pulled towards 1, averaging 1. All 1 with under two years of data.
     */
    static double[] season(MonthlyFlows flows, YearMonth origin) {
        double[] factors = new double[12];
        java.util.Arrays.fill(factors, 1);
        List<MonthlyFlows.Month> months = flows.window(-1, origin, SEASON_MONTHS);
        if (months.size() < 24) {
            return factors;
        }
        Regression trend = Regression.fit(totals(months), factors, origin, 0, COOPERATIVE_SLOPE_SD);
        double[] observed = new double[12];
        double[] expected = new double[12];
        double level = trend.levelAtOrigin(trend.slope, 0);
        for (int i = 0; i < months.size(); i++) {
            int moy = Math.floorMod(origin.getMonthValue() - 1 + (int) trend.times[i], 12);
            observed[moy] += months.get(i).totalEntries();
            expected[moy] += level * Math.exp(trend.slope * trend.times[i]);
        }
        double mean = 0;
        for (int m = 0; m < 12; m++) {
            factors[m] = (observed[m] + SEASON_PRIOR) / (expected[m] + SEASON_PRIOR);
            mean += factors[m] / 12;
        }
        for (int m = 0; m < 12; m++) {
            factors[m] /= mean;
        }
        return factors;
    }

    /**
     * A Poisson regression with a log link on time (0 at the origin, negative before), a normal slope prior and,
     * from {@code shiftFrom} on (infinite: none), a level shift with a normal prior. The level is profiled out.
     *
     * @param covariance of slope and shift (the shift's row and column zero when there is none)
     */
    record Regression(
            double total,
            double[] times,
            double[] counts,
            double[] season,
            int originMonthOfYear,
            double slope,
            double shiftFrom,
            double shift,
            double[][] covariance) {

        static Regression fit(double[] counts, double[] season, YearMonth origin, double priorSlope, double priorSd) {
            return fit(counts, season, origin, priorSlope, priorSd, Double.POSITIVE_INFINITY, 0, 0);
        }

        /**
         * The trend, with a level shift from the month where it explains the counts best if it explains them well
         * enough ({@link #SHIFT_EVIDENCE}); at least {@link #SHIFT_MIN_BEFORE} months before it and {@link #SHIFT_MIN_AFTER} after.
         */
        static Regression fitWithAnyShift(double[] counts, double[] season, YearMonth origin) {
            Regression best = fit(counts, season, origin, 0, COOPERATIVE_SLOPE_SD);
            double none = best.logLikelihood();
            double bestGain = SHIFT_EVIDENCE / 2;
            for (int from = -(counts.length - 1) + SHIFT_MIN_BEFORE; from <= 1 - SHIFT_MIN_AFTER; from++) {
                Regression shifted = fit(counts, season, origin, 0, COOPERATIVE_SLOPE_SD, from, 0, SHIFT_SD);
                double gain = shifted.logLikelihood() - none;
                if (gain > bestGain) {
                    bestGain = gain;
                    best = shifted;
                }
            }
            return best;
        }

        static Regression fit(
                double[] counts,
                double[] season,
                YearMonth origin,
                double priorSlope,
                double priorSd,
                double shiftFrom,
                double priorShift,
                double shiftSd) {
            int n = counts.length;
            double[] times = new double[n];
            double total = 0;
            for (int i = 0; i < n; i++) {
                times[i] = i - (n - 1);
                total += counts[i];
            }
            boolean shifted = shiftSd > 0 && times.length > 0 && times[0] < shiftFrom;
            double[] prior = {1 / (priorSd * priorSd), shifted ? 1 / (shiftSd * shiftSd) : 0};
            Regression fit = new Regression(
                    total,
                    times,
                    counts,
                    season,
                    origin.getMonthValue(),
                    priorSlope,
                    shifted ? shiftFrom : Double.POSITIVE_INFINITY,
                    shifted ? priorShift : 0,
                    new double[][] {{priorSd * priorSd, 0}, {0, shifted ? shiftSd * shiftSd : 0}});
            if (total == 0) {
                return fit;
            }
            double b = priorSlope;
            double d = fit.shift;
            double[][] info = new double[2][2];
            for (int iteration = 0; iteration < 30; iteration++) {
                // Newton steps on slope and shift with the level profiled out (it has a closed form given them).
                double w = 0;
                double[] wx = new double[2];
                double[][] wxx = new double[2][2];
                double[] yx = new double[2];
                for (int i = 0; i < n; i++) {
                    double[] x = {times[i], fit.after(i) ? 1 : 0};
                    double weight = fit.weight(i, b, d);
                    w += weight;
                    for (int j = 0; j < 2; j++) {
                        wx[j] += weight * x[j];
                        yx[j] += counts[i] * x[j];
                        for (int k = 0; k < 2; k++) {
                            wxx[j][k] += weight * x[j] * x[k];
                        }
                    }
                }
                double[] score = {
                    yx[0] - total * wx[0] / w - (b - priorSlope) * prior[0],
                    shifted ? yx[1] - total * wx[1] / w - (d - priorShift) * prior[1] : 0
                };
                for (int j = 0; j < 2; j++) {
                    for (int k = 0; k < 2; k++) {
                        info[j][k] = total * (wxx[j][k] / w - wx[j] / w * wx[k] / w) + (j == k ? prior[j] : 0);
                    }
                }
                if (!shifted) {
                    info[1][1] = 1;
                    info[0][1] = 0;
                    info[1][0] = 0;
                }
                double det = info[0][0] * info[1][1] - info[0][1] * info[1][0];
                double stepB = (info[1][1] * score[0] - info[0][1] * score[1]) / det;
                double stepD = (info[0][0] * score[1] - info[1][0] * score[0]) / det;
                b += Math.max(-0.05, Math.min(0.05, stepB));
                d += Math.max(-0.5, Math.min(0.5, stepD));
                if (Math.abs(stepB) < 1e-9 && Math.abs(stepD) < 1e-7) {
                    break;
                }
            }
            double det = info[0][0] * info[1][1] - info[0][1] * info[1][0];
            double[][] covariance = {
                {info[1][1] / det, -info[0][1] / det}, {-info[1][0] / det, shifted ? info[0][0] / det : 0}
            };
            return new Regression(
                    total,
                    times,
                    counts,
                    season,
                    origin.getMonthValue(),
                    b,
                    fit.shiftFrom,
                    shifted ? d : 0,
                    covariance);
        }

        private boolean after(int i) {
            return times[i] >= shiftFrom;
        }

        private double weight(int i, double b, double d) {
            return Math.exp(b * times[i] + (after(i) ? d : 0))
                    * season[Math.floorMod(originMonthOfYear - 1 + (int) times[i], 12)];
        }

        /** The log-likelihood of the counts (up to a constant) at the fitted slope and shift, level profiled out. */
        double logLikelihood() {
            double weights = weights(slope, shift);
            if (total == 0 || weights == 0) {
                return 0;
            }
            double sum = 0;
            for (int i = 0; i < times.length; i++) {
                sum += counts[i] * Math.log(weight(i, slope, shift) / weights);
            }
            return sum;
        }

        /** Entries a month at the origin, before seasonality, for a slope and shift. */
        double levelAtOrigin(double b, double d) {
            double weights = weights(b, d);
            return weights == 0 ? 0 : total / weights * Math.exp(d);
        }

        double weights(double b, double d) {
            double weights = 0;
            for (int i = 0; i < times.length; i++) {
                weights += weight(i, b, d);
            }
            return weights;
        }
    }
}
