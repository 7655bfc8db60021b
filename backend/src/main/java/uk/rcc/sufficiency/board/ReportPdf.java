package uk.rcc.sufficiency.board;

import java.awt.Color;
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

/** The sufficiency report as PDF: the same charts and tables as the web page, drawn with PDFBox. */
final class ReportPdf {
    private static final float MARGIN = 40;
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private final PDDocument document = new PDDocument();
    private PDPageContentStream page;
    private float cursor;

    private ReportPdf() {
    }

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
        if (run.summary() != null) {
            for (String line : run.summary().split("\n")) {
                wrapped(REGULAR, 9, line);
            }
        }
        text(BOLD, 11, "How to read this report");
        for (String note : content.notes()) {
            wrapped(REGULAR, 9, "- " + note);
        }
        text(REGULAR, 9, "Charts: median line; bands are the 50%, 80% and 95% intervals.");
        for (SufficiencyReport.Part part : content.parts()) {
            room(200);
            cursor -= 6;
            text(BOLD, 14, part.title());
            if (!part.dataRange().isEmpty()) {
                text(REGULAR, 9, part.dataRange());
            }
            for (SufficiencyReport.Chart chart : part.charts()) {
                chart(chart);
            }
            for (SufficiencyReport.Table table : part.tables()) {
                table(table);
            }
        }
        text(BOLD, 11, "Downloads (CSV)");
        text(REGULAR, 9, "Every table is downloadable from the web report: " + String.join(", ", content.downloads())
                + ".");
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

    private void chart(SufficiencyReport.Chart chart) throws IOException {
        List<ForecastTable.Point> points = chart.points();
        if (points.isEmpty()) {
            return;
        }
        float height = 120;
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        room(height + 40);
        text(BOLD, 10, chart.title());
        float bottom = cursor - height;
        double max = Math.max(1, points.stream().mapToDouble(ForecastTable.Point::p975).max().orElse(1) * 1.05);
        band(points, max, bottom, width, height, 0, new Color(0xd2, 0xe2, 0xf1));
        band(points, max, bottom, width, height, 1, new Color(0xa6, 0xc5, 0xe3));
        band(points, max, bottom, width, height, 2, new Color(0x6d, 0x9e, 0xcf));
        page.setStrokingColor(Color.BLACK);
        page.setLineWidth(1.2f);
        for (int i = 0; i < points.size(); i++) {
            float x = MARGIN + (float) SufficiencyReport.x(i, points.size(), (int) width);
            float y = bottom + (float) (points.get(i).p50() / max * height);
            if (i == 0) {
                page.moveTo(x, y);
            } else {
                page.lineTo(x, y);
            }
        }
        page.stroke();
        cursor = bottom - 4;
        ForecastTable.Point last = points.get(points.size() - 1);
        text(REGULAR, 8, points.get(0).month() + " to " + last.month() + "; last month median "
                + Math.round(last.p50()) + " (95% interval " + Math.round(last.p025()) + "-" + Math.round(last.p975())
                + "); scale 0-" + Math.round(max));
    }

    private void band(List<ForecastTable.Point> points, double max, float bottom, float width, float height,
            int level, Color colour) throws IOException {
        page.setNonStrokingColor(colour);
        for (int i = 0; i < points.size(); i++) {
            ForecastTable.Point p = points.get(i);
            double upper = level == 0 ? p.p975() : level == 1 ? p.p90() : p.p75();
            float x = MARGIN + (float) SufficiencyReport.x(i, points.size(), (int) width);
            float y = bottom + (float) (upper / max * height);
            if (i == 0) {
                page.moveTo(x, y);
            } else {
                page.lineTo(x, y);
            }
        }
        for (int i = points.size() - 1; i >= 0; i--) {
            ForecastTable.Point p = points.get(i);
            double lower = level == 0 ? p.p025() : level == 1 ? p.p10() : p.p25();
            page.lineTo(MARGIN + (float) SufficiencyReport.x(i, points.size(), (int) width),
                    bottom + (float) (lower / max * height));
        }
        page.closePath();
        page.fill();
        page.setNonStrokingColor(Color.BLACK);
    }

    private void table(SufficiencyReport.Table table) throws IOException {
        room(40);
        text(BOLD, 10, table.title());
        if (table.rows().isEmpty()) {
            wrapped(REGULAR, 8, table.note());
            return;
        }
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        float column = width / table.header().size();
        row(BOLD, table.header(), column);
        for (List<String> row : table.rows()) {
            row(REGULAR, row, column);
        }
        wrapped(REGULAR, 7, table.note());
    }

    /** One table row in equal columns, each cell cut to its column. */
    private void row(PDType1Font font, List<String> cells, float column) throws IOException {
        float size = 7;
        room(size + 4);
        for (int i = 0; i < cells.size(); i++) {
            page.beginText();
            page.setFont(font, size);
            page.newLineAtOffset(MARGIN + i * column, cursor - size);
            page.showText(fit(printable(cells.get(i)), font, size, column - 4));
            page.endText();
        }
        cursor -= size + 4;
    }

    /** Standard fonts cover Latin-1 only: dashes become '-', other characters '?'. */
    private static String printable(String text) {
        StringBuilder safe = new StringBuilder();
        for (char c : text.replace('\t', ' ').toCharArray()) {
            safe.append(c == '–' || c == '—' ? '-' : c >= 32 && c < 127 || c == '£' ? c : '?');
        }
        return safe.toString();
    }

    /** Cuts a line to the width, marking the cut with '~'. */
    private static String fit(String line, PDType1Font font, float size, float width) throws IOException {
        String fitted = line;
        while (fitted.length() > 1 && font.getStringWidth(fitted) / 1000 * size > width) {
            fitted = fitted.substring(0, fitted.length() - 2) + "~";
        }
        return fitted;
    }
}
