package uk.rcc.sufficiency.board.chart;

import java.awt.Color;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A {@link Drawing} painted into a PDF page as vectors, from the same shapes and labels the web page's SVG has:
 * the drawing's box is scaled to the given width and its y axis turned upwards, as PDF counts it.
 */
public final class PdfPainter {
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private PdfPainter() {}

    /** Paints the drawing with its top left corner at (left, top) in page units; returns the height used. */
    public static float paint(PDPageContentStream page, Drawing drawing, float left, float top, float width)
            throws IOException {
        float scale = (float) (width / drawing.width());
        for (Drawing.Mark mark : drawing.marks()) {
            if (mark instanceof Drawing.Shape shape) {
                shape(page, shape, left, top, scale);
            } else if (mark instanceof Drawing.Label label) {
                label(page, label, left, top, scale);
            }
        }
        page.setNonStrokingColor(Color.BLACK);
        page.setStrokingColor(Color.BLACK);
        return (float) drawing.height() * scale;
    }

    private static void shape(PDPageContentStream page, Drawing.Shape shape, float left, float top, float scale)
            throws IOException {
        if (shape.path().isEmpty()) {
            return;
        }
        for (int i = 0; i < shape.path().size(); i++) {
            double[] p = shape.path().get(i);
            float x = left + (float) p[0] * scale;
            float y = top - (float) p[1] * scale;
            if (i == 0) {
                page.moveTo(x, y);
            } else {
                page.lineTo(x, y);
            }
        }
        if (shape.fill() != null) {
            page.closePath();
            page.setNonStrokingColor(Color.decode(shape.fill()));
            page.fill();
            return;
        }
        page.setStrokingColor(Color.decode(shape.stroke()));
        page.setLineWidth((float) shape.strokeWidth() * scale);
        page.setLineDashPattern(shape.dashed() ? new float[] {5 * scale, 4 * scale} : new float[0], 0);
        page.stroke();
        page.setLineDashPattern(new float[0], 0);
    }

    private static void label(PDPageContentStream page, Drawing.Label label, float left, float top, float scale)
            throws IOException {
        PDType1Font font = label.bold() ? BOLD : REGULAR;
        float size = (float) label.size() * scale;
        String text = printable(label.text());
        float textWidth = font.getStringWidth(text) / 1000 * size;
        float x = left + (float) label.x() * scale;
        x -= switch (label.anchor()) {
            case "middle" -> textWidth / 2;
            case "end" -> textWidth;
            default -> 0;
        };
        page.beginText();
        page.setNonStrokingColor(Color.decode(label.colour()));
        page.setFont(font, size);
        page.newLineAtOffset(x, top - (float) label.y() * scale);
        page.showText(text);
        page.endText();
    }

    /** The standard fonts cover Latin-1: dashes become '-', other characters '?'. */
    public static String printable(String text) {
        StringBuilder safe = new StringBuilder();
        for (char c : text.replace('\t', ' ').toCharArray()) {
            safe.append(c == '–' || c == '—' || c == '−' ? '-' : c >= 32 && c < 127 || c == '£' ? c : '?');
        }
        return safe.toString();
    }
}
