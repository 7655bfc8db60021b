package uk.rcc.sufficiency.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;
import uk.rcc.RccApplication;
import uk.rcc.cli.CommandLine;
import uk.rcc.cli.Options;
import uk.rcc.jobs.JobStatus;
import uk.rcc.matching.runs.MatchingRunService;

/**
 * How long the board waits for the sufficiency report of the four-council demo run in a real browser: starts the
 * application with the demo co-operative on a throw-away embedded PostgreSQL, waits for the demo's forecast (and,
 * unless {@code --no-matching}, a short co-operative matching run, so the report has capacity options), signs in as
 * {@code board} in headless Chromium and opens the report {@code --loads} times. Each load is timed from navigation
 * start until every chart's SVG has been laid out and the next frame painted, with the server's response time and
 * the page's size; the first (cold) load is reported apart from the rest. Writes a Markdown result with the machine,
 * the date and the load average before and after.
 */
public final class ReportRenderBenchmark {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String PASSWORD = "demo-only-password";
    private static final Duration PATIENCE = Duration.ofMinutes(15);

    /**
     * Runs in every document before its own scripts (through DevTools, so the Content Security Policy does not
     * apply): once the DOM is parsed, waits until every chart has a laid-out box, then for the frame after it.
     */
    private static final String MARK_DRAWN = """
            document.addEventListener('DOMContentLoaded', () => {
              const check = () => {
                const charts = [...document.querySelectorAll('svg.chart')];
                if (charts.length && charts.every(c => c.getBBox().width > 0)) {
                  requestAnimationFrame(() => setTimeout(() => {
                    window.__rccChartsDrawn = {at: performance.now(), charts: charts.length};
                  }, 0));
                } else {
                  setTimeout(check, 5);
                }
              };
              check();
            });
            """;

    /** One load's figures, milliseconds from navigation start. */
    record Load(double drawn, double firstByte, double response, double loaded, long htmlBytes, int charts) {}

    static final String USAGE = "Usage: bench-report [--loads 10] [--no-matching] [--out FILE]";

    private ReportRenderBenchmark() {}

    public static int run(List<String> arguments, PrintStream out, PrintStream err) {
        Options options;
        int loads;
        try {
            options = Options.parse(arguments, java.util.Set.of("loads", "out", "no-matching", "help"));
            loads = options.intValue("loads", 10);
            if (loads < 1) {
                throw new IllegalArgumentException("--loads must be at least 1, not " + loads);
            }
        } catch (IllegalArgumentException e) {
            err.println("bench-report: " + e.getMessage());
            err.println(USAGE);
            return CommandLine.USAGE;
        }
        if (options.get("help").isPresent()) {
            out.println(USAGE);
            return 0;
        }
        String loadBefore = loadAverage();
        Path database;
        try {
            database = Files.createTempDirectory("rcc-bench-report-db");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // as command-line properties, which win over application.properties (its port 8080 and ~/.rcc/postgres)
        ConfigurableApplicationContext app = new SpringApplicationBuilder(RccApplication.class)
                .run(
                        "--server.port=0",
                        "--rcc.embedded-database.directory=" + database,
                        "--rcc.demo.load-when-empty=true");
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long started = System.nanoTime();
            long forecast = demoForecast(jdbc);
            double forecastSeconds = (System.nanoTime() - started) / 1e9;
            String matching = options.get("no-matching").isPresent()
                    ? "none"
                    : matchingRun(app.getBean(MatchingRunService.class));
            List<Load> measured = measure(port, forecast, loads);
            String markdown = markdown(arguments, loadBefore, loadAverage(), forecastSeconds, matching, measured);
            out.print(markdown);
            if (options.get("out").isPresent()) {
                Files.writeString(Path.of(options.get("out").get()), markdown);
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            app.close();
            FileSystemUtils.deleteRecursively(database.toFile());
        }
    }

    /** The id of the demo's first forecast once it has finished. */
    private static long demoForecast(JdbcTemplate jdbc) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> runs =
                    jdbc.queryForList("SELECT id, status FROM forecast_run ORDER BY id LIMIT 1");
            if (!runs.isEmpty() && runs.get(0).get("status").equals("FINISHED")) {
                return ((Number) runs.get(0).get("id")).longValue();
            }
            if (!runs.isEmpty() && !runs.get(0).get("status").equals("RUNNING")) {
                throw new IllegalStateException(
                        "the demo forecast is " + runs.get(0).get("status"));
            }
            pause();
        }
        throw new IllegalStateException("the demo forecast did not finish in " + PATIENCE);
    }

    /** A 10-second co-operative matching run, so each council section has its capacity options. */
    private static String matchingRun(MatchingRunService runs) {
        long id = runs.start("bench", "USER", 10, null).id();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            JobStatus status = runs.find(id).orElseThrow().status();
            if (status == JobStatus.FINISHED) {
                return "run " + id + " (10 s)";
            }
            if (!status.active()) {
                throw new IllegalStateException("the matching run is " + status);
            }
            pause();
        }
        throw new IllegalStateException("the matching run did not finish in " + PATIENCE);
    }

    private static List<Load> measure(int port, long forecast, int loads) throws IOException {
        Path profile = Files.createTempDirectory("rcc-bench-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--window-size=1280,800");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", MARK_DRAWN));
            String base = "http://localhost:" + port;
            driver.get(base + "/login");
            driver.findElement(By.id("username")).sendKeys("board");
            driver.findElement(By.id("password")).sendKeys(PASSWORD);
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(60))
                    .until(d -> !d.findElement(By.id("signed-in-as")).getText().isBlank());
            List<Load> measured = new ArrayList<>();
            for (int i = 0; i <= loads; i++) {
                driver.get(base + "/sufficiency/runs/" + forecast + "/report");
                measured.add(load(driver));
            }
            return measured;
        } finally {
            driver.quit();
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }

    private static Load load(ChromeDriver driver) {
        Map<?, ?> figures = (Map<?, ?>) new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(60))
                .until(d -> driver.executeScript("const drawn = window.__rccChartsDrawn; if (!drawn) return null;"
                        + "const t = performance.getEntriesByType('navigation')[0];"
                        + "return {drawn: drawn.at, charts: drawn.charts, firstByte: t.responseStart,"
                        + " response: t.responseEnd, loaded: t.loadEventEnd, bytes: t.decodedBodySize};"));
        return new Load(
                number(figures.get("drawn")),
                number(figures.get("firstByte")),
                number(figures.get("response")),
                number(figures.get("loaded")),
                (long) number(figures.get("bytes")),
                (int) number(figures.get("charts")));
    }

    private static String markdown(
            List<String> arguments,
            String loadBefore,
            String loadAfter,
            double forecastSeconds,
            String matching,
            List<Load> loads) {
        Load cold = loads.get(0);
        List<Load> warm = loads.subList(1, loads.size());
        StringBuilder md = new StringBuilder();
        md.append("## Run ")
                .append(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS))
                .append("\n\n");
        md.append("Command: `mvn -B -q -pl backend exec:java@bench -Dbench.args=\"bench-report ")
                .append(String.join(" ", arguments))
                .append("\"`\n\n");
        md.append(machine()).append("\n\n");
        md.append("Load average (1, 5, 15 min) before: ")
                .append(loadBefore)
                .append("; after: ")
                .append(loadAfter)
                .append(".\n\n");
        md.append(String.format(
                Locale.ROOT,
                "Demo forecast (1,000 simulations, two scenarios, started as the demo loads) finished %.0f s after "
                        + "the application was up; "
                        + "co-operative matching run for the capacity options: %s. Report: %d charts, %,d bytes of "
                        + "HTML.%n%n",
                forecastSeconds,
                matching,
                cold.charts(),
                cold.htmlBytes()));
        md.append("| loads | every chart drawn, median ms | max ms | server first byte, median ms | "
                + "HTML received, median ms | load event, median ms |\n|---|---|---|---|---|---|\n");
        md.append(row("first (cold)", List.of(cold)));
        md.append(row(warm.size() + " more", warm));
        return md.toString();
    }

    private static String row(String label, List<Load> loads) {
        return String.format(
                Locale.ROOT,
                "| %s | %.0f | %.0f | %.0f | %.0f | %.0f |%n",
                label,
                median(loads.stream().map(Load::drawn)),
                loads.stream().mapToDouble(Load::drawn).max().orElse(Double.NaN),
                median(loads.stream().map(Load::firstByte)),
                median(loads.stream().map(Load::response)),
                median(loads.stream().map(Load::loaded)));
    }

    private static double median(Stream<Double> values) {
        List<Double> sorted = values.sorted().toList();
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String machine() {
        String cpu = "unknown processor";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .orElse(cpu);
        } catch (IOException | UncheckedIOException e) {
            // not Linux: the core count still says something
        }
        return "Machine: " + Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB max heap, " + System.getProperty("os.name")
                + ", Java " + System.getProperty("java.version") + " ("
                + ManagementFactory.getRuntimeMXBean().getVmName() + "), headless Chromium ("
                + CHROMIUM + ").";
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double number(Object value) {
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
