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
 *
 * <p>Each council's demand can change over the years ({@link Demand}): entries rising or falling year on year or
 * stepping down at a month, children's-home step-downs to foster care changing at a month, and a surge of
 * unaccompanied asylum-seeking children (written to uasc.csv). With warm-up years, the children already looked
 * after at the start (some for years) are in the returns too, as in a real return, instead of care starting empty.
 */
public final class Ssda903Generator {
    private static final DateTimeFormatter DFE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** Monthly chance of leaving care by time in care: under 1 month, 1–6 months, 6–24 months, 2 years or more. */
    public static final double[] EXIT_BY_DURATION = {0.20, 0.06, 0.03, 0.012};

    public static final double MOVE_CHANCE = 0.01;
    private static final int[] ENTRY_AGE_WEIGHTS = {20, 17, 18, 32, 13};
    private static final String[] PLACES = {"U4", "U1", "K2", "H5", "P1", "A3", "R3"};
    private static final double[] FIRST_PLACEMENT = {0.72, 0.12, 0.05, 0.0, 0.04, 0.0, 0.07};
    private static final int RESIDENTIAL = 2;

    /**
     * @param startsPerMonth mean starts a month per council; drift is the yearly relative change
     * @param demands each council's changes of demand (cycled over the councils; empty: none)
     * @param warmUpYears years simulated before {@code start} whose children still looked after at the start are
     *        written too (0: care starts empty at the start)
     */
    public record Spec(
            List<String> councils,
            double startsPerMonth,
            double drift,
            LocalDate start,
            int years,
            long seed,
            List<Demand> demands,
            int warmUpYears) {

        public Spec(List<String> councils, double startsPerMonth, double drift, LocalDate start, int years, long seed) {
            this(councils, startsPerMonth, drift, start, years, seed, List.of(), 0);
        }

        Demand demand(int council) {
            return demands.isEmpty() ? Demand.STEADY : demands.get(council % demands.size());
        }
    }

    /**
     * How one council's demand changes; months count from the spec's start.
     *
     * @param yearlyChange entries' relative change a year on top of the spec's drift (0.08: rising 8% a year)
     * @param step relative change of entries from {@code stepMonth} on (-0.15: a 15% step down)
     * @param stepDownBefore monthly chance that a child in a children's home steps down to foster care, before
     *        {@code stepDownMonth}; {@code stepDownAfter} from then on
     * @param uascPerMonth extra starts a month of unaccompanied 16 and 17-year-olds from {@code uascMonth} for
     *        {@code uascMonths} months
     */
    public record Demand(
            double yearlyChange,
            double step,
            int stepMonth,
            double stepDownBefore,
            double stepDownAfter,
            int stepDownMonth,
            double uascPerMonth,
            int uascMonth,
            int uascMonths) {
        public static final Demand STEADY = new Demand(0, 0, 0, 0, 0, 0, 0, 0, 0);

        public static Demand trend(double yearlyChange) {
            return new Demand(yearlyChange, 0, 0, 0, 0, 0, 0, 0, 0);
        }

        public Demand withStep(double change, int month) {
            return new Demand(
                    yearlyChange,
                    change,
                    month,
                    stepDownBefore,
                    stepDownAfter,
                    stepDownMonth,
                    uascPerMonth,
                    uascMonth,
                    uascMonths);
        }

        public Demand withStepDowns(double before, double after, int month) {
            return new Demand(yearlyChange, step, stepMonth, before, after, month, uascPerMonth, uascMonth, uascMonths);
        }

        public Demand withUascSurge(double perMonth, int month, int months) {
            return new Demand(
                    yearlyChange,
                    step,
                    stepMonth,
                    stepDownBefore,
                    stepDownAfter,
                    stepDownMonth,
                    perMonth,
                    month,
                    months);
        }

        double entryFactor(int month) {
            return Math.pow(1 + yearlyChange, Math.max(0, month) / 12.0)
                    * (step != 0 && month >= stepMonth ? 1 + step : 1);
        }

        double stepDown(int month) {
            return month >= stepDownMonth && stepDownMonth > 0 ? stepDownAfter : stepDownBefore;
        }

        double uasc(int month) {
            return month >= uascMonth && month < uascMonth + uascMonths ? uascPerMonth : 0;
        }
    }

    private Ssda903Generator() {}

    /** Writes one folder per council with header.csv and episodes.csv (and uasc.csv) in the DfE layout. */
    public static void write(Spec spec, Path directory) {
        SplittableRandom random = new SplittableRandom(spec.seed());
        for (int c = 0; c < spec.councils().size(); c++) {
            Council council =
                    new Council(spec, spec.demand(c), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            double size = 0.6 + 0.8 * c / Math.max(1, spec.councils().size() - 1);
            council.simulate(size, random.split());
            Path folder = directory.resolve(spec.councils().get(c));
            try {
                Files.createDirectories(folder);
                Files.write(
                        folder.resolve("header.csv"),
                        ExchangeWriter.csv(
                                List.of("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"),
                                council.headers(),
                                row -> row));
                Files.write(
                        folder.resolve("episodes.csv"),
                        ExchangeWriter.csv(
                                List.of(
                                        "CHILD",
                                        "DECOM",
                                        "RNE",
                                        "LS",
                                        "CIN",
                                        "PLACE",
                                        "PLACE_PROVIDER",
                                        "DEC",
                                        "REC",
                                        "REASON_PLACE_CHANGE",
                                        "HOME_POST",
                                        "PL_POST",
                                        "URN"),
                                council.episodes(),
                                row -> row));
                if (!council.uasc().isEmpty()) {
                    Files.write(
                            folder.resolve("uasc.csv"),
                            ExchangeWriter.csv(List.of("CHILD", "SEX", "DOB", "DUC"), council.uasc(), row -> row));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** One council's simulation and the rows it writes. */
    private record Council(
            Spec spec,
            Demand demand,
            List<List<Object>> headers,
            List<List<Object>> episodes,
            List<List<Object>> uasc) {

        void simulate(double size, SplittableRandom random) {
            int months = spec.years() * 12;
            int warmUp = spec.warmUpYears() * 12;
            LocalDate end = spec.start().plusMonths(months);
            int next = 100_000;
            for (int month = -warmUp; month < months; month++) {
                double rate = spec.startsPerMonth()
                        * size
                        * Math.pow(1 + spec.drift(), Math.max(0, month) / 12.0)
                        * demand.entryFactor(month);
                int starts = StockFlowModel.poisson(random, rate);
                double surge = demand.uasc(month) * size;
                int asylum = surge > 0 ? StockFlowModel.poisson(random, surge) : 0;
                for (int i = 0; i < starts + asylum; i++) {
                    LocalDate entry = spec.start().plusMonths(month).plusDays(random.nextInt(28));
                    simulateChild(String.valueOf(next++), entry, end, random, i >= starts);
                }
            }
        }

        private void simulateChild(
                String id, LocalDate entry, LocalDate end, SplittableRandom random, boolean unaccompanied) {
            int band = unaccompanied
                    ? 4
                    : pick(
                            random,
                            Arrays.stream(ENTRY_AGE_WEIGHTS).asDoubleStream().toArray());
            int[][] ages = {{0, 0}, {1, 4}, {5, 9}, {10, 15}, {16, 17}};
            int years = ages[band][0] + random.nextInt(ages[band][1] - ages[band][0] + 1);
            LocalDate dob = entry.minusYears(years).minusDays(random.nextInt(360));
            List<Object> header = List.of(id, random.nextBoolean() ? "1" : "2", DFE.format(dob), "WBRI", "", "", "");
            int category = pick(random, FIRST_PLACEMENT);
            if (years >= 16 && random.nextDouble() < (unaccompanied ? 0.6 : 0.3)) {
                category = 3;
            }
            List<List<Object>> own = new ArrayList<>();
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
                    own.add(episode(id, episodeStart, null, rne, category, null));
                    break;
                }
                if (agedOut || random.nextDouble() < EXIT_BY_DURATION[duration]) {
                    LocalDate exit = agedOut ? dob.plusYears(18) : day.minusDays(random.nextInt(20));
                    own.add(episode(
                            id,
                            episodeStart,
                            exit.isAfter(episodeStart) ? exit : episodeStart.plusDays(1),
                            rne,
                            category,
                            agedOut ? "E5" : "E13"));
                    break;
                }
                int newCategory = category;
                if (random.nextDouble() < MOVE_CHANCE) {
                    newCategory = pick(random, FIRST_PLACEMENT);
                }
                double stepDown = category == RESIDENTIAL ? demand.stepDown(monthOf(day)) : 0;
                if (stepDown > 0 && random.nextDouble() < stepDown) {
                    newCategory = 0;
                }
                if (newCategory != category) {
                    own.add(episode(id, episodeStart, day, rne, category, "X1"));
                    episodeStart = day;
                    rne = "P";
                    category = newCategory;
                }
            }
            // A return lists the episodes of the years it covers: a warm-up child's earlier ones are not in it.
            List<List<Object>> kept = own.stream()
                    .filter(e -> ((String) e.get(7)).isEmpty()
                            || !LocalDate.parse((String) e.get(7), DFE).isBefore(spec.start()))
                    .toList();
            if (!kept.isEmpty()) {
                headers.add(header);
                episodes.addAll(kept);
                if (unaccompanied) {
                    uasc.add(List.of(id, header.get(1), header.get(2), DFE.format(entry)));
                }
            }
        }

        private int monthOf(LocalDate day) {
            return (int)
                    java.time.temporal.ChronoUnit.MONTHS.between(spec.start().withDayOfMonth(1), day.withDayOfMonth(1));
        }
    }

    private static List<Object> episode(
            String id, LocalDate start, LocalDate end, String rne, int category, String reason) {
        return Arrays.asList(
                id,
                DFE.format(start),
                rne,
                "C2",
                "N1",
                PLACES[category],
                "PR1",
                end == null ? "" : DFE.format(end),
                reason == null ? "" : reason,
                "",
                "",
                "",
                "");
    }

    private static int pick(SplittableRandom random, double[] weights) {
        int index = StockFlowModel.pick(random, weights);
        return Math.max(0, index);
    }
}
