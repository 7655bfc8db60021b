package uk.rcc.sufficiency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.rcc.sufficiency.Ssda903Generator.Demand;

/** The model chosen by backtest: without hindsight, and better than the naive forecasts when demand changes. */
class ForecastChoiceTest {
    private static final List<String> COUNCILS = List.of("E06000057", "E06000047", "E06000063", "E06000064");
    private static final DateTimeFormatter DFE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @TempDir
    Path temp;

    @Test
    void deletingEveryRecordAfterTheAsOfDateDoesNotChangeTheForecast() throws IOException {
        Path full = temp.resolve("full");
        Ssda903Generator.write(
                new Ssda903Generator.Spec(
                        COUNCILS,
                        8,
                        0,
                        LocalDate.of(2014, 4, 1),
                        9,
                        21,
                        List.of(Demand.trend(0.08), Demand.STEADY.withStep(-0.15, 60)),
                        10),
                full);
        LocalDate asOf = LocalDate.of(2021, 3, 31);
        Path cut = temp.resolve("cut");
        for (String council : COUNCILS) {
            returnAsOf(full.resolve(council), cut.resolve(council), asOf);
        }
        Forecast.Settings settings = new Forecast.Settings(asOf, 24, 200, 5, 0, 0);

        Forecast.Result withLater =
                Forecast.forecast(Ssda903Reader.read(full, false).data(), settings);
        Forecast.Result without =
                Forecast.forecast(Ssda903Reader.read(cut, false).data(), settings);

        assertThat(Ssda903Reader.read(cut, false).data().lastDate()).isBeforeOrEqualTo(asOf);
        assertThat(withLater.choice()).isEqualTo(without.choice());
        assertThat(withLater.choice().scores())
                .hasSize((ModelChoice.Candidate.all().size() + 1) * (COUNCILS.size() + 1));
        assertThat(withLater.rows()).hasSameSizeAs(without.rows());
        for (int i = 0; i < withLater.rows().size(); i++) {
            assertThat(withLater.rows().get(i).quantiles())
                    .containsExactly(without.rows().get(i).quantiles());
        }
        for (int i = 0; i < withLater.byAge().size(); i++) {
            assertThat(withLater.byAge().get(i).quantiles())
                    .containsExactly(without.byAge().get(i).quantiles());
        }
    }

    @Test
    void onFallingAndSteppedReturnsTheChosenModelBeatsLastValueAndTheStraightLineWithIntervalsThatCover() {
        Map<String, Demand> shapes = Map.of(
                "falling", Demand.trend(-0.05).withStep(-0.15, 72).withStepDowns(0.002, 0.02, 72),
                "stepped", Demand.STEADY.withStep(-0.2, 66));
        for (var shape : shapes.entrySet()) {
            List<Backtest.Point> points = backtest(shape.getKey(), shape.getValue());
            for (int horizon : Backtest.HORIZONS) {
                double model = Backtest.wapeOverCategories(points, Forecast.ALL, horizon, "model");
                assertThat(model)
                        .as(shape.getKey() + " at " + horizon + " months against last value")
                        .isLessThan(Backtest.wapeOverCategories(points, Forecast.ALL, horizon, "last_value"));
                assertThat(model)
                        .as(shape.getKey() + " at " + horizon + " months against the straight line")
                        .isLessThan(Backtest.wapeOverCategories(points, Forecast.ALL, horizon, "trend"));
            }
            assertThat(Backtest.coverage80(points))
                    .as(shape.getKey() + " 80% interval coverage")
                    .isBetween(0.70, 0.90);
        }
    }

    /**
     * On steadily rising entries the model beats last value at both horizons and the straight line at 12 months;
     * at 24 months the straight line is still better (4.3% against 3.1% here; see docs/forecast-model.md).
     */
    @Test
    void onRisingReturnsTheChosenModelBeatsLastValueAndTheStraightLineAt12Months() {
        List<Backtest.Point> points = backtest("rising", Demand.trend(0.10));
        for (int horizon : Backtest.HORIZONS) {
            assertThat(Backtest.wapeOverCategories(points, Forecast.ALL, horizon, "model"))
                    .as(horizon + " months")
                    .isLessThan(Backtest.wapeOverCategories(points, Forecast.ALL, horizon, "last_value"));
        }
        assertThat(Backtest.wapeOverCategories(points, Forecast.ALL, 12, "model"))
                .isLessThan(Backtest.wapeOverCategories(points, Forecast.ALL, 12, "trend"));
        assertThat(Backtest.coverage80(points)).isBetween(0.70, 0.90);
    }

    private List<Backtest.Point> backtest(String name, Demand demand) {
        Path folder = temp.resolve(name);
        Ssda903Generator.write(
                new Ssda903Generator.Spec(COUNCILS, 17, 0, LocalDate.of(2014, 4, 1), 10, 1, List.of(demand), 18),
                folder);
        Ssda903Data data = Ssda903Reader.read(folder, false).data();
        return Backtest.run(data, data.lastDate(), 4, 100, 903, 0);
    }

    @Test
    void onRisingEntriesTheChoiceKeepsATrendedModelAndOnAFallItScoresBetterThanTheOld36MonthWindow() {
        Ssda903Data rising = generate(List.of(Demand.trend(0.12)));
        ModelChoice choice = Forecast.forecast(rising, new Forecast.Settings(LocalDate.of(2024, 3, 31), 1, 1, 1, 0, 0))
                .choice();
        assertThat(choice.models()).anyMatch(ModelChoice.Candidate::trendedEntries);
        assertThat(choice.summary()).startsWith("Model chosen by backtest").contains(choice.label());

        Ssda903Data falling = generate(List.of(Demand.trend(-0.05).withStep(-0.15, 96)));
        List<ModelChoice.Score> scores = Forecast.forecast(
                        falling, new Forecast.Settings(LocalDate.of(2024, 3, 31), 1, 1, 1, 0, 0))
                .choice()
                .cooperativeScores();
        double chosen = scores.stream()
                .filter(s -> s.weight() > 0)
                .mapToDouble(ModelChoice.Score::score)
                .min()
                .orElseThrow();
        double w36 = scores.stream()
                .filter(s -> s.model().equals("w36_flat"))
                .findFirst()
                .orElseThrow()
                .score();
        assertThat(chosen).isLessThan(w36);
    }

    @Test
    void theExpectedCountsAreTheMeanOfTheSimulatedFutures() {
        Ssda903Data data = generate(List.of(Demand.trend(0.08)));
        java.time.YearMonth origin = java.time.YearMonth.of(2023, 3);
        MonthlyFlows flows = MonthlyFlows.of(data.asOf(origin.atEndOfMonth()), origin, 60);
        StockFlowModel.Rates rates = StockFlowModel.fit(flows, origin, 24)[0];
        Entries entries = Entries.fit(flows, origin, 24, Entries.Kind.TRENDED)[0];
        int futures = 2000;
        double[][] mean = new double[24][StockFlowModel.CATEGORIES];
        SplittableRandom random = new SplittableRandom(3);
        for (int run = 0; run < futures; run++) {
            int[][][] counts = StockFlowModel.simulate(rates, entries, 24, random.split(), Scenario.BASELINE);
            for (int m = 0; m < 24; m++) {
                for (int b = 0; b < StockFlowModel.BANDS; b++) {
                    for (int c = 0; c < StockFlowModel.CATEGORIES; c++) {
                        mean[m][c] += counts[m][b][c] / (double) futures;
                    }
                }
            }
        }
        double[][][] expected = StockFlowModel.expect(rates, entries, 24);
        for (int m : new int[] {0, 11, 23}) {
            for (int c = 0; c < StockFlowModel.CATEGORIES; c++) {
                double sum = 0;
                for (int b = 0; b < StockFlowModel.BANDS; b++) {
                    sum += expected[m][b][c];
                }
                assertThat(sum)
                        .as("month %d category %s", m + 1, Category.values()[c])
                        .isCloseTo(mean[m][c], within(0.02 * mean[m][c] + 0.5));
            }
        }
    }

    @Test
    void aTrendFittedToRisingEntriesFindsTheirGrowth() {
        Ssda903Data data = generate(List.of(Demand.trend(0.12)));
        java.time.YearMonth origin = java.time.YearMonth.of(2024, 3);
        MonthlyFlows flows = MonthlyFlows.of(data.asOf(origin.atEndOfMonth()), origin, 60);
        Entries.Trended all = (Entries.Trended) Entries.fit(flows, origin, 12, Entries.Kind.TRENDED)[COUNCILS.size()];
        assertThat(Math.exp(12 * all.slope()) - 1).isCloseTo(0.12, within(0.05));
        Entries.Flat flat = (Entries.Flat) Entries.fit(flows, origin, 12, Entries.Kind.FLAT)[COUNCILS.size()];
        // The trended rate a year ahead is above the last year's mean, which the flat model keeps.
        double trended = 0;
        double kept = 0;
        for (int b = 0; b < StockFlowModel.BANDS; b++) {
            trended += all.rate(b, 12);
            kept += flat.rate(b, 12);
        }
        assertThat(trended).isGreaterThan(kept * 1.1);
    }

    @Test
    void aStepDownInEntriesIsFoundAndTheForecastStartsFromTheNewLevel() {
        Ssda903Data data = generate(List.of(Demand.STEADY.withStep(-0.2, 108)));
        java.time.YearMonth origin = java.time.YearMonth.of(2024, 3);
        MonthlyFlows flows = MonthlyFlows.of(data.asOf(origin.atEndOfMonth()), origin, ModelChoice.SPAN);
        Entries.Trended shifted =
                (Entries.Trended) Entries.fit(flows, origin, 12, Entries.Kind.SHIFTED)[COUNCILS.size()];

        // The step, at month 108 of 120, is found within a few months, and its size is about right.
        assertThat(shifted.fit().shiftFrom()).isBetween(-15.0, -9.0);
        assertThat(Math.exp(shifted.shift()) - 1).isCloseTo(-0.2, within(0.07));
        double before = 0;
        for (MonthlyFlows.Month month : flows.window(-1, origin.minusMonths(24), 48)) {
            before += month.totalEntries() / 48;
        }
        double ahead = 0;
        for (int b = 0; b < StockFlowModel.BANDS; b++) {
            ahead += shifted.rate(b, 12);
        }
        assertThat(ahead / before).isCloseTo(0.8, within(0.08));
    }

    @Test
    void steadyOrSmoothlyRisingEntriesShowNoLevelShift() {
        java.time.YearMonth origin = java.time.YearMonth.of(2024, 3);
        for (Demand demand : List.of(Demand.STEADY, Demand.trend(0.08))) {
            Ssda903Data data = generate(List.of(demand));
            MonthlyFlows flows = MonthlyFlows.of(data.asOf(origin.atEndOfMonth()), origin, ModelChoice.SPAN);
            Entries.Trended all =
                    (Entries.Trended) Entries.fit(flows, origin, 12, Entries.Kind.SHIFTED)[COUNCILS.size()];
            assertThat(all.shift()).as("%s", demand).isZero();
            assertThat(all.fit().shiftFrom()).isInfinite();
        }
    }

    @Test
    void spendQuantilesAreOfEachFuturesYearNotSumsOfMonthlyQuantiles() {
        Ssda903Data data = generate(List.of(Demand.STEADY));
        Forecast.Result forecast =
                Forecast.forecast(data, new Forecast.Settings(LocalDate.of(2023, 3, 31), 12, 400, 2, 0, 0));
        Map<Category, Double> weekly = ForecastCommand.WEEKLY_COST;
        SufficiencyTables.Cost year = SufficiencyTables.costs(forecast, weekly).stream()
                .filter(c -> c.financialYear().equals("2023-24")
                        && c.authority().equals(Forecast.ALL)
                        && c.category().equals(Forecast.ALL))
                .findFirst()
                .orElseThrow();
        double p10 = 0;
        double p50 = 0;
        double p90 = 0;
        for (Forecast.Row row : forecast.rows()) {
            if (row.authority().equals(Forecast.ALL) && !row.category().equals(Forecast.ALL)) {
                double monthly = weekly.get(Category.valueOf(row.category())) * 52 / 12;
                p10 += monthly * row.quantiles()[1];
                p50 += monthly * row.median();
                p90 += monthly * row.quantiles()[5];
            }
        }
        assertThat(year.months()).isEqualTo(12);
        assertThat(year.p50()).isCloseTo(p50, within(0.03 * p50));
        // Children's-home and foster months of one future are not all at their 90th percentile at once.
        assertThat(year.p90() - year.p10()).isLessThan(0.9 * (p90 - p10)).isPositive();
    }

    @Test
    void theCommandWritesForecastsAndPlacesNeededByAgeBandAndEveryCandidatesScore(@TempDir Path out)
            throws IOException {
        Path returns = temp.resolve("command");
        Ssda903Generator.write(
                new Ssda903Generator.Spec(
                        COUNCILS, 6, 0, LocalDate.of(2016, 4, 1), 7, 8, List.of(Demand.trend(0.05)), 10),
                returns);
        int exit = ForecastCommand.run(
                List.of(
                        "--episodes",
                        returns.toString(),
                        "--out",
                        out.toString(),
                        "--horizon-months",
                        "12",
                        "--runs",
                        "200",
                        "--backtest-origins",
                        "1"),
                new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
                System.err);

        assertThat(exit).isZero();
        List<String> byAge = Files.readAllLines(out.resolve("forecast_by_age.csv"));
        assertThat(byAge.get(0)).isEqualTo("month,authority,age_band,category,p025,p10,p25,p50,p75,p90,p975");
        assertThat(byAge)
                .hasSize(1 + 12 * (COUNCILS.size() + 1) * AgeBand.values().length * (Category.values().length + 1));
        // The age bands' medians add up to about the council's median (quantiles do not add exactly).
        String last = byAge.get(byAge.size() - 1).split(",")[0];
        double bands = byAge.stream()
                .filter(l -> l.startsWith(last + ",ALL,") && l.split(",")[3].equals("ALL"))
                .mapToDouble(l -> Double.parseDouble(l.split(",")[7]))
                .sum();
        double total = Files.readAllLines(out.resolve("forecast.csv")).stream()
                .filter(l -> l.startsWith(last + ",ALL,ALL,"))
                .mapToDouble(l -> Double.parseDouble(l.split(",")[6]))
                .findFirst()
                .orElseThrow();
        assertThat(bands).isCloseTo(total, within(0.03 * total));
        assertThat(Files.readAllLines(out.resolve("places_needed_by_age.csv")))
                .first()
                .asString()
                .startsWith("month,authority,age_band,category,confidence,places_needed");
        List<String> choice = Files.readAllLines(out.resolve("model_choice.csv"));
        assertThat(choice).hasSize(1 + (ModelChoice.Candidate.all().size() + 1) * (COUNCILS.size() + 1));
        assertThat(choice.stream().filter(l -> l.endsWith(",true"))).isNotEmpty();
        assertThat(Files.readAllLines(out.resolve("backtest.csv")).get(0))
                .contains("chosen_model")
                .contains("wape_w6_flat")
                .contains("wape_w36_trend")
                .contains("wape_w36_shift");
    }

    private Ssda903Data generate(List<Demand> demands) {
        Path folder = temp.resolve("g" + demands.hashCode());
        Ssda903Generator.write(
                new Ssda903Generator.Spec(COUNCILS, 12, 0, LocalDate.of(2014, 4, 1), 10, 4, demands, 18), folder);
        return Ssda903Reader.read(folder, false).data();
    }

    /** A council's return as made on the as-of date: later episodes deleted, later ends not yet known. */
    private static void returnAsOf(Path from, Path to, LocalDate asOf) throws IOException {
        Files.createDirectories(to);
        List<String> episodes = Files.readAllLines(from.resolve("episodes.csv"));
        List<String> kept = new ArrayList<>(List.of(episodes.get(0)));
        Set<String> children = new HashSet<>();
        for (String line : episodes.subList(1, episodes.size())) {
            String[] cells = line.split(",", -1);
            if (LocalDate.parse(cells[1], DFE).isAfter(asOf)) {
                continue;
            }
            if (!cells[7].isEmpty() && LocalDate.parse(cells[7], DFE).isAfter(asOf)) {
                cells[7] = "";
                cells[8] = "";
            }
            kept.add(String.join(",", cells));
            children.add(cells[0]);
        }
        Files.write(to.resolve("episodes.csv"), kept);
        List<String> header = Files.readAllLines(from.resolve("header.csv"));
        List<String> known = new ArrayList<>(List.of(header.get(0)));
        header.stream()
                .skip(1)
                .filter(line -> children.contains(line.split(",", -1)[0]))
                .forEach(known::add);
        Files.write(to.resolve("header.csv"), known);
    }
}
