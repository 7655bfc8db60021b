package uk.rcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import uk.rcc.support.TestRegistry;

/** A placement officer works through the referrals queue and places a child, in a real browser. */
class OfficerJourneyTest extends SampleRegistryInBrowser {

    @Test
    void officerSeesOwnCouncilsQueueMostUrgentFirst() {
        browser.signIn("officer.cumberland");

        List<WebElement> rows = browser.atLeast(By.cssSelector("#referrals-table tbody tr"), 1);
        int awaiting = registry.jdbc()
                .queryForObject(
                        "SELECT count(*) FROM child WHERE authority_code = ? AND current_home_id IS NULL",
                        Integer.class,
                        TestRegistry.CUMBERLAND);
        assertThat(rows).hasSize(awaiting);
        assertThat(browser.visible(By.id("signed-in-as")).getText()).contains("Placement officer", "Cumberland");
        assertThat(browser.driver()
                        .findElement(By.cssSelector("#main-nav a[data-page=run]"))
                        .isDisplayed())
                .as("only commissioners see the co-operative run")
                .isFalse();
        List<String> shownIds = rows.stream()
                .map(r -> r.findElement(By.cssSelector("th a")).getText())
                .toList();
        List<String> cumberlandIds = registry.jdbc()
                .queryForList(
                        "SELECT child_id FROM child WHERE authority_code = ? AND current_home_id IS NULL",
                        String.class,
                        TestRegistry.CUMBERLAND);
        assertThat(shownIds).containsExactlyInAnyOrderElementsOf(cumberlandIds);
        browser.screenshot("01-referrals-queue");
        assertThat(browser.consoleErrors()).noneMatch(m -> m.contains("Content Security Policy"));

        browser.driver().manage().window().setSize(new Dimension(820, 1180));
        rows.get(0).findElement(By.cssSelector("th a")).click();
        browser.atLeast(By.cssSelector("#shortlist .home-card"), 1);
        browser.screenshot("08-child-match-view-tablet");
    }

    @Test
    void officerOpensAChildSeesTheShortlistOnTheMapAndAcceptsAHome() {
        browser.signIn("officer.cumberland");
        browser.atLeast(By.cssSelector("#referrals-table tbody tr"), 1)
                .get(0)
                .findElement(By.cssSelector("th a"))
                .click();

        List<WebElement> cards = browser.atLeast(By.cssSelector("#shortlist .home-card"), 1);
        assertThat(browser.driver().findElements(By.cssSelector("#child-map .pin-home")))
                .as("one map marker per shortlisted home")
                .hasSize(cards.size());
        assertThat(browser.driver().findElements(By.cssSelector("#child-map .pin-family")))
                .hasSize(1);
        assertThat(browser.driver().findElements(By.cssSelector("#child-map path.twenty-mile-ring")))
                .hasSize(1);
        assertThat(browser.visible(By.cssSelector("#child-map .map-note")).getText())
                .isEqualTo("Locations shown to about 1 km");
        assertThat(browser.visible(By.id("exclusion-summary")).getText())
                .matches(
                        "\\d+ homes considered\\. (No homes were excluded\\.|\\d+ homes? excluded: \\d+ [a-z ]+(, \\d+ [a-z ]+)*)");
        browser.waitFor(d -> !d.findElements(By.cssSelector("#child-map .leaflet-councilAreas-pane path"))
                .isEmpty());
        browser.screenshot("02-child-match-view");

        WebElement first = cards.get(0);
        String homeId = first.getAttribute("data-home-id");
        int before =
                Integer.parseInt(first.findElement(By.cssSelector(".vacancies")).getAttribute("data-vacancies"));
        first.findElement(By.xpath(".//button[starts-with(., 'Accept') or starts-with(., 'Choose')]"))
                .click();
        WebElement reason = browser.visible(By.cssSelector("#home-card-" + homeId + " textarea"));
        reason.sendKeys("Close to school and family; carers experienced with this age.");
        first.findElement(By.xpath(".//button[. = 'Confirm placement']")).click();

        browser.waitForText(By.id("decision-message"), "Placement recorded");
        int after = Integer.parseInt(browser.visible(By.cssSelector("#home-card-" + homeId + " .vacancies"))
                .getAttribute("data-vacancies"));
        assertThat(after).isEqualTo(before - 1);
        assertThat(registry.jdbc()
                        .queryForObject(
                                "SELECT places - (SELECT count(*) FROM child c WHERE "
                                        + "c.current_home_id = h.home_id) FROM home h WHERE home_id = ?",
                                Integer.class,
                                homeId))
                .as("the database agrees with what the page shows")
                .isEqualTo(after);
        browser.screenshot("03-child-placed");
        assertThat(browser.consoleErrors()).noneMatch(m -> m.contains("Content Security Policy"));
    }

    @Test
    void whenSomeoneElseFillsTheHomeFirstTheOfficerIsToldToChooseAnother() {
        browser.signIn("officer.cumberland");
        browser.atLeast(By.cssSelector("#referrals-table tbody tr"), 1)
                .get(0)
                .findElement(By.cssSelector("th a"))
                .click();
        WebElement first =
                browser.atLeast(By.cssSelector("#shortlist .home-card"), 1).get(0);
        String homeId = first.getAttribute("data-home-id");
        String childId = browser.driver().getCurrentUrl().replaceAll(".*#/child/", "");
        fillHomeWithOtherChildren(homeId, childId);

        first.findElement(By.xpath(".//button[starts-with(., 'Accept') or starts-with(., 'Choose')]"))
                .click();
        browser.visible(By.cssSelector("#home-card-" + homeId + " textarea")).sendKeys("Nearest to school.");
        first.findElement(By.xpath(".//button[. = 'Confirm placement']")).click();

        browser.waitForText(By.id("decision-message"), "That home has just been filled by another placement");
        browser.waitFor(d -> d.findElements(By.id("home-card-" + homeId)).isEmpty());
        assertThat(registry.jdbc()
                        .queryForObject("SELECT current_home_id FROM child WHERE child_id = ?", String.class, childId))
                .as("the child was not placed")
                .isNull();
        browser.screenshot("03b-home-just-filled");
    }

    @Test
    void officerRejectsAShortlistedHomeWithAReason() {
        browser.signIn("officer.cumberland");
        browser.atLeast(By.cssSelector("#referrals-table tbody tr"), 1)
                .get(0)
                .findElement(By.cssSelector("th a"))
                .click();
        WebElement card =
                browser.atLeast(By.cssSelector("#shortlist .home-card"), 1).get(0);
        String homeId = card.getAttribute("data-home-id");

        card.findElement(By.xpath(".//button[. = 'Reject']")).click();
        card.findElement(By.xpath(".//button[. = 'Record rejection']")).click();
        browser.waitForText(By.cssSelector("#home-card-" + homeId + " .reason-form"), "Give a reason");
        card.findElement(By.tagName("textarea")).sendKeys("Carers cannot support going-missing episodes.");
        card.findElement(By.xpath(".//button[. = 'Record rejection']")).click();

        browser.waitForText(By.id("decision-message"), "Rejection of");
        assertThat(registry.jdbc()
                        .queryForObject(
                                "SELECT reason FROM decision WHERE decision = 'REJECT' AND home_id = ?",
                                String.class,
                                homeId))
                .isEqualTo("Carers cannot support going-missing episodes.");
    }

    /** Another officer's placements, written straight to the registry, take every free place of the home. */
    private void fillHomeWithOtherChildren(String homeId, String exceptChildId) {
        int free = registry.jdbc()
                .queryForObject(
                        "SELECT places - (SELECT count(*) FROM child c WHERE "
                                + "c.current_home_id = h.home_id) FROM home h WHERE home_id = ?",
                        Integer.class,
                        homeId);
        int moved = registry.jdbc()
                .update(
                        "UPDATE child SET current_home_id = ? WHERE child_id IN (SELECT child_id "
                                + "FROM child WHERE current_home_id IS NULL AND child_id <> ? ORDER BY child_id LIMIT ?)",
                        homeId,
                        exceptChildId,
                        free);
        assertThat(moved).as("enough waiting children to fill the home").isEqualTo(free);
    }

    @Test
    void homesRegisterFiltersAndShowsAHomesOccupancy() {
        browser.signIn("officer.cumberland");
        browser.go("#/homes");

        browser.visible(By.id("filter-kind"));
        browser.waitForText(By.id("homes-count"), "homes shown");
        int homes = registry.count("home");
        assertThat(browser.visible(By.id("homes-count")).getText()).startsWith(homes + " of " + homes + " homes");
        assertThat(browser.driver().findElements(By.cssSelector("#homes-map .cluster")))
                .as("zoomed out, nearby homes are clustered")
                .isNotEmpty();

        browser.driver().findElement(By.id("filter-vacant")).click();
        int vacantHomes = registry.jdbc()
                .queryForObject(
                        "SELECT count(*) FROM home h WHERE available AND places > "
                                + "(SELECT count(*) FROM child c WHERE c.current_home_id = h.home_id)",
                        Integer.class);
        browser.waitFor(d -> d.findElement(By.id("homes-count")).getText().startsWith(vacantHomes + " of "));

        browser.click(By.cssSelector("#home-panel .home-list button"));
        browser.visible(By.id("occupancy-meter"));
        assertThat(browser.visible(By.id("home-panel")).getText()).contains("places taken", "Weekly cost");
        browser.screenshot("04-homes-register");
        assertThat(browser.consoleErrors()).noneMatch(m -> m.contains("Content Security Policy"));
    }
}
