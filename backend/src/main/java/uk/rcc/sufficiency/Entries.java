package uk.rcc.sufficiency;

import java.time.YearMonth;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Children entering care a month by age band for one council, as a forecast uses them: flat (the reference
 * window's mean) or trended. Unaccompanied asylum-seeking children are a flat stream of their own in both: their
 * arrivals follow national events, not a council's trend.
 */
sealed interface Entries {
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

    /**
     * A Poisson regression of the council's monthly entries (not unaccompanied children) on time, with the
     * co-operative's month-of-year factors as an offset: log rate = level + slope × month + season. The slope is
     * pulled towards the co-operative's (itself pulled towards none) by a normal prior, so a small council's
     * noisy trend borrows from the co-operative's. Entries are split into age bands by the council's mix over the
     * same months, pulled towards the co-operative's mix.
     */
    record Trended(
            double level,
            double evidence,
            double[] times,
            double[] season,
            double slope,
            double slopeSd,
            double[] shares,
            Flat uasc,
            int originMonthOfYear)
            implements Entries {

        static Trended of(Regression fit, double[] shares, Flat uasc) {
            return new Trended(
                    fit.level(fit.slope()),
                    fit.total(),
                    fit.times(),
                    fit.season(),
                    fit.slope(),
                    fit.slopeSd(),
                    shares,
                    uasc,
                    fit.originMonthOfYear());
        }

        @Override
        public double rate(int band, int ahead) {
            return level
                            * shares[band]
                            * Math.exp(slope * ahead)
                            * season[Math.floorMod(originMonthOfYear - 1 + ahead, 12)]
                    + uasc.uascEntries()[band] / uasc.months();
        }

        /** The slope from its normal posterior, then the level from the gamma posterior of the total count. */
        @Override
        public Entries draw(SplittableRandom random) {
            Regression fit = new Regression(evidence, times, season, originMonthOfYear, slope, slopeSd);
            double b = slope + slopeSd * StockFlowModel.gaussian(random);
            double total = StockFlowModel.gamma(random, evidence + 0.5);
            double weights = fit.weights(b);
            return new Trended(
                    weights == 0 ? 0 : total / weights,
                    evidence,
                    times,
                    season,
                    b,
                    0,
                    shares,
                    (Flat) uasc.draw(random),
                    originMonthOfYear);
        }
    }

    /** Each council's entries (and the co-operative's, last) for a candidate model at an origin. */
    static Entries[] fit(MonthlyFlows flows, YearMonth origin, int windowMonths, boolean trended) {
        int councils = flows.councils().size();
        Entries[] fitted = new Entries[councils + 1];
        if (!trended) {
            for (int c = 0; c < councils; c++) {
                fitted[c] = Flat.of(flows.window(c, origin, windowMonths));
            }
            fitted[councils] = Flat.of(flows.window(-1, origin, windowMonths));
            return fitted;
        }
        double[] season = season(flows, origin);
        List<MonthlyFlows.Month> all = flows.window(-1, origin, TREND_MONTHS);
        double[] allShares = shares(all, null);
        Regression cooperative = Regression.fit(totals(all), season, origin, 0, COOPERATIVE_SLOPE_SD);
        for (int c = 0; c <= councils; c++) {
            List<MonthlyFlows.Month> months = c == councils ? all : flows.window(c, origin, TREND_MONTHS);
            Regression fit = c == councils
                    ? cooperative
                    : Regression.fit(totals(months), season, origin, cooperative.slope, COUNCIL_SLOPE_SD);
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
        double level = trend.level(trend.slope);
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

    /** A Poisson regression with a log link on time (0 at the origin, negative before) and a normal slope prior. */
    record Regression(
            double total, double[] times, double[] season, int originMonthOfYear, double slope, double slopeSd) {

        static Regression fit(double[] counts, double[] season, YearMonth origin, double priorSlope, double priorSd) {
            int n = counts.length;
            double[] times = new double[n];
            double[] offset = new double[n];
            double total = 0;
            for (int i = 0; i < n; i++) {
                times[i] = i - (n - 1);
                offset[i] = season[Math.floorMod(origin.getMonthValue() - 1 + (int) times[i], 12)];
                total += counts[i];
            }
            double priorPrecision = 1 / (priorSd * priorSd);
            if (total == 0) {
                return new Regression(0, times, season, origin.getMonthValue(), priorSlope, priorSd);
            }
            double b = priorSlope;
            double info = priorPrecision;
            for (int iteration = 0; iteration < 25; iteration++) {
                // The level has a closed form given the slope; Newton steps on the slope with the level profiled.
                double weights = 0;
                double weightedT = 0;
                double weightedT2 = 0;
                double countT = 0;
                for (int i = 0; i < n; i++) {
                    double w = Math.exp(b * times[i]) * offset[i];
                    weights += w;
                    weightedT += w * times[i];
                    weightedT2 += w * times[i] * times[i];
                    countT += counts[i] * times[i];
                }
                double meanT = weightedT / weights;
                double score = countT - total * meanT - (b - priorSlope) * priorPrecision;
                info = total * (weightedT2 / weights - meanT * meanT) + priorPrecision;
                double step = score / info;
                b += Math.max(-0.05, Math.min(0.05, step));
                if (Math.abs(step) < 1e-9) {
                    break;
                }
            }
            return new Regression(total, times, season, origin.getMonthValue(), b, Math.sqrt(1 / info));
        }

        /** Entries a month at the origin, before seasonality, for a slope: the total over the fitted shape. */
        double level(double b) {
            double weights = weights(b);
            return weights == 0 ? 0 : total / weights;
        }

        double weights(double b) {
            double weights = 0;
            for (int i = 0; i < times.length; i++) {
                weights += Math.exp(b * times[i]) * season[Math.floorMod(originMonthOfYear - 1 + (int) times[i], 12)];
            }
            return weights;
        }
    }
}
