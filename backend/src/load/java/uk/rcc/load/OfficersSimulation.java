package uk.rcc.load;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * 100 placement officers at once on a co-operative of 5,000 homes and 2,000 children (started by the Maven
 * profile {@code load}; see the README): each signs in, then browses the referrals queue, the homes map data and
 * shortlists, and now and then accepts a home, behaving as the web UI does in a browser (gzip accepted, the homes
 * register revalidated with its ETag). At {@code -Drcc.pace=officer} an officer reads each page for 2–8 s; at the
 * default stress pace there is one 0.2–0.8 s pause per loop of four requests, far heavier than real use. Meanwhile
 * {@code rcc.providers} (default 10) provider staff confirm their homes' vacancies, each every 5–15 s, so every
 * confirmation moves the registry on and the map data and shortlists are rebuilt under load.
 * Loopback only; bounded in users and time.
 */
public class OfficersSimulation extends Simulation {
    private static final String BASE = System.getProperty("rcc.url", "http://127.0.0.1:8089");
    private static final int USERS = Integer.getInteger("rcc.users", 100);
    private static final Duration DURATION = Duration.ofSeconds(Integer.getInteger("rcc.seconds", 120));
    /**
     * {@code stress} (the default): one pause of 0.2–0.8 s per loop of four requests, far heavier than people.
     * {@code officer}: a pause of 2–8 s after every page, for an officer reading the queue, the map, the child's
     * record and the shortlist before the next click.
     */
    private static final boolean OFFICER_PACE = "officer".equals(System.getProperty("rcc.pace", "stress"));

    private static final List<String> OFFICERS =
            List.of("officer.cumberland", "officer.westmorland", "officer.northumberland", "officer.durham");

    /**
     * What the web UI's {@code fetch} calls send from a browser: {@code Accept: application/json} (api.js), the
     * browser's own {@code Accept-Encoding}, and the browser's HTTP cache, which keeps the homes register with its
     * {@code ETag} and revalidates it ({@code Cache-Control: no-cache}) with {@code If-None-Match}, getting 304 Not
     * Modified while the registry is unchanged. Gatling's cache (on by default) stores the ETag per virtual
     * officer and sends it the same way.
     */
    private final HttpProtocolBuilder protocol =
            http.baseUrl(BASE).acceptHeader("application/json").acceptEncodingHeader("gzip, deflate, br, zstd");

    private final ChainBuilder signIn = exec(http("login page")
                    .get("/login")
                    .header("Accept", "text/html")
                    .check(regex("name=\"_csrf\" value=\"([^\"]+)\"").saveAs("csrf")))
            .exec(http("sign in")
                    .post("/login")
                    .formParam("username", "#{officer}")
                    .formParam("password", "demo-only-password")
                    .formParam("_csrf", "#{csrf}")
                    .disableFollowRedirect()
                    .check(status().is(302), header("Location").not(BASE + "/login?error")))
            .exec(http("xsrf cookie").get("/api/cooperative").check(status().is(200)))
            .exec(getCookieValue(CookieKey("XSRF-TOKEN").saveAs("xsrf")));

    private final ChainBuilder browse = exec(http("referrals queue")
                    .get("/api/children?awaiting=true")
                    .check(
                            status().is(200),
                            jsonPath("$[*].childId").findRandom().optional().saveAs("childId")))
            .exec(reading())
            .exec(http("homes map data").get("/api/homes").check(status().in(200, 304)))
            .exec(reading())
            .doIf(session -> session.contains("childId"))
            .then(exec(http("child").get("/api/children/#{childId}").check(status().is(200)))
                    .exec(reading())
                    .exec(http("shortlist")
                            .get("/api/children/#{childId}/shortlist?limit=10")
                            .check(
                                    status().is(200),
                                    jsonPath("$.candidates[0].homeId")
                                            .optional()
                                            .saveAs("homeId")))
                    .randomSwitch()
                    .on(percent(5.0)
                            .then(doIf(session -> session.contains("homeId"))
                                    .then(exec(http("accept")
                                            .post("/api/children/#{childId}/placement")
                                            .header("X-XSRF-TOKEN", "#{xsrf}")
                                            .header("Content-Type", "application/json")
                                            .body(StringBody("{\"homeId\":\"#{homeId}\"}"))
                                            .check(status().in(201, 409))))))
                    .exec(session -> session.remove("homeId")))
            .pause(
                    OFFICER_PACE ? Duration.ofSeconds(2) : Duration.ofMillis(200),
                    OFFICER_PACE ? Duration.ofSeconds(8) : Duration.ofMillis(800));

    /** An officer's reading time between pages at the officer pace; nothing at the stress pace. */
    private static ChainBuilder reading() {
        return doIf(session -> OFFICER_PACE).then(pause(Duration.ofSeconds(2), Duration.ofSeconds(8)));
    }

    /** Providers keeping vacancies current meanwhile: list their homes, confirm one, every 5–15 s. */
    private static final int PROVIDERS = Integer.getInteger("rcc.providers", 10);

    private final ChainBuilder confirmVacancy = exec(http("provider homes")
                    .get("/api/provider/homes")
                    .check(
                            status().is(200),
                            jsonPath("$[*].homeId").findRandom().optional().saveAs("ownHome")))
            .doIf(session -> session.contains("ownHome"))
            .then(exec(http("confirm vacancy")
                    .post("/api/provider/homes/#{ownHome}/confirmation")
                    .header("X-XSRF-TOKEN", "#{xsrf}")
                    .check(status().is(200))))
            .pause(Duration.ofSeconds(5), Duration.ofSeconds(15));

    private final ScenarioBuilder providers = scenario("providers confirming vacancies")
            .feed(Stream.iterate(0, i -> i + 1)
                    .map(i -> Map.<String, Object>of("officer", i % 2 == 0 ? "provider" : "provider2"))
                    .iterator())
            .exec(signIn)
            .during(DURATION)
            .on(confirmVacancy);

    private final ScenarioBuilder officers = scenario("placement officers")
            .feed(Stream.iterate(0, i -> i + 1)
                    .map(i -> Map.<String, Object>of("officer", OFFICERS.get(i % OFFICERS.size())))
                    .iterator())
            .exec(signIn)
            .during(DURATION)
            .on(browse);

    {
        setUp(
                        officers.injectOpen(rampUsers(USERS).during(Duration.ofSeconds(20))),
                        providers.injectOpen(rampUsers(PROVIDERS).during(Duration.ofSeconds(20))))
                .protocols(protocol)
                .maxDuration(DURATION.plusSeconds(60))
                .assertions(global().failedRequests().count().is(0L));
    }
}
