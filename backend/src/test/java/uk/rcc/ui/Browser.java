package uk.rcc.ui;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.rcc.support.TestRegistry;

/**
 * A headless Chromium signed in to the application. Without Chromium the test is skipped, except in CI
 * (CI=true), where a missing browser is a failure so the browser tests can never silently stop running.
 */
final class Browser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path profile;

    private Browser(ChromeDriver driver, String baseUrl, Path profile) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.profile = profile;
    }

    static Browser open(int port) throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true but Chromium or chromedriver is missing (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): install Debian's chromium and chromium-driver");
        }
        assumeTrue(
                installed,
                "Browser tests skipped: Chromium is not installed at " + CHROMIUM
                        + " (apt-get install chromium chromium-driver to run them)");
        Path profile = Files.createTempDirectory("rcc-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--window-size=1280,800");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options), "http://localhost:" + port, profile);
    }

    void signIn(String username) {
        driver.get(baseUrl + "/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(TestRegistry.PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(d -> !d.findElement(By.id("signed-in-as")).getText().isBlank());
    }

    /** Username and password only, for an account whose next page is the two-factor code or enrolment. */
    void enterPassword(String username) {
        driver.get(baseUrl + "/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(TestRegistry.PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
    }

    String baseUrl() {
        return baseUrl;
    }

    void go(String hash) {
        driver.get(baseUrl + "/" + hash);
    }

    WebElement visible(By locator) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    List<WebElement> atLeast(By locator, int count) {
        return waitFor(ExpectedConditions.numberOfElementsToBeMoreThan(locator, count - 1));
    }

    /** Waits for a condition; the UI re-renders as it polls, so an element replaced meanwhile is looked up again. */
    <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition::apply);
    }

    /** Clicks an element once it is visible, again if the page replaced it between finding and clicking. */
    void click(By locator) {
        waitFor(d -> {
            try {
                WebElement element = d.findElement(locator);
                if (!element.isDisplayed() || !element.isEnabled()) {
                    return false;
                }
                element.click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException
                    | org.openqa.selenium.ElementClickInterceptedException e) {
                return false;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return false;
                }
                throw e;
            }
        });
    }

    void waitForText(By locator, String text) {
        waitFor(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    WebDriver driver() {
        return driver;
    }

    /** Saves a PNG of the window under backend/target/screenshots for people to look at. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(
                    SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Errors the page logged, such as Content Security Policy violations or failed scripts. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}
