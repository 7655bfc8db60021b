package uk.rcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import uk.rcc.matching.runs.MatchingRunService;

/** A commissioner sees where places would help, on the map and in a ranked list, after a co-operative run. */
class CapacityPageTest extends SampleRegistryInBrowser {
    @Autowired
    MatchingRunService runs;

    @Test
    void commissionerSeesRankedOptionsOnTheMapAndInTheListFromTheLatestRun() {
        browser.signIn("commissioner");
        browser.go("#/capacity");
        browser.waitForText(By.id("capacity-list"), "No co-operative matching run has ended");

        long runId = runs.start("commissioner", "USER", 3, null).id();
        // a run and the options take seconds, more on a busy machine than the browser's patience
        within(
                Duration.ofMinutes(3),
                () -> "FINISHED"
                        .equals(registry.jdbc()
                                .queryForObject("SELECT status FROM matching_run WHERE id = ?", String.class, runId)));
        browser.go("#/run");
        browser.go("#/capacity");
        within(
                Duration.ofMinutes(3),
                () -> browser.driver().findElements(By.id("capacity-heading")).stream()
                        .anyMatch(heading -> heading.getText().startsWith("From run " + runId)));
        List<WebElement> extra = browser.atLeast(By.cssSelector("#capacity-list tr[data-option=EXTRA_PLACE]"), 1);
        assertThat(extra.get(0).findElement(By.cssSelector("td")).getText()).isEqualTo("1");
        assertThat(extra.get(0).getText()).contains("One more place in");
        int rows = browser.driver()
                .findElements(By.cssSelector("#capacity-list tbody tr"))
                .size();
        assertThat(browser.driver().findElements(By.cssSelector("#capacity-map path.leaflet-interactive")))
                .as("one marker per option")
                .hasSizeGreaterThanOrEqualTo(rows);
        browser.screenshot("20-where-places-would-help");
        assertThat(browser.consoleErrors()).noneMatch(m -> m.contains("Content Security Policy"));
    }

    private static void within(Duration patience, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited " + patience).isLessThan(deadline);
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void anOfficerHasNoCapacityPage() {
        browser.signIn("officer.cumberland");
        browser.go("#/capacity");
        browser.waitFor(d -> d.getCurrentUrl().endsWith("#/referrals"));
        assertThat(browser.driver()
                        .findElement(By.cssSelector("#main-nav a[data-page=capacity]"))
                        .isDisplayed())
                .isFalse();
    }
}
