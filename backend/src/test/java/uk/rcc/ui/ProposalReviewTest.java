package uk.rcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.rcc.imports.DatasetImporter;
import uk.rcc.matching.runs.MatchingRun;
import uk.rcc.matching.runs.MatchingRunService;
import uk.rcc.support.SharedData;
import uk.rcc.support.TestRegistry;

/** An officer reviews a co-operative run's proposal for a child and chooses another home, giving a reason. */
@BrowserTest
class ProposalReviewTest {
    @LocalServerPort
    int port;

    @Autowired
    TestRegistry registry;

    @Autowired
    DatasetImporter importer;

    @Autowired
    MatchingRunService runs;

    Browser browser;

    @BeforeEach
    void sampleRegistryWithAFinishedRun() throws IOException {
        registry.reset();
        importer.importDirectory(SharedData.sample());
        registry.createAccounts();
        browser = Browser.open(port);
        MatchingRun run = runs.start("commissioner", "USER", 2, null);
        browser.waitFor(d -> List.of("FINISHED", "FAILED")
                .contains(runs.find(run.id()).orElseThrow().status().name()));
        assertThat(runs.find(run.id()).orElseThrow().status()).isEqualTo(uk.rcc.jobs.JobStatus.FINISHED);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void officerSeesTheProposalAndMustGiveAReasonToChooseAnotherHome() {
        Map<String, Object> proposal =
                registry.jdbc().queryForMap("""
                SELECT p.child_id, p.home_id, p.authority_code, h.name AS home_name FROM proposal p
                JOIN home h ON h.home_id = p.home_id
                WHERE p.authority_code IN (?, ?) ORDER BY p.authority_code, p.child_id LIMIT 1""", TestRegistry.CUMBERLAND, TestRegistry.NORTHUMBERLAND);
        String childId = (String) proposal.get("child_id");
        String proposedHome = (String) proposal.get("home_id");
        boolean cumberland = TestRegistry.CUMBERLAND.equals(proposal.get("authority_code"));
        browser.signIn(cumberland ? "officer.cumberland" : "officer.northumberland");

        WebElement row = browser.visible(By.xpath("//table[@id='referrals-table']//tr[th/a[. = '" + childId + "']]"));
        browser.waitFor(d -> row.getText().contains("Proposed: " + proposal.get("home_name")));
        row.findElement(By.cssSelector("th a")).click();

        browser.waitForText(
                By.cssSelector(".proposal-note"), "The latest co-operative run proposed " + proposal.get("home_name"));
        WebElement other = browser.atLeast(By.cssSelector("#shortlist .home-card"), 1).stream()
                .filter(card -> !proposedHome.equals(card.getAttribute("data-home-id")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the shortlist offers no home besides the proposed one"));
        String otherHome = other.getAttribute("data-home-id");
        other.findElement(By.xpath(".//button[. = 'Choose this home instead']")).click();
        other.findElement(By.xpath(".//button[. = 'Confirm placement']")).click();
        browser.waitForText(By.cssSelector("#home-card-" + otherHome + " .reason-form"), "Give a reason");
        assertThat(registry.jdbc()
                        .queryForObject("SELECT current_home_id FROM child WHERE child_id = ?", String.class, childId))
                .as("nothing is recorded without a reason")
                .isNull();

        other.findElement(By.tagName("textarea")).sendKeys("Keeps the child at the same school.");
        other.findElement(By.xpath(".//button[. = 'Confirm placement']")).click();
        browser.waitForText(By.id("decision-message"), "Placement recorded");

        Map<String, Object> decision = registry.jdbc()
                .queryForMap("SELECT decision, home_id, reason FROM decision WHERE child_id = ?", childId);
        assertThat(decision)
                .containsEntry("decision", "OVERRIDE")
                .containsEntry("home_id", otherHome)
                .containsEntry("reason", "Keeps the child at the same school.");
        browser.screenshot("07-proposal-overridden");
    }
}
