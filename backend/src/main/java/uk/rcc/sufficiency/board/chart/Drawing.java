package uk.rcc.sufficiency.board.chart;

import java.util.List;

/**
 * A chart laid out once, in the units of a {@code width × height} box with y downwards: the shapes and labels that
 * both the web page (as SVG, {@link SvgWriter}) and the PDF ({@link PdfPainter}) draw, so they show the same picture.
 * The title and description are its text alternative.
 *
 * @param kind what sort of chart it is (history-forecast, places, scenarios, backtest), for styling and tests
 */
public record Drawing(
        String id, String kind, String title, String description, double width, double height, List<Mark> marks) {

    /** Something drawn. */
    public sealed interface Mark permits Shape, Label {}

    /**
     * A line through points, or a filled area when {@code fill} is set; {@code series} names what it shows (for
     * example "history" or "median"), and {@code points} counts the data points it draws.
     */
    public record Shape(
            String series,
            List<double[]> path,
            String stroke,
            double strokeWidth,
            boolean dashed,
            String fill,
            boolean closed,
            int points)
            implements Mark {

        public static Shape line(
                String series, List<double[]> path, String colour, double width, boolean dashed, int points) {
            return new Shape(series, path, colour, width, dashed, null, false, points);
        }

        public static Shape area(String series, List<double[]> path, String colour, int points) {
            return new Shape(series, path, null, 0, false, colour, true, points);
        }

        public static Shape rect(String series, double x, double y, double width, double height, String colour) {
            return area(
                    series,
                    List.of(
                            new double[] {x, y},
                            new double[] {x + width, y},
                            new double[] {x + width, y + height},
                            new double[] {x, y + height}),
                    colour,
                    1);
        }
    }

    /** Text at a point; anchor is start, middle or end; role names what it labels (axis-x, axis-y, legend, ...). */
    public record Label(
            String role, double x, double y, String text, String anchor, double size, boolean bold, String colour)
            implements Mark {}
}
