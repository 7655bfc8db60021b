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
import uk.rcc.sufficiency.Ssda903Generator;

/**
 * The packaged application is killed with SIGKILL in the middle of a forecast run and started again on the same
 * (external) database: the interrupted run is marked failed with no outputs, and the last finished forecast run is
 * still there, whole. Runs after {@code package} (Maven failsafe), against the real jar.
 */
class KilledDuringForecastRunIT {
    private static final Path JAR = Path.of("target", "rcc.jar");
    private static final String PASSWORD = "fault-test-password";
    private static final List<String> COUNCILS = List.of("E06000057", "E06000047");

    @TempDir
    Path temp;
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopApplications() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void aKilledForecastRunIsMarkedFailedAtTheNextStartAndTheLastFinishedRunRemains() throws Exception {
        assertThat(JAR).as("run with mvn verify, after the jar is packaged").exists();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            Path data = temp.resolve("dataset");
            ExchangeWriter.writeDirectory(DemoCooperativeGenerator.generate(new DemoCooperativeGenerator.Spec(300,
                    200, 0.3, 0.05, DemoCooperativeGenerator.Scope.NORTHERN, 11, LocalDate.of(2026, 3, 31))), data);
            assertThat(command(url, "import", "--data", data.toString()).waitFor()).isZero();
            JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
            jdbc.update("INSERT INTO app_user (username, password_hash, role) VALUES ('commissioner', ?, "
                    + "'COMMISSIONER')", "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD));
            Path returns = temp.resolve("returns");
            Ssda903Generator.write(new Ssda903Generator.Spec(COUNCILS, 4, 0.02, LocalDate.of(2016, 4, 1), 8, 3),
                    returns);
            for (String council : COUNCILS) {
                for (String file : List.of("header.csv", "episodes.csv")) {
                    jdbc.update("INSERT INTO ssda903_file (authority, file_name, content, uploaded_by) VALUES "
                            + "(?, ?, ?, 'test')", council, file, Files.readString(returns.resolve(council)
                                    .resolve(file)));
                }
            }

            int port = freePort();
            Process first = serve(url, port);
            Http http = Http.signedIn(port);
            long good = http.startForecast("{\"name\":\"Good\",\"horizonMonths\":12,\"runs\":200}");
            http.waitForFinished(good);
            long killed = http.startForecast("{\"name\":\"Killed\",\"horizonMonths\":60,\"runs\":20000,"
                    + "\"scenarios\":[{\"name\":\"fewer entries\",\"entryRateChange\":-0.1}]}");
            assertThat(http.status(killed)).isEqualTo("RUNNING");
            first.destroyForcibly().waitFor();

            int goodOutputs = jdbc.queryForObject("SELECT count(*) FROM forecast_output WHERE run_id = ?",
                    Integer.class, good);
            serve(url, port);
            Http again = Http.signedIn(port);

            assertThat(again.status(killed)).isEqualTo("FAILED");
            assertThat(jdbc.queryForObject("SELECT error FROM forecast_run WHERE id = ?", String.class, killed))
                    .startsWith("interrupted");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM forecast_output WHERE run_id = ?", Integer.class,
                    killed)).isZero();
            assertThat(jdbc.queryForList("SELECT status FROM forecast_scenario WHERE run_id = ?", String.class,
                    killed)).containsExactly("FAILED");
            assertThat(goodOutputs).isPositive();
            assertThat(again.status(good)).isEqualTo("FINISHED");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM forecast_output WHERE run_id = ?", Integer.class,
                    good)).isEqualTo(goodOutputs);
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
        Process process = command(url, "--server.port=" + port);
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

        long startForecast(String body) throws Exception {
            HttpResponse<String> started = client.send(HttpRequest.newBuilder(URI.create(base
                    + "/api/sufficiency/runs")).header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            Matcher id = Pattern.compile("\"runId\":(\\d+)").matcher(started.body());
            assertThat(id.find()).isTrue();
            return Long.parseLong(id.group(1));
        }

        String status(long runId) throws Exception {
            String body = client.send(HttpRequest.newBuilder(URI.create(base + "/api/sufficiency/runs/" + runId))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher status = Pattern.compile("\"status\":\"([A-Z]+)\"").matcher(body);
            assertThat(status.find()).as(body).isTrue();
            return status.group(1);
        }

        void waitForFinished(long runId) throws Exception {
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (System.nanoTime() < deadline) {
                String now = status(runId);
                if (!now.equals("RUNNING")) {
                    assertThat(now).isEqualTo("FINISHED");
                    return;
                }
                Thread.sleep(250);
            }
            throw new AssertionError("forecast run " + runId + " is still RUNNING");
        }
    }
}
