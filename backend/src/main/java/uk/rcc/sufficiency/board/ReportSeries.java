package uk.rcc.sufficiency.board;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.rcc.exchange.ExchangeWriter;
import uk.rcc.sufficiency.Backtest;
import uk.rcc.sufficiency.Category;
import uk.rcc.sufficiency.Forecast;
import uk.rcc.sufficiency.Ssda903Data;
import uk.rcc.sufficiency.Ssda903Reader;

/**
 * What the report draws beside the forecast, computed from the same returns as the run and kept with it: the
 * monthly history of children looked after before the as-of date ({@code history.csv}) and the backtest's forecasts
 * from each origin with what then happened ({@code backtest_forecasts.csv}). Read from the returns, apart from the
 * forecast command, so the model's own outputs stay as they are.
 */
final class ReportSeries {
    /** Ten years of month-end counts at most: the report draws the last six. */
    static final int HISTORY_MONTHS = 120;

    static final List<String> HISTORY_HEADER = List.of("month", "authority", "category", "children");
    static final List<String> BACKTEST_HEADER = List.of(
            "origin",
            "horizon_months",
            "month",
            "authority",
            "category",
            "actual",
            "p025",
            "p10",
            "p25",
            "p50",
            "p75",
            "p90",
            "p975");

    /** The files to store with the run. */
    record Files(byte[] history, byte[] backtestForecasts) {}

    private ReportSeries() {}

    static Files of(Path returns, ForecastRuns.Parameters parameters) {
        Ssda903Data read = Ssda903Reader.read(returns, true).data();
        LocalDate asOf = parameters.asOf() != null ? parameters.asOf() : read.lastDate();
        Ssda903Data data = read.asOf(asOf);
        return new Files(history(data, asOf), backtest(data, asOf, parameters));
    }

    /** Month-end counts by council (and ALL) and category (and ALL), up to the last month before the as-of date. */
    static byte[] history(Ssda903Data data, LocalDate asOf) {
        YearMonth last = YearMonth.from(asOf.minusDays(1));
        YearMonth first = YearMonth.from(data.firstDate());
        if (first.isBefore(last.minusMonths(HISTORY_MONTHS - 1L))) {
            first = last.minusMonths(HISTORY_MONTHS - 1L);
        }
        List<String> authorities = new ArrayList<>(List.of(Forecast.ALL));
        authorities.addAll(data.councils());
        List<List<Object>> rows = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            Map<String, Map<Category, Integer>> counts = data.countsAt(month);
            for (String authority : authorities) {
                for (String category : categories()) {
                    rows.add(List.of(month.toString(), authority, category, count(counts, authority, category)));
                }
            }
        }
        return ExchangeWriter.csv(HISTORY_HEADER, rows, row -> row);
    }

    /** The backtest's forecasts 12 and 24 months ahead of each origin, as the run's backtest makes them. */
    static byte[] backtest(Ssda903Data data, LocalDate asOf, ForecastRuns.Parameters parameters) {
        List<Backtest.Point> points =
                Backtest.run(data, asOf, 4, Math.min(300, parameters.runs()), parameters.seed(), 36);
        return ExchangeWriter.csv(
                BACKTEST_HEADER,
                points,
                p -> List.of(
                        p.origin().toString(),
                        p.horizon(),
                        p.origin().plusMonths(p.horizon()).toString(),
                        p.authority(),
                        p.category(),
                        whole(p.actual()),
                        p.low95(),
                        p.low80(),
                        p.low50(),
                        p.median(),
                        p.high50(),
                        p.high80(),
                        p.high95()));
    }

    private static List<String> categories() {
        List<String> categories = new ArrayList<>(List.of(Forecast.ALL));
        for (Category category : Category.values()) {
            categories.add(category.name());
        }
        return categories;
    }

    private static int count(Map<String, Map<Category, Integer>> counts, String authority, String category) {
        int total = 0;
        for (Map.Entry<String, Map<Category, Integer>> council : counts.entrySet()) {
            if (authority.equals(Forecast.ALL) || authority.equals(council.getKey())) {
                for (Map.Entry<Category, Integer> entry : council.getValue().entrySet()) {
                    if (category.equals(Forecast.ALL) || entry.getKey().name().equals(category)) {
                        total += entry.getValue();
                    }
                }
            }
        }
        return total;
    }

    private static long whole(double value) {
        return Math.round(value);
    }
}
