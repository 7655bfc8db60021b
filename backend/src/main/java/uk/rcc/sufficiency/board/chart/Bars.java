package uk.rcc.sufficiency.board.chart;

import java.util.List;
import java.util.function.DoubleFunction;

/** Panels of grouped bars from zero (up or down), with optional interval whiskers and a note above each group. */
public final class Bars {
    /** One bar: its series (legend name), colour, value and, optionally, the interval drawn as a whisker. */
    public record Bar(String series, String colour, double value, Double low, Double high) {
        public Bar(String series, String colour, double value) {
            this(series, colour, value, null, null);
        }
    }

    /** Bars side by side under one label (a year end), with a note above them such as the gap. */
    public record Group(String label, List<Bar> bars, String note, String noteColour) {}

    private Bars() {}

    /** Draws a titled panel of groups in the box (x, y, width, height). */
    public static void panel(
            List<Drawing.Mark> marks,
            double x,
            double y,
            double width,
            double height,
            String title,
            List<Group> groups,
            DoubleFunction<String> format) {
        marks.add(new Drawing.Label("panel-title", x + 4, y + 12, title, "start", Plot.FONT, true, Plot.INK));
        Plot plot = new Plot(x + 48, y + 30, x + width - 8, y + height - 22);
        double high = groups.stream()
                .flatMap(g -> g.bars().stream())
                .mapToDouble(b -> b.high() == null ? b.value() : Math.max(b.value(), b.high()))
                .max()
                .orElse(1);
        double low = groups.stream()
                .flatMap(g -> g.bars().stream())
                .mapToDouble(b -> b.low() == null ? b.value() : Math.min(b.value(), b.low()))
                .min()
                .orElse(0);
        plot.yScale(Math.min(0, low), Math.max(1, high), true).yAxis(marks, format);
        double zero = plot.y(0);
        double slot = (plot.right() - plot.left()) / Math.max(1, groups.size());
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            double centre = plot.left() + slot * (g + 0.5);
            double barWidth = Math.min(22, slot * 0.8 / Math.max(1, group.bars().size()));
            double start = centre - barWidth * group.bars().size() / 2;
            double top = plot.bottom();
            for (int b = 0; b < group.bars().size(); b++) {
                Bar bar = group.bars().get(b);
                double left = start + b * barWidth;
                double barTop = Math.min(plot.y(bar.value()), zero);
                marks.add(Drawing.Shape.rect(
                        bar.series(),
                        left + 1,
                        barTop,
                        barWidth - 2,
                        Math.abs(plot.y(bar.value()) - zero),
                        bar.colour()));
                top = Math.min(top, barTop);
                if (bar.low() != null && bar.high() != null) {
                    double middle = left + barWidth / 2;
                    double upper = plot.y(bar.high());
                    marks.add(Drawing.Shape.line(
                            "interval",
                            List.of(new double[] {middle, plot.y(bar.low())}, new double[] {middle, upper}),
                            Plot.INK,
                            1,
                            false,
                            1));
                    marks.add(Drawing.Shape.line(
                            "interval",
                            List.of(new double[] {middle - 3, upper}, new double[] {middle + 3, upper}),
                            Plot.INK,
                            1,
                            false,
                            0));
                    top = Math.min(top, upper);
                }
            }
            if (group.note() != null) {
                marks.add(new Drawing.Label(
                        "note", centre, top - 4, group.note(), "middle", Plot.FONT - 1, true, group.noteColour()));
            }
            marks.add(new Drawing.Label(
                    "axis-x", centre, plot.bottom() + 15, group.label(), "middle", Plot.FONT - 1, false, Plot.MUTED));
        }
    }
}
