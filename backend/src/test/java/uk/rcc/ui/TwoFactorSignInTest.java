package uk.rcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import uk.rcc.imports.DatasetImporter;
import uk.rcc.security.Totp;
import uk.rcc.support.SharedData;
import uk.rcc.support.TestRegistry;

/**
 * Two-factor sign-in in a real browser, with the production setting (required for administrators and
 * commissioners): a commissioner's first sign-in enrols an authenticator app from the QR code's key, with a code the
 * test computes as the app would (RFC 6238), sees the recovery codes once and is signed in; the next sign-in asks for
 * a code; five wrong codes lock the account; a recovery code works once; a board member, for whom it is optional,
 * signs in with a password alone until they enrol. Every enrolment and reset is audited.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "rcc.two-factor.required-roles=ADMIN,COMMISSIONER")
@ActiveProfiles("test")
class TwoFactorSignInTest {
    @LocalServerPort
    int port;

    @Autowired
    TestRegistry registry;

    @Autowired
    DatasetImporter importer;

    Browser browser;

    @BeforeEach
    void accountsAndBrowser() throws IOException {
        registry.reset();
        importer.importDirectory(SharedData.sample());
        registry.createAccounts();
        browser = Browser.open(port);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aCommissionerEnrolsAtFirstSignInThenSignsInWithACode() {
        browser.enterPassword("commissioner");
        browser.visible(By.id("qr"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/login/enrol");
        assertThat(browser.driver().findElement(By.id("qr")).getAttribute("src"))
                .startsWith("data:image/svg+xml;base64,");
        assertThat(browser.driver().getPageSource()).doesNotContain("signed-in-as");
        String secret = browser.visible(By.id("secret")).getText();
        browser.screenshot("20-two-factor-enrolment");

        browser.visible(By.id("code")).sendKeys(Totp.code(secret, Totp.step(Instant.now())));
        browser.click(By.cssSelector("form button[type=submit]"));
        List<String> recoveryCodes = browser.atLeast(By.cssSelector("#recovery-codes li"), 10).stream()
                .map(element -> element.getText())
                .toList();
        assertThat(recoveryCodes).hasSize(10).allMatch(code -> code.matches("[a-z2-7]{5}-[a-z2-7]{5}"));
        browser.click(By.id("continue"));
        browser.waitFor(d -> !d.findElement(By.id("signed-in-as")).getText().isBlank());
        assertThat(auditActions("commissioner")).contains("LOGIN_PASSWORD_ACCEPTED", "ENROL_TWO_FACTOR", "LOGIN");

        signOut();
        browser.enterPassword("commissioner");
        browser.visible(By.id("code"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/login/code");
        // the code already used to enrol is refused (no replay); the next step's code, which the window allows, is not
        browser.visible(By.id("code")).sendKeys(Totp.code(secret, Totp.step(Instant.now()) + 1));
        browser.click(By.cssSelector("form button[type=submit]"));
        browser.waitFor(d -> !d.findElement(By.id("signed-in-as")).getText().isBlank());
        browser.screenshot("21-signed-in-with-a-code");
    }

    @Test
    void fiveWrongCodesLockTheAccountAndARecoveryCodeSignsInOnce() {
        String secret = enrolled("admin");
        List<String> recoveryCodes = lastRecoveryCodes;
        signOut();

        browser.enterPassword("admin");
        for (int attempt = 1; attempt <= 4; attempt++) {
            enterCode(wrongCode(secret));
            pageSays("Wrong or already used code");
        }
        enterCode(wrongCode(secret));
        pageSays("Sign-in failed");
        assertThat(auditActions("admin")).containsSequence("LOGIN_CODE_FAILED", "LOCKED");
        browser.enterPassword("admin");
        pageSays("Sign-in failed");

        registry.jdbc().update("UPDATE app_user SET locked_until = now() WHERE username = 'admin'"); // 15 minutes on
        browser.enterPassword("admin");
        enterCode(recoveryCodes.get(0));
        browser.waitFor(d -> !d.findElement(By.id("signed-in-as")).getText().isBlank());
        assertThat(auditActions("admin")).contains("USE_RECOVERY_CODE");
        signOut();
        browser.enterPassword("admin");
        enterCode(recoveryCodes.get(0));
        pageSays("Wrong or already used code");
    }

    @Test
    void aBoardMemberMayEnrolAndAnAdministratorResetsTheirSecondFactor() {
        browser.signIn("board");
        browser.go("account/two-factor");
        String secret = browser.visible(By.id("secret")).getText();
        enterCode(currentCode(secret));
        browser.atLeast(By.cssSelector("#recovery-codes li"), 10);
        assertThat(auditActions("board")).contains("ENROL_TWO_FACTOR");
        browser.click(By.id("continue"));
        signOut();
        browser.enterPassword("board");
        browser.visible(By.id("code"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/login/code");

        enrolled("admin");
        Object status = browser.script("""
                var request = new XMLHttpRequest();
                request.open('POST', '/api/accounts/board/two-factor/reset', false);
                var token = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
                request.setRequestHeader('X-XSRF-TOKEN', decodeURIComponent(token.substring(11)));
                request.send();
                return request.status;""");
        assertThat(status).isEqualTo(204L);
        assertThat(registry.jdbc()
                        .queryForList(
                                "SELECT actor || ' ' || action || ' ' || subject FROM audit_event "
                                        + "WHERE action = 'RESET_TWO_FACTOR'",
                                String.class))
                .containsExactly("admin RESET_TWO_FACTOR board");
        signOut();
        browser.signIn("board");
    }

    private List<String> lastRecoveryCodes = List.of();

    /** Signs in for the first time, enrolling with the code the app would show now; keeps the recovery codes. */
    private String enrolled(String username) {
        browser.enterPassword(username);
        String secret = browser.visible(By.id("secret")).getText();
        enterCode(currentCode(secret));
        lastRecoveryCodes = browser.atLeast(By.cssSelector("#recovery-codes li"), 10).stream()
                .map(element -> element.getText())
                .toList();
        browser.click(By.id("continue"));
        browser.waitFor(d -> !d.findElement(By.id("signed-in-as")).getText().isBlank());
        return secret;
    }

    /** Submits a code and waits until the answer is a new page (an error page may read as the one before). */
    private void enterCode(String code) {
        browser.visible(By.id("code")).sendKeys(code);
        browser.script("document.documentElement.dataset.submitted = 'yes'");
        browser.click(By.cssSelector("form button[type=submit]"));
        browser.waitFor(d -> {
            try {
                return !"yes".equals(browser.script("return document.documentElement.dataset.submitted"));
            } catch (org.openqa.selenium.WebDriverException e) {
                return false;
            }
        });
    }

    private void signOut() {
        browser.click(By.id("sign-out"));
        pageSays("You are signed out");
    }

    /** Waits for the page to say something; pages replaced meanwhile (a redirect) are simply read again. */
    private void pageSays(String text) {
        browser.waitFor(d -> {
            try {
                return d.findElement(By.tagName("main")).getText().contains(text);
            } catch (org.openqa.selenium.WebDriverException e) {
                return false;
            }
        });
    }

    /** A code of a step far from now: never accepted. */
    private static String wrongCode(String secret) {
        return Totp.code(secret, Totp.step(Instant.now()) + 40);
    }

    private static String currentCode(String secret) {
        return Totp.code(secret, Totp.step(Instant.now()));
    }

    private List<String> auditActions(String actor) {
        return registry.jdbc()
                .queryForList("SELECT action FROM audit_event WHERE actor = ? ORDER BY id", String.class, actor);
    }
}
