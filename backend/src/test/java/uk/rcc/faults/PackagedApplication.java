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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged jar run as its own process on an external database, as the fault tests need it: commands, a served
 * instance waited for until it answers, and a signed-in browser reduced to what the tests ask of it.
 */
final class PackagedApplication implements AutoCloseable {
    static final Path JAR = Path.of("target", "rcc.jar");

    private final Path log;
    private final List<Process> processes = new ArrayList<>();

    PackagedApplication(Path workDirectory) {
        this.log = workDirectory.resolve("command.log");
    }

    /** {@code java -jar rcc.jar ARGS} against the database at {@code url}, output in the work directory. */
    Process command(String url, String... args) throws Exception {
        List<String> commandLine = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        commandLine.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(commandLine).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SPRING_DATASOURCE_URL", url);
        builder.environment().put("SPRING_DATASOURCE_USERNAME", "postgres");
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    /** Serves on {@code port} and returns once the health endpoint answers. */
    Process serve(String url, int port, String... options) throws Exception {
        // the fault tests' commissioner signs in with a password (two-factor sign-in: TwoFactorSignInTest)
        List<String> args = new ArrayList<>(List.of("--server.port=" + port, "--rcc.two-factor.required-roles="));
        args.addAll(List.of(options));
        Process process = command(url, args.toArray(String[]::new));
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 240; i++) {
            try {
                HttpResponse<String> health = client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 || health.statusCode() == 503) {
                    return process;
                }
            } catch (java.io.IOException notYet) {
                Thread.sleep(500);
            }
        }
        throw new AssertionError("the application did not start: " + Files.readString(log));
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        processes.forEach(Process::destroyForcibly);
    }

    /** A signed-in user's browser, reduced to starting runs and reading their status. */
    record Browser(HttpClient client, String base, String xsrf) {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

        static Browser signedIn(int port, String username, String password) throws Exception {
            CookieManager cookies = new CookieManager();
            HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
            String base = "http://127.0.0.1:" + port;
            String login = client.send(
                            HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher csrf = CSRF.matcher(login);
            assertThat(csrf.find()).isTrue();
            String form = "username=" + username + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                    + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
            HttpResponse<String> signIn = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
            client.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/cooperative"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String xsrf = cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .findFirst()
                    .orElseThrow()
                    .getValue();
            return new Browser(client, base, xsrf);
        }

        /** POSTs {@code body} to {@code path}, expects 202 Accepted and returns the run id it answers. */
        long startRun(String path, String body) throws Exception {
            HttpResponse<String> started = client.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Content-Type", "application/json")
                            .header("X-XSRF-TOKEN", xsrf)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            Matcher id = Pattern.compile("\"runId\":(\\d+)").matcher(started.body());
            assertThat(id.find()).isTrue();
            return Long.parseLong(id.group(1));
        }

        /** The {@code status} field of the run at {@code path}. */
        String status(String path) throws Exception {
            String body = client.send(
                            HttpRequest.newBuilder(URI.create(base + path)).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher status = Pattern.compile("\"status\":\"([A-Z]+)\"").matcher(body);
            assertThat(status.find()).as(body).isTrue();
            return status.group(1);
        }

        /** Polls the run at {@code path} for up to three minutes until its status is one {@code reached} accepts. */
        String waitFor(String path, Predicate<String> reached) throws Exception {
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (System.nanoTime() < deadline) {
                String now = status(path);
                if (reached.test(now)) {
                    return now;
                }
                Thread.sleep(250);
            }
            throw new AssertionError(path + " is still " + status(path));
        }
    }
}
