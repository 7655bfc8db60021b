package uk.rcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A commissioner starts a co-operative matching run, stops it, and reviews its proposals, in a real browser. */
class CommissionerRunTest extends SampleRegistryInBrowser {

    @Test
    void commissionerStartsAndStopsARunThenReviewsItsProposals() {
        browser.signIn("commissioner");
        browser.go("#/run");
        browser.waitForText(By.id("run-progress"), "No runs yet");

        WebElement seconds = browser.visible(By.id("run-seconds"));
        seconds.clear();
        seconds.sendKeys("600");
        browser.click(By.id("start-run"));
        browser.visible(By.id("stop-run"));
        assertThat(browser.visible(By.id("run-status")).getText()).isIn("Running", "Waiting to start");
        browser.screenshot("05-run-in-progress");
        browser.click(By.id("stop-run"));

        browser.waitFor(d -> d.findElement(By.id("run-status")).getText().startsWith("Stopped")
                || d.findElement(By.id("run-status")).getText().equals("Finished"));
        String status = registry.jdbc().queryForObject("SELECT status FROM matching_run", String.class);
        assertThat(status).isIn("STOPPED", "FINISHED");
        assertThat(browser.visible(By.id("start-run")).isEnabled()).isTrue();

        browser.waitForText(By.id("proposal-summary"), "children have a proposed home");
        int proposed = registry.jdbc()
                .queryForObject("SELECT count(*) FROM proposal WHERE home_id IS NOT NULL", Integer.class);
        assertThat(browser.driver().findElements(By.cssSelector("#run-map path.line-near, #run-map path.line-far")))
                .as("one line per proposed home")
                .hasSize(proposed);
        List<WebElement> figureRows = browser.atLeast(By.cssSelector("#run-figures tbody tr"), 5);
        assertThat(figureRows.get(0).getText()).startsWith("Placed within 20 miles of family home");
        browser.screenshot("06-run-reviewed");
        assertThat(browser.consoleErrors()).noneMatch(m -> m.contains("Content Security Policy"));
    }

    @Test
    void boardMemberSeesOnlyTheHomesRegister() {
        browser.signIn("board");
        browser.visible(By.id("homes-count"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("#/homes");
        assertThat(browser.driver()
                        .findElement(By.cssSelector("#main-nav a[data-page=referrals]"))
                        .isDisplayed())
                .isFalse();

        browser.click(By.id("sign-out"));
        browser.waitForText(By.cssSelector("main"), "You are signed out");
        browser.go("#/homes");
        browser.visible(By.id("username"));
    }
}
