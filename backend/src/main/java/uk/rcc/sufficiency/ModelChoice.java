package uk.rcc.sufficiency;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Which model a forecast uses, chosen without hindsight: every candidate is fitted at several origins before the
 * forecast's own and scored on how well it forecast the next 12 and 24 months there (a rolling-origin backtest on
 * the data before the as-of date only), by WAPE over the 7 planning categories: the sum of absolute errors of the
 * month-end counts over the sum of the counts. The best candidate, or the blend of the best three, is kept.
 *
 * @param models the candidates the forecast simulates, in equal shares (one, or the blend's three)
 * @param label how the choice reads in the summary: "12-month window, trended entries"
 * @param scores every candidate's (and the blend's) score, per authority (and ALL, on which the choice is made)
 */
public record ModelChoice(List<Candidate> models, String label, List<Score> scores) {
    public static final int[] WINDOWS = {6, 12, 24, 36};
    public static final String BLEND = "blend";
    /** How many of the best candidates the blend averages. */
    static final int BLEND_SIZE = 3;
    /** Inner origins: 12, 18, ... months before the forecast's origin. */
    static final int ORIGINS = 6;
    /** History an inner origin needs before it for its fit to mean anything. */
    static final int MIN_HISTORY_MONTHS = 12;
    /** Months of flows the choice reads: the deepest origin and the longest history fitted before it. */
    static final int SPAN = 12 + 6 * (ORIGINS - 1) + Entries.SHIFT_TREND_MONTHS + 1;

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
            return Double.isNaN(wape24) ? wape12 : Double.isNaN(wape12) ? wape24 : (wape12 + wape24) / 2;
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
        List<Integer> best = ranked.subList(0, BLEND_SIZE);
        tally(flows, origins, blend(predictions, best), errors[candidates.size()]);
        boolean blendWins = score(errors[candidates.size()][all]) < score(errors[ranked.get(0)][all]);
        List<Candidate> models =
                blendWins ? best.stream().map(candidates::get).toList() : List.of(candidates.get(ranked.get(0)));
        String label = blendWins
                ? "blend of "
                        + String.join(
                                "; ", models.stream().map(Candidate::label).toList())
                : models.get(0).label();
        List<Score> scores = new ArrayList<>();
        for (int i = 0; i <= candidates.size(); i++) {
            boolean isBlend = i == candidates.size();
            String code = isBlend ? BLEND : candidates.get(i).code();
            String name = isBlend
                    ? "blend of the best " + BLEND_SIZE
                    : candidates.get(i).label();
            double weight = isBlend
                    ? (blendWins ? 1 : 0)
                    : !blendWins ? (i == ranked.get(0) ? 1 : 0) : best.contains(i) ? 1.0 / BLEND_SIZE : 0;
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
        return new ModelChoice(models, label, scores);
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

    private static double[][][][] blend(List<double[][][][]> predictions, List<Integer> members) {
        double[][][][] first = predictions.get(members.get(0));
        double[][][][] mean = new double[first.length][first[0].length][first[0][0].length][first[0][0][0].length];
        for (int member : members) {
            double[][][][] p = predictions.get(member);
            for (int o = 0; o < p.length; o++) {
                for (int a = 0; a < p[o].length; a++) {
                    for (int m = 0; m < p[o][a].length; m++) {
                        for (int k = 0; k < p[o][a][m].length; k++) {
                            mean[o][a][m][k] += p[o][a][m][k] / members.size();
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
        double w12 = wape(totals[0]);
        double w24 = wape(totals[1]);
        return Double.isNaN(w24) ? w12 : (w12 + w24) / 2;
    }

    private static double wape(double[] total) {
        return total[1] == 0 ? Double.NaN : total[0] / total[1];
    }
}
