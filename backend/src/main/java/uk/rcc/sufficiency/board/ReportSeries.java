package uk.rcc.sufficiency.board;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.rcc.exchange.ExchangeWriter;
import uk.rcc.sufficiency.Category;
import uk.rcc.sufficiency.Forecast;
import uk.rcc.sufficiency.Ssda903Data;
import uk.rcc.sufficiency.Ssda903Reader;

/**
 * What the report draws beside the forecast and the model does not output: the monthly history of children looked
 * after before the as-of date ({@code history.csv}), counted from the same returns as the run and kept with it. (The
 * backtest's forecasts, {@code backtest_forecasts.csv}, are the forecast command's own, from the model it chose.)
 */
final class ReportSeries {
    /** Ten years of month-end counts at most: the report draws the last six. */
    static final int HISTORY_MONTHS = 120;

    static final List<String> HISTORY_HEADER = List.of("month", "authority", "category", "children");

    private ReportSeries() {}

    /** {@code history.csv} of the returns the run read, up to its as-of date. */
    static byte[] history(Path returns, ForecastRuns.Parameters parameters) {
        Ssda903Data read = Ssda903Reader.read(returns, true).data();
        LocalDate asOf = parameters.asOf() != null ? parameters.asOf() : read.lastDate();
        return history(read.asOf(asOf), asOf);
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
}
