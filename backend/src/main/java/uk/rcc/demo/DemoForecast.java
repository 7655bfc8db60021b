package uk.rcc.demo;

import java.time.LocalDate;
import java.util.List;
import uk.rcc.sufficiency.Scenario;
import uk.rcc.sufficiency.Ssda903Generator;
import uk.rcc.sufficiency.board.ForecastRuns;

/** The demo's SSDA903 returns and first forecast, in one place for the demo and the tests of its report. */
public final class DemoForecast {
    public static final ForecastRuns.Parameters PARAMETERS =
            new ForecastRuns.Parameters(36, null, 903, 1000, 0.8, null, 20.0, 15.0);
    public static final List<Scenario> SCENARIOS = List.of(
            new Scenario("Step down 10% a year", 0, 0.1, 0), new Scenario("Recruit 20 foster places a year", 0, 0, 20));

    private DemoForecast() {}

    /** Ten years of returns for the four member councils, up to the start of this month. */
    public static Ssda903Generator.Spec returns(LocalDate today) {
        return new Ssda903Generator.Spec(
                Places.NORTHERN_MEMBERS.stream().map(Places.Council::code).toList(),
                5,
                0.02,
                today.withDayOfMonth(1).minusYears(10),
                10,
                903);
    }
}
