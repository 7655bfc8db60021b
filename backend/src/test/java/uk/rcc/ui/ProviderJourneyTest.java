package uk.rcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import uk.rcc.matching.shortlist.ShortlistService;
import uk.rcc.security.Role;
import uk.rcc.security.Viewer;
import uk.rcc.support.TestRegistry;

/**
 * A provider confirms a vacancy and offers a home for a referral; the officer sees the offer beside the home in
 * the child's shortlist and accepts it; a vacancy not confirmed lately is flagged on the homes map.
 */
class ProviderJourneyTest extends SampleRegistryInBrowser {
    @Autowired
    ShortlistService shortlists;

    String staleHome;

    @BeforeEach
    void providersWithOneStaleVacancy() {
        registry.createProviders();
        staleHome = registry.homesOf(TestRegistry.PROVIDER_ORG).get(0);
        registry.jdbc()
                .update(
                        "UPDATE home SET vacancy_confirmed_at = now() - interval '30 days' WHERE home_id = ?",
                        staleHome);
    }

    @Test
    void providerConfirmsAVacancyAndOffersAHomeWhichTheOfficerSeesAndAccepts() {
        browser.signIn("provider");
        assertThat(browser.visible(By.id("signed-in-as")).getText()).contains("Provider");
        browser.visible(By.cssSelector("#provider-home-" + staleHome + " .stale-flag"));
        browser.screenshot("20-provider-homes");
        browser.click(By.id("confirm-" + staleHome));
        browser.waitForText(By.id("provider-message"), "confirmed");
        assertThat(registry.jdbc()
                        .queryForObject(
                                "SELECT vacancy_confirmed_at > now() - interval '1 minute' "
                                        + "FROM home WHERE home_id = ?",
                                Boolean.class,
                                staleHome))
                .isTrue();

        browser.go("#/offered");
        List<WebElement> cards = browser.atLeast(By.cssSelector("#provider-referrals .home-card"), 1);
        Offer offer = anOfferTheOfficerWillSeeInTheTopTen(cards);
        new Select(browser.visible(By.id("offer-home-" + offer.reference()))).selectByValue(offer.homeId());
        browser.visible(By.id("note-" + offer.reference())).sendKeys("Experienced carers, room free now.");
        browser.screenshot("21-provider-referrals");
        browser.click(By.id("offer-" + offer.reference()));
        browser.waitForText(By.id("referral-message"), "Offer sent");

        browser.signIn("officer.cumberland");
        browser.go("#/child/" + offer.childId());
        WebElement card = browser.visible(By.id("home-card-" + offer.homeId()));
        assertThat(browser.visible(By.cssSelector("#home-card-" + offer.homeId() + " .offer-note"))
                        .getText())
                .contains("Offered", "Fellside Fostering", "Experienced carers, room free now.");
        browser.screenshot("22-officer-sees-offer");
        card.findElement(By.xpath(".//button[starts-with(., 'Accept') or starts-with(., 'Choose')]"))
                .click();
        browser.visible(By.cssSelector("#home-card-" + offer.homeId() + " textarea"))
                .sendKeys("The provider offered it; close to school.");
        browser.click(By.xpath("//li[@id='home-card-" + offer.homeId() + "']//button[. = 'Confirm placement']"));
        browser.waitForText(By.id("decision-message"), "Placement recorded");
        assertThat(registry.jdbc()
                        .queryForObject(
                                "SELECT current_home_id FROM child WHERE child_id = ?", String.class, offer.childId()))
                .isEqualTo(offer.homeId());
        assertThat(browser.consoleErrors()).noneMatch(m -> m.contains("Content Security Policy"));
    }

    @Test
    void aVacancyNotConfirmedLatelyIsFlaggedOnTheMap() {
        browser.signIn("officer.cumberland");
        browser.go("#/homes");
        browser.click(By.id("filter-stale"));
        browser.waitForText(By.id("homes-count"), "1 of ");
        WebElement pin = browser.visible(By.cssSelector("#homes-map .home-stale"));
        assertThat(pin.getAttribute("title")).contains("vacancy not confirmed since");
        browser.click(By.cssSelector("#home-panel .link-button"));
        browser.waitForText(By.id("vacancy-confirmed"), "not confirmed lately");
        browser.screenshot("23-stale-vacancy-on-map");
    }

    record Offer(String reference, String childId, String homeId) {}

    /** A Cumberland child's referral and one of the provider's homes that is in the child's top ten. */
    private Offer anOfferTheOfficerWillSeeInTheTopTen(List<WebElement> cards) {
        Viewer officer = new Viewer("officer.cumberland", Role.OFFICER, TestRegistry.CUMBERLAND);
        for (WebElement card : cards) {
            String reference = card.getAttribute("id").substring("referral-".length());
            String child = registry.jdbc()
                    .queryForObject(
                            "SELECT r.child_id FROM referral_ref r JOIN child c "
                                    + "ON c.child_id = r.child_id WHERE r.ref = ?::uuid",
                            String.class,
                            reference);
            String council = registry.jdbc()
                    .queryForObject("SELECT authority_code FROM child WHERE child_id = ?", String.class, child);
            if (!TestRegistry.CUMBERLAND.equals(council)) {
                continue;
            }
            List<String> ownOptions = card.findElements(By.cssSelector("select option")).stream()
                    .map(option -> option.getAttribute("value"))
                    .toList();
            for (ShortlistService.Candidate candidate :
                    shortlists.forChild(officer, child, 10).candidates()) {
                if (ownOptions.contains(candidate.homeId())) {
                    return new Offer(reference, child, candidate.homeId());
                }
            }
        }
        throw new AssertionError("no Cumberland referral has one of the provider's homes in its top ten");
    }
}
