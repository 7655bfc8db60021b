package uk.rcc.sufficiency.board;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import uk.rcc.sufficiency.board.chart.Drawing;
import uk.rcc.sufficiency.board.chart.PdfPainter;

/** The sufficiency report as PDF: the same charts and tables as the web page, drawn with PDFBox. */
final class ReportPdf {
    private static final float MARGIN = 40;
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private final PDDocument document = new PDDocument();
    private PDPageContentStream page;
    private float cursor;

    private ReportPdf() {}

    static byte[] render(SufficiencyReport.Content content) {
        ReportPdf pdf = new ReportPdf();
        try {
            return pdf.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] write(SufficiencyReport.Content content) throws IOException {
        ForecastRuns.ForecastRun run = content.run();
        newPage();
        text(BOLD, 16, "Sufficiency report: " + run.name());
        text(REGULAR, 10, SufficiencyReport.heading(run));
        text(BOLD, 11, "Summary");
        for (String sentence : content.summary().sentences()) {
            wrapped(REGULAR, 9, sentence);
        }
        table(content.summary().table());
        text(BOLD, 11, "How to read this report");
        for (String note : content.notes()) {
            wrapped(REGULAR, 9, "- " + note);
        }
        for (SufficiencyReport.Part part : content.parts()) {
            room(200);
            cursor -= 6;
            text(BOLD, 14, part.title());
            if (!part.dataRange().isEmpty()) {
                text(REGULAR, 9, part.dataRange());
            }
            for (SufficiencyReport.Figure figure : part.figures()) {
                figure(figure);
            }
            for (SufficiencyReport.Table table : part.tables()) {
                table(table);
            }
        }
        text(BOLD, 11, "Downloads (CSV)");
        text(
                REGULAR,
                9,
                "Every table is downloadable from the web report: " + String.join(", ", content.downloads()) + ".");
        page.close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        document.close();
        return out.toByteArray();
    }

    /** Text broken into lines that fit the page. */
    private void wrapped(PDType1Font font, float size, String text) throws IOException {
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(printable(candidate)) / 1000 * size > width && !line.isEmpty()) {
                text(font, size, line.toString());
                line = new StringBuilder("  " + word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        text(font, size, line.toString());
    }

    private void newPage() throws IOException {
        if (page != null) {
            page.close();
        }
        PDPage next = new PDPage(PDRectangle.A4);
        document.addPage(next);
        page = new PDPageContentStream(document, next);
        cursor = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void room(float needed) throws IOException {
        if (cursor - needed < MARGIN) {
            newPage();
        }
    }

    private void text(PDType1Font font, float size, String text) throws IOException {
        room(size + 4);
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(MARGIN, cursor - size);
        page.showText(fit(printable(text), font, size, PDRectangle.A4.getWidth() - 2 * MARGIN));
        page.endText();
        cursor -= size + 4;
    }

    /** A chart as on the web page (the same drawing), its title above and its text alternative below. */
    private void figure(SufficiencyReport.Figure figure) throws IOException {
        Drawing drawing = figure.drawing();
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        float height = (float) (drawing.height() * width / drawing.width());
        room(height + 40);
        text(BOLD, 10, drawing.title());
        cursor -= PdfPainter.paint(page, drawing, MARGIN, cursor, width) + 2;
        wrapped(REGULAR, 8, figure.words());
        cursor -= 4;
    }

    private void table(SufficiencyReport.Table table) throws IOException {
        room(40);
        text(BOLD, 10, table.title());
        if (table.rows().isEmpty()) {
            wrapped(REGULAR, 8, table.note());
            return;
        }
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        float[] columns = columns(table, width);
        row(BOLD, table.header(), columns);
        for (List<String> row : table.rows()) {
            row(REGULAR, row, columns);
        }
        wrapped(REGULAR, 7, table.note());
    }

    /** Column widths in proportion to each column's longest text (header counted less), filling the width. */
    private static float[] columns(SufficiencyReport.Table table, float width) throws IOException {
        float[] widths = new float[table.header().size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = REGULAR.getStringWidth(printable(table.header().get(c))) * 0.6f;
            for (List<String> row : table.rows()) {
                if (c < row.size()) {
                    widths[c] = Math.max(widths[c], REGULAR.getStringWidth(printable(row.get(c))));
                }
            }
            widths[c] = Math.max(widths[c], 1500);
        }
        float total = 0;
        for (float w : widths) {
            total += w;
        }
        for (int c = 0; c < widths.length; c++) {
            widths[c] = widths[c] / total * width;
        }
        return widths;
    }

    /** One table row, each cell cut to its column. */
    private void row(PDType1Font font, List<String> cells, float[] columns) throws IOException {
        float size = 7;
        room(size + 4);
        float x = MARGIN;
        for (int i = 0; i < cells.size() && i < columns.length; i++) {
            page.beginText();
            page.setFont(font, size);
            page.newLineAtOffset(x, cursor - size);
            page.showText(fit(printable(cells.get(i)), font, size, columns[i] - 4));
            page.endText();
            x += columns[i];
        }
        cursor -= size + 4;
    }

    /** Cuts a line to the width, marking the cut with '~'. */
    private static String fit(String line, PDType1Font font, float size, float width) throws IOException {
        String fitted = line;
        while (fitted.length() > 1 && font.getStringWidth(fitted) / 1000 * size > width) {
            fitted = fitted.substring(0, fitted.length() - 2) + "~";
        }
        return fitted;
    }

    private static String printable(String text) {
        return PdfPainter.printable(text.replace('→', '>').replace('“', '"').replace('”', '"'));
    }
}
