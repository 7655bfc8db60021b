package uk.rcc.sufficiency.board.chart;

import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * A {@link Drawing} as inline SVG: presentation attributes only (the Content Security Policy allows no inline
 * styles), a title and description for screen readers, and each shape marked with its series and point count.
 */
public final class SvgWriter {
    private SvgWriter() {}

    public static String svg(Drawing drawing) {
        String id = esc(drawing.id());
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(number(drawing.width()))
                .append(' ')
                .append(number(drawing.height()))
                .append("\" role=\"img\" class=\"chart\" data-chart=\"")
                .append(esc(drawing.kind()))
                .append("\" aria-labelledby=\"")
                .append(id)
                .append("-title ")
                .append(id)
                .append("-desc\" id=\"")
                .append(id)
                .append("\"><title id=\"")
                .append(id)
                .append("-title\">")
                .append(esc(drawing.title()))
                .append("</title><desc id=\"")
                .append(id)
                .append("-desc\">")
                .append(esc(drawing.description()))
                .append("</desc>");
        for (Drawing.Mark mark : drawing.marks()) {
            if (mark instanceof Drawing.Shape shape) {
                shape(svg, shape);
            } else if (mark instanceof Drawing.Label label) {
                label(svg, label);
            }
        }
        return svg.append("</svg>").toString();
    }

    private static void shape(StringBuilder svg, Drawing.Shape shape) {
        svg.append("<path data-series=\"")
                .append(esc(shape.series()))
                .append("\" data-points=\"")
                .append(shape.points())
                .append("\" d=\"");
        for (int i = 0; i < shape.path().size(); i++) {
            double[] p = shape.path().get(i);
            svg.append(i == 0 ? 'M' : 'L').append(number(p[0])).append(',').append(number(p[1]));
        }
        if (shape.closed()) {
            svg.append('Z');
        }
        svg.append("\" fill=\"")
                .append(shape.fill() == null ? "none" : shape.fill())
                .append('"');
        if (shape.stroke() != null) {
            svg.append(" stroke=\"")
                    .append(shape.stroke())
                    .append("\" stroke-width=\"")
                    .append(number(shape.strokeWidth()))
                    .append('"');
            if (shape.dashed()) {
                svg.append(" stroke-dasharray=\"5,4\"");
            }
        }
        svg.append("/>");
    }

    private static void label(StringBuilder svg, Drawing.Label label) {
        svg.append("<text class=\"")
                .append(esc(label.role()))
                .append("\" x=\"")
                .append(number(label.x()))
                .append("\" y=\"")
                .append(number(label.y()))
                .append("\" text-anchor=\"")
                .append(label.anchor())
                .append("\" font-size=\"")
                .append(number(label.size()))
                .append("\" fill=\"")
                .append(label.colour())
                .append('"');
        if (label.bold()) {
            svg.append(" font-weight=\"bold\"");
        }
        svg.append('>').append(esc(label.text())).append("</text>");
    }

    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text);
    }
}
