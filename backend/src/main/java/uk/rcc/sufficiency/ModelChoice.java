package uk.rcc.sufficiency;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;

/**
 * Which model a forecast uses, chosen without hindsight: every candidate is fitted at several origins before the
 * forecast's own and scored on how well it forecast the next 12 and 24 months there (a rolling-origin backtest on
 * the data before the as-of date only), by WAPE over the 7 planning categories: the sum of absolute errors of the
 * month-end counts over the sum of the counts. The best candidate, or the blend of the best five (weighted by the
 * inverse square of their scores), is kept.
 *
 * @param models the candidates the forecast simulates (one, or the blend's five), best first
 * @param shares each model's share of the simulated futures (summing to 1)
 * @param label how the choice reads in the summary: "12-month window, trended entries"
 * @param scores every candidate's (and the blend's) score, per authority (and ALL, on which the choice is made)
 */
public record ModelChoice(List<Candidate> models, List<Double> shares, String label, List<Score> scores) {
    /** One model, or models in equal shares. */
    public ModelChoice(List<Candidate> models, String label, List<Score> scores) {
        this(models, Collections.nCopies(models.size(), 1.0 / models.size()), label, scores);
    }

    /**
     * Reference windows of the rates (and of flat entries). The 60-month window keeps the rates steadier where only
     * entries change; it lowered the benchmark's WAPE on rising and stepped sets (forecast.md, run 3).
     */
    public static final int[] WINDOWS = {6, 12, 24, 36, 60};

    public static final String BLEND = "blend";
    /** How many of the best candidates the blend averages, each weighted by the inverse square of its score. */
    static final int BLEND_SIZE = 5;
    /** Inner origins: 12, 18, ... months before the forecast's origin. */
    static final int ORIGINS = 6;
    /** History an inner origin needs before it for its fit to mean anything. */
    static final int MIN_HISTORY_MONTHS = 12;
    /** Months of flows the choice reads: the deepest origin and the longest history fitted before it. */
    static final int SPAN =
            12 + 6 * (ORIGINS - 1) + Math.max(Entries.SHIFT_TREND_MONTHS, WINDOWS[WINDOWS.length - 1]) + 1;

    /** A candidate model: the reference window of the rates (and of flat entries), and how entries are modelled. */
    public record Candidate(int windowMonths, Entries.Kind entries) {
        public boolean trendedEntries() {
            return entries != Entries.Kind.FLAT;
        }

        public String code() {
            return "w" + windowMonths + "_" + entries.code();
        }

        public String label() {
            return windowMonths + "-month window, " + entries.label;
        }

        public static List<Candidate> all() {
            List<Candidate> all = new ArrayList<>();
            for (Entries.Kind kind : Entries.Kind.values()) {
                for (int window : WINDOWS) {
                    all.add(new Candidate(window, kind));
                }
            }
            return all;
        }
    }

    /**
     * A model's backtest score for one authority: WAPE over the categories at 12 and 24 months ahead (NaN where no
     * origin had that much history), the mean of the two being the score; {@code weight} its share in the forecast.
     */
    public record Score(
            String model, String label, String authority, double wape12, double wape24, int origins, double weight) {
        public double score() {
            return ModelChoice.score(wape12, wape24);
        }
    }

    /** One fixed model (as {@code --window-months} asks): flat entries over that window, not chosen. */
    static ModelChoice fixed(int windowMonths) {
        Candidate only = new Candidate(windowMonths, Entries.Kind.FLAT);
        return new ModelChoice(List.of(only), only.label() + " (fixed)", List.of());
    }

    public boolean chosen() {
        return !scores.isEmpty();
    }

    /** The chosen model's and every other candidate's score for the co-operative, best first. */
    public List<Score> cooperativeScores() {
        return scores.stream()
                .filter(s -> s.authority().equals(Forecast.ALL))
                .sorted(Comparator.comparingDouble(Score::score))
                .toList();
    }

    /** "chosen: 12-month window, trended entries; backtest WAPE 3.1% against 5.2% for the 36-month window, ...". */
    public String summary() {
        if (!chosen()) {
            return "Model: " + label + ".";
        }
        List<Score> all = cooperativeScores();
        Score best = all.get(0);
        StringBuilder text = new StringBuilder(String.format(
                Locale.ROOT,
                "Model chosen by backtest (%d origins "
                        + "before the as-of date, WAPE over categories, mean of 12 and 24 months): %s, %.1f%%; others:",
                best.origins(),
                label,
                100 * best.score()));
        for (Score score : all.subList(1, all.size())) {
            text.append(String.format(Locale.ROOT, " %s %.1f%%,", score.label(), 100 * score.score()));
        }
        text.setLength(text.length() - 1);
        return text.append('.').toString();
    }

    /** Scores every candidate at the inner origins before {@code origin} and keeps the best (or the blend). */
    static ModelChoice choose(MonthlyFlows flows, YearMonth origin) {
        List<Candidate> candidates = Candidate.all();
        List<YearMonth> origins = new ArrayList<>();
        for (int k = 0; k < ORIGINS; k++) {
            YearMonth inner = origin.minusMonths(12 + 6L * k);
            if (flows.month(0, inner.minusMonths(MIN_HISTORY_MONTHS - 1)) != null) {
                origins.add(inner);
            }
        }
        if (origins.isEmpty()) {
            Candidate fallback = new Candidate(12, Entries.Kind.FLAT);
            return new ModelChoice(List.of(fallback), fallback.label() + " (too little history to choose)", List.of());
        }
        List<String> authorities = new ArrayList<>(flows.councils());
        authorities.add(Forecast.ALL);
        // errors[candidate][authority][horizon: 0 = 12, 1 = 24] = {absolute error, actual}
        double[][][][] errors = new double[candidates.size() + 1][authorities.size()][2][2];
        List<double[][][][]> predictions = new ArrayList<>();
        for (Candidate candidate : candidates) {
            List<double[][][]> byOrigin = new ArrayList<>();
            for (YearMonth inner : origins) {
                byOrigin.add(project(flows, inner, candidate, 24));
            }
            predictions.add(byOrigin.toArray(double[][][][]::new));
        }
        for (int i = 0; i < candidates.size(); i++) {
            tally(flows, origins, predictions.get(i), errors[i]);
        }
        List<Integer> ranked = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            ranked.add(i);
        }
        int all = authorities.size() - 1;
        ranked.sort(Comparator.comparingDouble(i -> score(errors[i][all])));
        double[] blendShares = blendShares(ranked, i -> score(errors[i][all]));
        tally(flows, origins, blend(predictions, blendShares), errors[candidates.size()]);
        boolean blendWins = score(errors[candidates.size()][all]) < score(errors[ranked.get(0)][all]);
        double[] shares = new double[candidates.size()];
        if (blendWins) {
            shares = blendShares;
        } else {
            shares[ranked.get(0)] = 1;
        }
        List<Candidate> models = new ArrayList<>();
        List<Double> modelShares = new ArrayList<>();
        for (int i : ranked) {
            if (shares[i] > 0) {
                models.add(candidates.get(i));
                modelShares.add(shares[i]);
            }
        }
        String label =
                blendWins ? blendLabel(models, modelShares) : models.get(0).label();
        List<Score> scores = new ArrayList<>();
        for (int i = 0; i <= candidates.size(); i++) {
            boolean isBlend = i == candidates.size();
            String code = isBlend ? BLEND : candidates.get(i).code();
            String name = isBlend
                    ? "blend of the best " + BLEND_SIZE
                    : candidates.get(i).label();
            double weight = isBlend ? (blendWins ? 1 : 0) : shares[i];
            for (int a = 0; a < authorities.size(); a++) {
                scores.add(new Score(
                        code,
                        name,
                        authorities.get(a),
                        wape(errors[i][a][0]),
                        wape(errors[i][a][1]),
                        origins.size(),
                        weight));
            }
        }
        return new ModelChoice(models, modelShares, label, scores);
    }

    /**
     * Each candidate's share in the blend (by index; zero outside it): the best {@link #BLEND_SIZE}, weighted by the
     * inverse square of their scores, so a candidate twice as far off counts a quarter as much.
     */
    static double[] blendShares(List<Integer> ranked, IntToDoubleFunction score) {
        double[] shares = new double[ranked.size()];
        double total = 0;
        for (int i : ranked.subList(0, Math.min(BLEND_SIZE, ranked.size()))) {
            double s = score.applyAsDouble(i);
            shares[i] = 1 / (s * s);
            total += shares[i];
        }
        for (int i = 0; i < shares.length; i++) {
            shares[i] /= total;
        }
        return shares;
    }

    private static String blendLabel(List<Candidate> models, List<Double> shares) {
        List<String> parts = new ArrayList<>();
        for (int m = 0; m < models.size(); m++) {
            parts.add(String.format(Locale.ROOT, "%s %.0f%%", models.get(m).label(), 100 * shares.get(m)));
        }
        return "blend of " + String.join("; ", parts);
    }

    /**
     * A candidate's expected counts from an origin: [authority (councils, then ALL)][month ahead - 1][category].
     */
    static double[][][] project(MonthlyFlows flows, YearMonth origin, Candidate candidate, int horizon) {
        int councils = flows.councils().size();
        StockFlowModel.Rates[] rates = StockFlowModel.fit(flows, origin, candidate.windowMonths());
        Entries[] entries = Entries.fit(flows, origin, candidate.windowMonths(), candidate.entries());
        double[][][] projected = new double[councils + 1][horizon][StockFlowModel.CATEGORIES];
        for (int c = 0; c < councils; c++) {
            double[][][] expected = StockFlowModel.expect(rates[c], entries[c], horizon);
            for (int m = 0; m < horizon; m++) {
                for (int b = 0; b < StockFlowModel.BANDS; b++) {
                    for (int k = 0; k < StockFlowModel.CATEGORIES; k++) {
                        projected[c][m][k] += expected[m][b][k];
                        projected[councils][m][k] += expected[m][b][k];
                    }
                }
            }
        }
        return projected;
    }

    private static double[][][][] blend(List<double[][][][]> predictions, double[] shares) {
        double[][][][] first = predictions.get(0);
        double[][][][] mean = new double[first.length][first[0].length][first[0][0].length][first[0][0][0].length];
        for (int member = 0; member < shares.length; member++) {
            if (shares[member] == 0) {
                continue;
            }
            double[][][][] p = predictions.get(member);
            for (int o = 0; o < p.length; o++) {
                for (int a = 0; a < p[o].length; a++) {
                    for (int m = 0; m < p[o][a].length; m++) {
                        for (int k = 0; k < p[o][a][m].length; k++) {
                            mean[o][a][m][k] += p[o][a][m][k] * shares[member];
                        }
                    }
                }
            }
        }
        return mean;
    }

    /** Adds each origin's absolute errors over the categories at 12 and 24 months (where known) to the totals. */
    private static void tally(
            MonthlyFlows flows, List<YearMonth> origins, double[][][][] predictions, double[][][] totals) {
        int councils = flows.councils().size();
        for (int o = 0; o < origins.size(); o++) {
            for (int h = 0; h < 2; h++) {
                int ahead = h == 0 ? 12 : 24;
                YearMonth target = origins.get(o).plusMonths(ahead);
                if (flows.month(0, target) == null) {
                    continue;
                }
                for (int a = 0; a <= councils; a++) {
                    MonthlyFlows.Month actual = flows.month(a == councils ? -1 : a, target);
                    for (int k = 0; k < StockFlowModel.CATEGORIES; k++) {
                        double count = actual.count(-1, k);
                        totals[a][h][0] += Math.abs(predictions[o][a][ahead - 1][k] - count);
                        totals[a][h][1] += count;
                    }
                }
            }
        }
    }

    private static double score(double[][] totals) {
        return score(wape(totals[0]), wape(totals[1]));
    }

    /** The score the choice ranks by: the mean of the WAPE at 12 and 24 months (either alone where one is NaN). */
    static double score(double wape12, double wape24) {
        return Double.isNaN(wape24) ? wape12 : Double.isNaN(wape12) ? wape24 : (wape12 + wape24) / 2;
    }

    private static double wape(double[] total) {
        return total[1] == 0 ? Double.NaN : total[0] / total[1];
    }
}
