package uk.rcc.sufficiency.board.chart;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * A plotting area inside a {@link Drawing}: scales from data to drawing units, and the axes every chart of the
 * report shares — counts on a "nice" scale with grid lines, months with a label at each year.
 */
public final class Plot {
    public static final String INK = "#0b0c0c";
    public static final String MUTED = "#505a5f";
    private static final String GRID = "#dddddd";
    public static final double FONT = 11;

    private final double left;
    private final double top;
    private final double right;
    private final double bottom;
    private double xMin;
    private double xMax = 1;
    private double yMin;
    private double yMax = 1;

    public Plot(double left, double top, double right, double bottom) {
        this.left = left;
        this.top = top;
        this.right = right;
        this.bottom = bottom;
    }

    public Plot xRange(double min, double max) {
        xMin = min;
        xMax = max > min ? max : min + 1;
        return this;
    }

    public double x(double value) {
        return round(left + (value - xMin) / (xMax - xMin) * (right - left));
    }

    public double y(double value) {
        return round(bottom - (value - yMin) / (yMax - yMin) * (bottom - top));
    }

    public double left() {
        return left;
    }

    public double right() {
        return right;
    }

    public double top() {
        return top;
    }

    public double bottom() {
        return bottom;
    }

    /**
     * A y scale around the data on round steps. It starts at zero when {@code fromZero} (bars) or when the data
     * come near it; otherwise just below the lowest value, so a forecast is not squeezed into a thin band.
     */
    public Plot yScale(double low, double high, boolean fromZero) {
        double span = Math.max(high - low, Math.max(1, high * 0.05));
        double from = low < 0 ? low - span * 0.08 : fromZero || low - span * 0.15 < span * 0.5 ? 0 : low - span * 0.15;
        double to = high + span * 0.08;
        double step = step(to - from, 5);
        yMin = Math.floor(from / step) * step;
        yMax = Math.ceil(to / step) * step;
        return this;
    }

    /** The y axis: grid lines and labels at each step, in the drawing's marks. */
    public void yAxis(List<Drawing.Mark> marks, DoubleFunction<String> format) {
        double step = step(yMax - yMin, 5);
        for (double value = yMin; value <= yMax + step / 2; value += step) {
            double y = y(value);
            marks.add(Drawing.Shape.line(
                    "grid", List.of(new double[] {left, y}, new double[] {right, y}), GRID, 1, false, 0));
            marks.add(new Drawing.Label("axis-y", left - 5, y + 4, format.apply(value), "end", FONT, false, MUTED));
        }
        marks.add(Drawing.Shape.line(
                "axis", List.of(new double[] {left, bottom}, new double[] {right, bottom}), MUTED, 1, false, 0));
    }

    /** A month axis with x as months since {@code first}: a tick each January, labelled with its year. */
    public void timeAxis(List<Drawing.Mark> marks, YearMonth first, YearMonth last) {
        int months = (int) first.until(last, java.time.temporal.ChronoUnit.MONTHS);
        xRange(0, months);
        int every = months > 12 * 9 ? 2 : 1;
        for (int year = first.getYear() + 1; year <= last.getYear(); year += every) {
            double x = x(first.until(YearMonth.of(year, 1), java.time.temporal.ChronoUnit.MONTHS));
            marks.add(Drawing.Shape.line(
                    "tick", List.of(new double[] {x, bottom}, new double[] {x, bottom + 5}), MUTED, 1, false, 0));
            marks.add(new Drawing.Label("axis-x", x, bottom + 18, String.valueOf(year), "middle", FONT, false, MUTED));
        }
    }

    /** Round steps (1, 2, 2.5 or 5 times a power of ten) giving about {@code count} intervals over a span. */
    static double step(double span, int count) {
        double raw = Math.max(span, 1e-9) / count;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double nice : new double[] {1, 2, 2.5, 5, 10}) {
            if (nice * power >= raw) {
                return Math.max(nice * power, 1);
            }
        }
        return 10 * power;
    }

    /** A legend row of coloured keys and names from x; returns where the next row starts. */
    public static double legend(
            List<Drawing.Mark> marks, double x, double y, double maxX, List<String> names, List<String> colours) {
        double at = x;
        double row = y;
        for (int i = 0; i < names.size(); i++) {
            double width = 16 + names.get(i).length() * 6.2 + 14;
            if (at + width > maxX && at > x) {
                at = x;
                row += 16;
            }
            marks.add(Drawing.Shape.rect("legend-key", at, row - 9, 12, 10, colours.get(i)));
            marks.add(new Drawing.Label("legend", at + 16, row, names.get(i), "start", FONT, false, INK));
            at += width;
        }
        return row + 16;
    }

    public static String count(double value) {
        return String.format(Locale.UK, "%,.0f", value);
    }

    public static List<double[]> points() {
        return new ArrayList<>();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
