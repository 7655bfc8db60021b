package uk.rcc.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import uk.rcc.demo.DemoCooperativeGenerator;
import uk.rcc.exchange.ExchangeWriter;

/**
 * The packaged application is killed with SIGKILL in the middle of a co-operative matching run and started
 * again on the same (external) database: the interrupted run is marked failed, and the proposals of the last good
 * run are still there, whole. Runs after {@code package} (Maven failsafe), against the real jar.
 */
class KilledDuringMatchingRunIT {
    private static final Path JAR = Path.of("target", "rcc.jar");
    private static final String PASSWORD = "fault-test-password";

    @TempDir
    Path temp;
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopApplications() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void aKilledRunIsMarkedFailedAtTheNextStartAndTheLastGoodProposalsRemain() throws Exception {
        assertThat(JAR).as("run with mvn verify, after the jar is packaged").exists();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            Path data = temp.resolve("dataset");
            ExchangeWriter.writeDirectory(DemoCooperativeGenerator.generate(new DemoCooperativeGenerator.Spec(3000,
                    2000, 0.3, 0.05, DemoCooperativeGenerator.Scope.NORTHERN, 11, LocalDate.of(2026, 3, 31))), data);
            assertThat(command(url, "import", "--data", data.toString()).waitFor()).isZero();
            new JdbcTemplate(postgres.getPostgresDatabase()).update("INSERT INTO app_user (username, password_hash, "
                    + "role) VALUES ('commissioner', ?, 'COMMISSIONER')",
                    "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD));

            int port = freePort();
            Process first = serve(url, port);
            Http http = Http.signedIn(port);
            long goodRun = http.startRun(2);
            http.waitForRun(goodRun, status -> status.equals("FINISHED"));
            long killedRun = http.startRun(600);
            http.waitForRun(killedRun, status -> status.equals("RUNNING"));
            first.destroyForcibly().waitFor();

            JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
            int goodProposals = jdbc.queryForObject("SELECT count(*) FROM proposal WHERE run_id = ?", Integer.class,
                    goodRun);
            serve(url, port);
            Http again = Http.signedIn(port);

            assertThat(again.runStatus(killedRun)).isEqualTo("FAILED");
            assertThat(jdbc.queryForObject("SELECT error FROM matching_run WHERE id = ?", String.class, killedRun))
                    .startsWith("interrupted");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM proposal WHERE run_id = ?", Integer.class,
                    killedRun)).isZero();
            assertThat(goodProposals).isPositive();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM proposal WHERE run_id = ?", Integer.class, goodRun))
                    .isEqualTo(goodProposals);
        }
    }

    private Process command(String url, String... args) throws Exception {
        List<String> commandLine = new ArrayList<>(List.of(javaBinary(), "-jar", JAR.toString()));
        commandLine.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(commandLine).redirectErrorStream(true)
                .redirectOutput(temp.resolve("command.log").toFile());
        builder.environment().put("SPRING_DATASOURCE_URL", url);
        builder.environment().put("SPRING_DATASOURCE_USERNAME", "postgres");
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private Process serve(String url, int port) throws Exception {
        Process process = command(url, "--server.port=" + port, "--rcc.matching.default-config=nightly-solver.xml");
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 240; i++) {
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 || health.statusCode() == 503) {
                    return process;
                }
            } catch (java.io.IOException notYet) {
                Thread.sleep(500);
            }
        }
        throw new AssertionError("the application did not start: " + Files.readString(temp.resolve("command.log")));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A signed-in commissioner's browser, reduced to what the test needs. */
    private record Http(HttpClient client, String base, String xsrf) {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

        static Http signedIn(int port) throws Exception {
            CookieManager cookies = new CookieManager();
            HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
            String base = "http://127.0.0.1:" + port;
            String login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = CSRF.matcher(login);
            assertThat(csrf.find()).isTrue();
            String form = "username=commissioner&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                    + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
            HttpResponse<String> signIn = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
            client.send(HttpRequest.newBuilder(URI.create(base + "/api/cooperative")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .findFirst().orElseThrow().getValue();
            return new Http(client, base, xsrf);
        }

        long startRun(int seconds) throws Exception {
            HttpResponse<String> started = client.send(HttpRequest.newBuilder(URI.create(base + "/api/matching/runs"))
                    .header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"seconds\":" + seconds + "}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            Matcher id = Pattern.compile("\"runId\":(\\d+)").matcher(started.body());
            assertThat(id.find()).isTrue();
            return Long.parseLong(id.group(1));
        }

        String runStatus(long runId) throws Exception {
            String body = client.send(HttpRequest.newBuilder(URI.create(base + "/api/matching/runs/" + runId)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher status = Pattern.compile("\"status\":\"([A-Z]+)\"").matcher(body);
            assertThat(status.find()).as(body).isTrue();
            return status.group(1);
        }

        void waitForRun(long runId, Predicate<String> reached) throws Exception {
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (System.nanoTime() < deadline) {
                if (reached.test(runStatus(runId))) {
                    return;
                }
                Thread.sleep(250);
            }
            throw new AssertionError("run " + runId + " is still " + runStatus(runId));
        }
    }

}
