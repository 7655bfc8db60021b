package uk.rcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import uk.rcc.sufficiency.board.ForecastRuns;
import uk.rcc.support.DemoForecastRun;

/**
 * The board reads the demo forecast's report in a real browser: the board's page opens on the published strategy,
 * every kind of chart is drawn with its data and axes, and axe-core finds no serious accessibility violation.
 */
class SufficiencyReportBrowserTest extends SampleRegistryInBrowser {
    @Autowired
    ForecastRuns forecasts;

    long runId;

    @BeforeEach
    void theDemoForecastPublished() {
        runId = DemoForecastRun.id(forecasts, registry.jdbc());
        registry.jdbc()
                .update(
                        "UPDATE forecast_run SET review_status = 'PUBLISHED', approved_by = 'commissioner', "
                                + "published_by = 'commissioner', published_at = now() WHERE id = ? AND review_status <> 'PUBLISHED'",
                        runId);
    }

    @Test
    void theReportDrawsEveryKindOfChartWithItsDataAndAxes() {
        browser.signIn("board");
        for (int load = 1; load <= 3; load++) {
            browser.driver().get(baseUrl() + "/sufficiency/runs/" + runId + "/report");
            browser.visible(By.id("chart-ALL-ALL"));
            Map<?, ?> timing = (Map<?, ?>) browser.script("const t = performance.getEntriesByType('navigation')[0];"
                    + "return {response: t.responseEnd - t.startTime, loaded: t.loadEventEnd - t.startTime, "
                    + "size: t.transferSize};");
            System.out.println("Report page of the four-council demo run, load " + load + ": server response "
                    + timing.get("response") + " ms, page loaded " + timing.get("loaded") + " ms, "
                    + timing.get("size") + " bytes (shared CPU: noisy)");
        }

        WebElement foster = browser.visible(By.id("chart-ALL-FOSTER"));
        assertThat(drawnPoints(foster, "history")).isEqualTo(72);
        assertThat(drawnPoints(foster, "median")).isEqualTo(36);
        assertThat(texts(foster, "text.axis-x")).hasSizeGreaterThanOrEqualTo(8).allMatch(t -> t.matches("20\\d\\d"));
        assertThat(texts(foster, "text.axis-y")).hasSizeGreaterThanOrEqualTo(4).allMatch(t -> t.matches("[\\d,]+"));
        assertThat(texts(foster, "text.as-of").get(0)).startsWith("as of end ");
        assertThat(inside(foster)).as("every label inside the chart's box").isTrue();

        for (String kind : List.of("places", "scenarios", "backtest")) {
            WebElement chart = browser.visible(By.id("chart-E06000063-" + kind));
            assertThat(chart.findElements(By.cssSelector("path")).size())
                    .as(kind)
                    .isGreaterThan(20);
            assertThat(texts(chart, "text.axis-y")).as(kind).isNotEmpty();
            assertThat(inside(chart))
                    .as(kind + ": every label inside the chart's box")
                    .isTrue();
            scrollTo(chart);
            browser.screenshot("31-report-" + kind);
        }
        assertThat(browser.driver().findElements(By.cssSelector("svg.chart")).size())
                .isGreaterThanOrEqualTo(5 * 4);
        scrollTo(foster);
        browser.screenshot("30-report-children-chart");
        assertThat(browser.driver().findElement(By.id("workbook")).getAttribute("href"))
                .endsWith("/api/sufficiency/runs/" + runId + "/report.xlsx");
        assertThat(seriousViolations()).isEmpty();
        assertThat(browser.consoleErrors()).noneMatch(m -> m.contains("Content Security Policy"));
    }

    @Test
    void theBoardsPageOpensOnThePublishedStrategyThenListsTheRuns() {
        browser.signIn("board");
        browser.go("#/sufficiency");

        WebElement overview = browser.visible(By.id("overview"));
        assertThat(overview.findElement(By.tagName("h2")).getText())
                .isEqualTo("Latest published strategy: " + DemoForecastRun.NAME);
        assertThat(overview.getText())
                .contains("children were looked after at the end of")
                .contains("Places at the end of");
        WebElement chart = browser.visible(By.cssSelector("#overview svg.chart"));
        assertThat(drawnPoints(chart, "history")).isEqualTo(72);
        assertThat(drawnPoints(chart, "median")).isEqualTo(36);
        assertThat(browser.atLeast(By.cssSelector("#forecast-runs tbody tr"), 1))
                .isNotEmpty();
        assertThat((Boolean) browser.script("return document.getElementById('overview').compareDocumentPosition("
                        + "document.getElementById('forecast-runs')) === Node.DOCUMENT_POSITION_FOLLOWING"))
                .isTrue();
        browser.screenshot("32-board-sufficiency-overview");
        assertThat(seriousViolations()).isEmpty();
        assertThat(browser.consoleErrors()).noneMatch(m -> m.contains("Content Security Policy"));
    }

    /** The points a series' path draws in the browser (its path's segments), read from the rendered SVG. */
    private long drawnPoints(WebElement chart, String series) {
        WebElement path = chart.findElement(By.cssSelector("path[data-series='" + series + "']"));
        Number drawn = (Number) browser.script(
                "const p = arguments[0]; const box = p.getBBox();"
                        + "return box.width > 0 ? p.getAttribute('d').split(/[ML]/).filter(s => s.length).length : 0;",
                path);
        assertThat(path.getAttribute("data-points")).isEqualTo(String.valueOf(drawn.longValue()));
        return drawn.longValue();
    }

    private List<String> texts(WebElement chart, String selector) {
        return chart.findElements(By.cssSelector(selector)).stream()
                .map(e -> e.getAttribute("textContent"))
                .toList();
    }

    /** True when every label's box lies within the SVG's view box: nothing cut off at the edges. */
    private boolean inside(WebElement chart) {
        return (Boolean) browser.script(
                "const svg = arguments[0]; const v = svg.viewBox.baseVal;"
                        + "return [...svg.querySelectorAll('text')].every(t => { const b = t.getBBox();"
                        + "return b.x >= v.x - 0.5 && b.y >= v.y - 0.5 && b.x + b.width <= v.x + v.width + 0.5"
                        + " && b.y + b.height <= v.y + v.height + 0.5; });",
                chart);
    }

    private void scrollTo(WebElement element) {
        browser.script("arguments[0].scrollIntoView({block: 'start'})", element);
    }

    /** axe-core (a copy of the npm package's axe.min.js, a test resource) run on the page: serious and critical. */
    private List<?> seriousViolations() {
        browser.script(axe());
        // axe checks every element of a long page; on a busy shared machine that takes a while.
        browser.driver().manage().timeouts().scriptTimeout(java.time.Duration.ofMinutes(3));
        String violations = (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify("
                        + "r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => "
                        + "({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target)})))))");
        System.out.println("axe-core serious or critical violations: " + violations);
        return violations.equals("[]") ? List.of() : List.of(violations);
    }

    private static String axe() {
        try (InputStream in = SufficiencyReportBrowserTest.class.getResourceAsStream("/axe/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }
}
