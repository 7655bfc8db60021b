package uk.rcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import uk.rcc.sufficiency.Ssda903Generator;
import uk.rcc.sufficiency.board.ForecastRuns;

/** A board member tries a named scenario on a forecast run and sees it beside the baseline, in a real browser. */
class BoardScenarioTest extends SampleRegistryInBrowser {
    private static final List<String> COUNCILS = List.of("E06000047", "E06000057", "E06000063", "E06000064");

    @Autowired
    ForecastRuns forecasts;

    long runId;

    @BeforeEach
    void aFinishedForecastRun() throws Exception {
        Path folder = Files.createTempDirectory("board-returns");
        Ssda903Generator.write(new Ssda903Generator.Spec(COUNCILS, 3, 0.02, LocalDate.of(2016, 4, 1), 8, 4), folder);
        for (String council : COUNCILS) {
            for (String file : List.of("header.csv", "episodes.csv")) {
                registry.jdbc()
                        .update(
                                "INSERT INTO ssda903_file (authority, file_name, content, uploaded_by) "
                                        + "VALUES (?, ?, ?, 'test')",
                                council,
                                file,
                                Files.readString(folder.resolve(council).resolve(file)));
            }
        }
        runId = forecasts.runNow(
                "commissioner",
                "Board run",
                new ForecastRuns.Parameters(12, LocalDate.of(2024, 4, 1), 9, 100, 0.8, null),
                "USER");
    }

    @Test
    void aBoardMemberAddsAScenarioAndSeesItBesideTheBaseline() {
        browser.signIn("board");
        browser.go("#/sufficiency");
        browser.click(By.cssSelector("button[data-run='" + runId + "']"));

        browser.visible(By.id("scenario-name")).sendKeys("Family help");
        WebElement entries = browser.visible(By.id("scenario-entry"));
        entries.clear();
        entries.sendKeys("-20");
        browser.click(By.cssSelector("#scenario-form button[type=submit]"));

        browser.waitForText(By.cssSelector("#scenario-comparison thead"), "Family help");
        assertThat(browser.visible(By.cssSelector("#scenario-comparison thead")).getText())
                .contains("baseline");
        assertThat(browser.atLeast(By.cssSelector("#scenario-comparison tbody tr"), 4)
                        .get(0)
                        .getText())
                .contains("needed");
        assertThat(registry.jdbc()
                        .queryForObject("SELECT status FROM forecast_scenario WHERE run_id = ?", String.class, runId))
                .isEqualTo("FINISHED");
        browser.screenshot("20-board-scenarios");
        assertThat(browser.consoleErrors()).noneMatch(m -> m.contains("Content Security Policy"));
    }
}
