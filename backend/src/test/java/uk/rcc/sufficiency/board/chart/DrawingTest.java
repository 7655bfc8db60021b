package uk.rcc.sufficiency.board.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The chart primitives: scales, axes, bars, and the same drawing as SVG and as PDF. */
class DrawingTest {

    @Test
    void aScaleStartsNearTheDataUnlessTheyComeNearZero() {
        List<Drawing.Mark> marks = new ArrayList<>();
        new Plot(50, 10, 650, 210).yScale(1200, 1400, false).yAxis(marks, Plot::count);
        assertThat(labels(marks, "axis-y")).first().isEqualTo("1,150");
        marks.clear();
        new Plot(50, 10, 650, 210).yScale(20, 400, false).yAxis(marks, Plot::count);
        assertThat(labels(marks, "axis-y")).first().isEqualTo("0");
    }

    @Test
    void aTimeAxisLabelsEachYearAtItsJanuary() {
        List<Drawing.Mark> marks = new ArrayList<>();
        Plot plot = new Plot(50, 10, 650, 210);
        plot.timeAxis(marks, YearMonth.of(2020, 12), YearMonth.of(2023, 11));
        assertThat(labels(marks, "axis-x")).containsExactly("2021", "2022", "2023");
        assertThat(plot.x(1)).isEqualTo(50 + 600.0 / 35, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void barsGoDownForNegativeValuesFromTheZeroLine() {
        List<Drawing.Mark> marks = new ArrayList<>();
        Bars.panel(
                marks,
                0,
                0,
                300,
                200,
                "Gap",
                List.of(new Bars.Group(
                        "Mar 27",
                        List.of(new Bars.Bar("gap", "#1d70b8", 40), new Bars.Bar("gap", "#f47738", -20)),
                        null,
                        null)),
                Plot::count);
        List<Drawing.Shape> bars = marks.stream()
                .filter(m -> m instanceof Drawing.Shape s && s.series().equals("gap"))
                .map(m -> (Drawing.Shape) m)
                .toList();
        double zeroUp = bars.get(0).path().get(2)[1];
        double zeroDown = bars.get(1).path().get(0)[1];
        assertThat(zeroUp).isCloseTo(zeroDown, org.assertj.core.data.Offset.offset(0.01));
        assertThat(bars.get(1).path().get(2)[1]).isGreaterThan(zeroDown);
        assertThat(labels(marks, "axis-y")).contains("-20", "0", "40");
    }

    @Test
    void theSameDrawingIsSvgWithItsTextAlternativeAndPdfWithItsLabels() throws Exception {
        Drawing drawing = new Drawing(
                "c1",
                "children",
                "Children <all>",
                "From 1 to 2.",
                720,
                300,
                List.of(
                        Drawing.Shape.line(
                                "history",
                                List.of(new double[] {10, 10}, new double[] {20, 30}),
                                "#0b0c0c",
                                2,
                                false,
                                2),
                        new Drawing.Label("axis-x", 100, 290, "2027", "middle", 11, false, "#505a5f")));

        String svg = SvgWriter.svg(drawing);
        assertThat(svg)
                .contains("<title id=\"c1-title\">Children &lt;all&gt;</title>")
                .contains("<desc id=\"c1-desc\">From 1 to 2.</desc>")
                .contains("aria-labelledby=\"c1-title c1-desc\"")
                .contains("data-series=\"history\" data-points=\"2\" d=\"M10,10L20,30\"")
                .contains(">2027</text>")
                .doesNotContain("style=");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                assertThat(PdfPainter.paint(stream, drawing, 40, 700, 360)).isEqualTo(150);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            try (PDDocument read = Loader.loadPDF(out.toByteArray())) {
                assertThat(new PDFTextStripper().getText(read)).contains("2027");
            }
        }
    }

    private static List<String> labels(List<Drawing.Mark> marks, String role) {
        return marks.stream()
                .filter(m -> m instanceof Drawing.Label l && l.role().equals(role))
                .map(m -> ((Drawing.Label) m).text())
                .toList();
    }
}
