package uk.rcc.sufficiency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import uk.rcc.exchange.ExchangeWriter;

/**
 * Synthetic SSDA903 returns for a co-operative with known rates, for testing the model: each council's children
 * enter care (with a steady drift), move between placement types, leave with a chance that falls with time in
 * care, and age out at 18. National shape (DfE 2024: 83,630 looked after, 32,330 starting care a year, ~70% in
 * foster care, ~11% in children's homes): a council of 100,000 children sees about 5 starts a month.
 */
public final class Ssda903Generator {
    private static final DateTimeFormatter DFE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** Monthly chance of leaving care by time in care: under 1 month, 1–6 months, 6–24 months, 2 years or more. */
    public static final double[] EXIT_BY_DURATION = { 0.20, 0.06, 0.03, 0.012 };
    public static final double MOVE_CHANCE = 0.01;
    private static final int[] ENTRY_AGE_WEIGHTS = { 20, 17, 18, 32, 13 };
    private static final String[] PLACES = { "U4", "U1", "K2", "H5", "P1", "A3", "R3" };
    private static final double[] FIRST_PLACEMENT = { 0.72, 0.12, 0.05, 0.0, 0.04, 0.0, 0.07 };

    /** @param startsPerMonth mean starts a month per council; drift is the yearly relative change */
    public record Spec(List<String> councils, double startsPerMonth, double drift, LocalDate start, int years,
            long seed) {
    }

    private Ssda903Generator() {
    }

    /** Writes one folder per council with header.csv and episodes.csv in the DfE layout. */
    public static void write(Spec spec, Path directory) {
        SplittableRandom random = new SplittableRandom(spec.seed());
        for (int c = 0; c < spec.councils().size(); c++) {
            List<List<Object>> headers = new ArrayList<>();
            List<List<Object>> episodes = new ArrayList<>();
            double size = 0.6 + 0.8 * c / Math.max(1, spec.councils().size() - 1);
            simulateCouncil(spec, size, random.split(), headers, episodes);
            Path folder = directory.resolve(spec.councils().get(c));
            try {
                Files.createDirectories(folder);
                Files.write(folder.resolve("header.csv"), ExchangeWriter.csv(List.of("CHILD", "SEX", "DOB", "ETHNIC",
                        "UPN", "MOTHER", "MC_DOB"), headers, row -> row));
                Files.write(folder.resolve("episodes.csv"), ExchangeWriter.csv(List.of("CHILD", "DECOM", "RNE", "LS",
                        "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST",
                        "URN"), episodes, row -> row));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void simulateCouncil(Spec spec, double size, SplittableRandom random, List<List<Object>> headers,
            List<List<Object>> episodes) {
        int months = spec.years() * 12;
        LocalDate end = spec.start().plusMonths(months);
        int next = 100_000;
        for (int month = 0; month < months; month++) {
            double rate = spec.startsPerMonth() * size * Math.pow(1 + spec.drift(), month / 12.0);
            int starts = StockFlowModel.poisson(random, rate);
            for (int i = 0; i < starts; i++) {
                LocalDate entry = spec.start().plusMonths(month).plusDays(random.nextInt(28));
                simulateChild(String.valueOf(next++), entry, end, random, headers, episodes);
            }
        }
    }

    private static void simulateChild(String id, LocalDate entry, LocalDate end, SplittableRandom random,
            List<List<Object>> headers, List<List<Object>> episodes) {
        int band = pick(random, Arrays.stream(ENTRY_AGE_WEIGHTS).asDoubleStream().toArray());
        int[][] ages = { { 0, 0 }, { 1, 4 }, { 5, 9 }, { 10, 15 }, { 16, 17 } };
        int years = ages[band][0] + random.nextInt(ages[band][1] - ages[band][0] + 1);
        LocalDate dob = entry.minusYears(years).minusDays(random.nextInt(360));
        headers.add(List.of(id, random.nextBoolean() ? "1" : "2", DFE.format(dob), "WBRI", "", "", ""));
        int category = pick(random, FIRST_PLACEMENT);
        if (years >= 16 && random.nextDouble() < 0.3) {
            category = 3;
        }
        LocalDate episodeStart = entry;
        String rne = "S";
        LocalDate day = entry;
        int monthsInCare = 0;
        while (true) {
            day = day.plusMonths(1);
            monthsInCare++;
            int duration = monthsInCare <= 1 ? 0 : monthsInCare <= 6 ? 1 : monthsInCare <= 24 ? 2 : 3;
            boolean agedOut = !day.isBefore(dob.plusYears(18));
            if (!day.isBefore(end)) {
                episodes.add(episode(id, episodeStart, null, rne, category, null));
                return;
            }
            if (agedOut || random.nextDouble() < EXIT_BY_DURATION[duration]) {
                LocalDate exit = agedOut ? dob.plusYears(18) : day.minusDays(random.nextInt(20));
                episodes.add(episode(id, episodeStart, exit.isAfter(episodeStart) ? exit : episodeStart.plusDays(1),
                        rne, category, agedOut ? "E5" : "E13"));
                return;
            }
            if (random.nextDouble() < MOVE_CHANCE) {
                int newCategory = pick(random, FIRST_PLACEMENT);
                if (newCategory != category) {
                    episodes.add(episode(id, episodeStart, day, rne, category, "X1"));
                    episodeStart = day;
                    rne = "P";
                    category = newCategory;
                }
            }
        }
    }

    private static List<Object> episode(String id, LocalDate start, LocalDate end, String rne, int category,
            String reason) {
        return Arrays.asList(id, DFE.format(start), rne, "C2", "N1", PLACES[category], "PR1",
                end == null ? "" : DFE.format(end), reason == null ? "" : reason, "", "", "", "");
    }

    private static int pick(SplittableRandom random, double[] weights) {
        int index = StockFlowModel.pick(random, weights);
        return Math.max(0, index);
    }
}
