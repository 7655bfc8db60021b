package uk.rcc.sufficiency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model on generated returns whose rates are known, and the forecast command end to end. */
class ForecastModelTest {
    private static final List<String> COUNCILS = List.of("E06000057", "E06000047", "E06000063", "E06000064");

    @TempDir
    static Path temp;

    static Path returns;
    static Ssda903Data data;

    @BeforeAll
    static void generate() {
        returns = temp.resolve("returns");
        Ssda903Generator.write(new Ssda903Generator.Spec(COUNCILS, 6, 0.02, LocalDate.of(2014, 4, 1), 10, 7), returns);
        data = Ssda903Reader.read(returns, false).data();
    }

    @Test
    void estimationRecoversTheKnownLeavingRatesAndEntries() {
        LocalDate asOf = LocalDate.of(2024, 3, 1);
        StockFlowModel.Rates all = StockFlowModel.raw(data.children(), asOf, 60);

        for (int duration = 1; duration < 4; duration++) {
            double estimated = all.exitEvents()[Category.FOSTER.ordinal()][duration]
                    / all.exitExposure()[Category.FOSTER.ordinal()][duration];
            assertThat(estimated)
                    .as("monthly leaving rate, time-in-care band %d", duration)
                    .isCloseTo(
                            Ssda903Generator.EXIT_BY_DURATION[duration],
                            within(0.35 * Ssda903Generator.EXIT_BY_DURATION[duration]));
        }
        // Four councils of sizes 0.6..1.4 (mean 1.0) at 6 starts a month, drifting 2% a year.
        assertThat(all.entriesPerMonth()).isCloseTo(4 * 6 * Math.pow(1.02, 7.5), within(4.0));
    }

    @Test
    void theBacktestShowsTheModelBeatingBothNaiveBaselinesWithHonestIntervals() {
        List<Backtest.Summary> accuracy =
                Backtest.summarise(Backtest.run(data, LocalDate.of(2024, 3, 1), 4, 300, 1, 36));
        Backtest.Summary all12 = accuracy.stream()
                .filter(s -> s.horizon() == 12
                        && s.authority().equals("ALL")
                        && s.category().equals("ALL"))
                .findFirst()
                .orElseThrow();

        assertThat(all12.origins()).isEqualTo(4);
        assertThat(all12.modelWape())
                .isLessThan(all12.lastValueWape())
                .isLessThan(all12.trendWape() + 1)
                .isLessThan(all12.trendWape());
        assertThat(all12.coverage80()).isGreaterThanOrEqualTo(0.5);
        assertThat(accuracy)
                .filteredOn(s ->
                        s.authority().equals(COUNCILS.get(0)) && s.category().equals("ALL"))
                .extracting(Backtest.Summary::horizon)
                .containsExactly(12, 24);
    }

    @Test
    void theCommandWritesEveryMonthCouncilAndCategoryWithOrderedQuantiles() throws Exception {
        Path out = temp.resolve("out");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int exit = ForecastCommand.run(
                List.of(
                        "--episodes",
                        returns.toString(),
                        "--out",
                        out.toString(),
                        "--horizon-months",
                        "12",
                        "--runs",
                        "300"),
                new PrintStream(printed, true, StandardCharsets.UTF_8),
                System.err);

        assertThat(exit).isZero();
        List<String> lines = Files.readAllLines(out.resolve("forecast.csv"));
        assertThat(lines.get(0)).isEqualTo("month,authority,category,p025,p10,p25,p50,p75,p90,p975");
        assertThat(lines).hasSize(1 + 12 * (COUNCILS.size() + 1) * (Category.values().length + 1));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            for (int i = 3; i < 9; i++) {
                assertThat(Double.parseDouble(cells[i])).isLessThanOrEqualTo(Double.parseDouble(cells[i + 1]));
            }
        }
        assertThat(out.resolve("places_needed.csv")).exists();
        assertThat(out.resolve("costs.csv")).exists();
        assertThat(Files.readString(out.resolve("backtest.csv"))).contains("model_wape");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Backtest 12 months ahead");
        // the total's coverage is counted in origins, so it is not read as the per-council figure below it
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .containsPattern("the co-operative total's 80% interval held the outcome at \\d+ of the \\d+ origins")
                .contains("80% intervals covered");
    }

    @Test
    void bothExternalSetsForecastWithoutError() {
        for (String set : List.of("demand-model-regional-v1", "ssda903-validator-fake")) {
            int exit = ForecastCommand.run(
                    List.of(
                            "--episodes",
                            Ssda903ReaderTest.external(set).toString(),
                            "--out",
                            temp.resolve(set).toString(),
                            "--horizon-months",
                            "12",
                            "--runs",
                            "200",
                            "--lenient"),
                    new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(new ByteArrayOutputStream()));
            assertThat(exit).as(set).isZero();
        }
    }

    @Test
    void theSameSeedGivesTheSameForecast() {
        Forecast.Settings settings = new Forecast.Settings(LocalDate.of(2024, 3, 1), 6, 200, 42, 36, 0);
        List<Forecast.Row> first = Forecast.run(data, settings);
        List<Forecast.Row> second = Forecast.run(data, settings);
        Map<String, Forecast.Row> index = Forecast.index(second);
        assertThat(first)
                .allSatisfy(row -> assertThat(index.get(row.month() + "|" + row.authority() + "|" + row.category())
                                .quantiles())
                        .containsExactly(row.quantiles()));
    }

    @Test
    void fewerEntriesInAScenarioGiveFewerChildrenLookedAfter() {
        Forecast.Row baseline =
                lastAll(Forecast.run(data, new Forecast.Settings(LocalDate.of(2024, 3, 1), 24, 300, 5, 36, 0)));
        Forecast.Row familyHelp =
                lastAll(Forecast.run(data, new Forecast.Settings(LocalDate.of(2024, 3, 1), 24, 300, 5, 36, -0.2)));
        assertThat(familyHelp.median()).isLessThan(baseline.median());
    }

    @Test
    void aStepDownScenarioMovesChildrenFromChildrensHomesToFosterCare() {
        Forecast.Settings settings = new Forecast.Settings(LocalDate.of(2024, 3, 1), 24, 300, 5, 36, 0);
        Map<String, Forecast.Row> baseline = Forecast.index(Forecast.run(data, settings));
        Map<String, Forecast.Row> stepDown =
                Forecast.index(Forecast.run(data, settings.with(new Scenario("stepdown", 0, 0.3, 0))));
        String last = "2026-02|ALL|";

        assertThat(stepDown.get(last + "RESIDENTIAL").median())
                .isLessThan(baseline.get(last + "RESIDENTIAL").median() * 0.9);
        assertThat(stepDown.get(last + "FOSTER").median())
                .isGreaterThan(baseline.get(last + "FOSTER").median());
        assertThat(stepDown.get(last + "ALL").median())
                .isCloseTo(
                        baseline.get(last + "ALL").median(),
                        within(0.05 * baseline.get(last + "ALL").median()));
    }

    @Test
    void fosterRecruitmentReducesTheFosterGapByThePlacesRecruitedAndLeavesDemandAlone() {
        Supply supply = Supply.of(uk.rcc.exchange.ExchangeReader.readDirectory(uk.rcc.support.SharedData.sample()));
        List<Forecast.Row> forecast =
                Forecast.run(data, new Forecast.Settings(LocalDate.of(2024, 4, 1), 24, 200, 3, 36, 0));
        Supply.Projection projection = new Supply.Projection(20, 15);
        var baseline = SufficiencyTables.needs(
                forecast, 0.8, new SufficiencyTables.SupplyContext(supply, projection, Scenario.BASELINE));
        var recruited = SufficiencyTables.needs(
                forecast,
                0.8,
                new SufficiencyTables.SupplyContext(supply, projection, new Scenario("recruit", 0, 0, 25)));

        for (int i = 0; i < baseline.size(); i++) {
            SufficiencyTables.Need before = baseline.get(i);
            SufficiencyTables.Need after = recruited.get(i);
            assertThat(after.placesNeeded()).isEqualTo(before.placesNeeded());
            if (before.category().equals("FOSTER")) {
                int monthsAhead = (before.month().getYear() - 2024) * 12; // from April 2024 to each March
                double share = before.authority().equals("ALL")
                        ? 1
                        : supply.line(before.authority(), Category.FOSTER).places()
                                / (double) supply.line("ALL", Category.FOSTER).places();
                assertThat(before.gap() - after.gap())
                        .as(before.month() + " " + before.authority())
                        .isCloseTo(25 * share * monthsAhead / 12.0, within(0.11));
            } else if (before.category().equals("RESIDENTIAL")) {
                assertThat(after.gap()).isEqualTo(before.gap());
            }
        }
        assertThat(baseline)
                .filteredOn(n -> n.category().equals("FOSTER") && n.authority().equals("ALL"))
                .extracting(SufficiencyTables.Need::month)
                .extracting(Object::toString)
                .containsExactly("2025-03", "2026-03");
    }

    @Test
    void theCommandComparesNamedScenariosWithTheBaselineAgainstTheRegistrysSupply() throws Exception {
        Path out = temp.resolve("scenarios");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

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
                        "1",
                        "--registry",
                        uk.rcc.support.SharedData.sample().toString(),
                        "--scenario",
                        "stepdown:stepdown=0.2",
                        "--scenario",
                        "recruit:recruit=30,entry=-0.1"),
                new PrintStream(printed, true, StandardCharsets.UTF_8),
                System.err);

        assertThat(exit).isZero();
        List<String> rows = Files.readAllLines(out.resolve("scenarios.csv"));
        assertThat(rows.get(0)).startsWith("scenario,month,authority,category,places_needed");
        assertThat(rows.stream().skip(1).map(r -> r.split(",")[0]).distinct())
                .containsExactly("baseline", "stepdown", "recruit");
        Supply supply = Supply.of(uk.rcc.exchange.ExchangeReader.readDirectory(uk.rcc.support.SharedData.sample()));
        assertThat(Files.readAllLines(out.resolve("places_needed.csv")))
                .anySatisfy(line -> assertThat(line)
                        .contains(",ALL,RESIDENTIAL,")
                        .contains(","
                                + (double)
                                        supply.line("ALL", Category.RESIDENTIAL).places() + ","));
        assertThat(out.resolve("supply.csv")).exists();
        assertThat(Files.readString(out.resolve("data_range.csv"))).contains(COUNCILS.get(0) + ",2014-04");
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("Scenario stepdown")
                .contains("Gap at 80%");
    }

    @Test
    void aMalformedScenarioIsAUsageError() {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exit = ForecastCommand.run(
                List.of(
                        "--episodes",
                        returns.toString(),
                        "--out",
                        temp.resolve("x").toString(),
                        "--scenario",
                        "nolevers:stepdown=lots"),
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(errors, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(64);
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("scenario lever stepdown needs a number");
    }

    private static Forecast.Row lastAll(List<Forecast.Row> rows) {
        return rows.stream()
                .filter(r -> r.authority().equals("ALL") && r.category().equals("ALL"))
                .reduce((a, b) -> b)
                .orElseThrow();
    }
}
