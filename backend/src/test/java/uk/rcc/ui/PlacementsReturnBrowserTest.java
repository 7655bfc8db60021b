package uk.rcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** An officer finds the quarter's national placements return on the referrals page and checks it. */
class PlacementsReturnBrowserTest extends SampleRegistryInBrowser {

    @Test
    void anOfficerDownloadsAQuartersReturnAndChecksItAgainstTheStandard() {
        browser.signIn("officer.cumberland");

        String quarter = browser.visible(By.id("return-quarter")).getAttribute("value");
        assertThat(quarter).matches("\\d{4}-(01|04|07|10)-01");
        assertThat(browser.visible(By.cssSelector(".placements-return a[data-format=xlsx]"))
                        .getAttribute("href"))
                .endsWith("/api/placements-return?quarter=" + quarter + "&format=xlsx");
        browser.click(By.xpath("//button[text()='Check against the standard']"));

        browser.waitForText(By.cssSelector(".placements-return .notice"), "placement(s): ");
        browser.screenshot("20-placements-return");
    }
}
