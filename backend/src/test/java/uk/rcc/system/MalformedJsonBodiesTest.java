package uk.rcc.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import uk.rcc.imports.DatasetImporter;
import uk.rcc.support.IntegrationTest;
import uk.rcc.support.SharedData;
import uk.rcc.support.TestRegistry;
import uk.rcc.support.Users;

/**
 * Every endpoint taking a JSON body answers bad input — not JSON, wrong types, missing or null fields, huge
 * strings, out-of-range numbers, ids of nothing — with a 4xx problem detail naming what is wrong, never a 5xx.
 * Each body is sent by someone allowed to call the endpoint, so the body itself is what is judged.
 */
@IntegrationTest
class MalformedJsonBodiesTest {
    private static final String CHILD = "C000017";
    private static final String HUGE = "x".repeat(100_000);
    private static final long NO_SUCH_RUN = 987_654_321L;

    @Autowired
    MockMvc mvc;

    @BeforeAll
    static void sampleRegistry(@Autowired TestRegistry registry, @Autowired DatasetImporter importer) {
        registry.reset();
        importer.importDirectory(SharedData.sample());
        registry.createAccounts();
    }

    record Call(HttpMethod method, String path, RequestPostProcessor user, String body, int status) {
        @Override
        public String toString() {
            String shown = body.length() > 60 ? body.substring(0, 60) + "…" : body;
            return method + " " + path + " " + shown + " -> " + status;
        }
    }

    static Stream<Arguments> badBodies() {
        List<Call> calls = new ArrayList<>();
        String[] notJson = {"not json", "{", "[]", "\"text\"", "null", "{\"a\":}"};
        for (String body : notJson) {
            if (!body.equals("null")) { // the body is optional: JSON null is the same as none, a run starts
                calls.add(new Call(HttpMethod.POST, "/api/matching/runs", Users.commissioner(), body, 400));
            }
            calls.add(new Call(HttpMethod.PUT, "/api/matching/weights", Users.commissioner(), body, 400));
            calls.add(new Call(HttpMethod.POST, placement(), officer(), body, 400));
            calls.add(new Call(HttpMethod.POST, decisions(), officer(), body, 400));
            calls.add(new Call(HttpMethod.POST, "/api/sufficiency/runs", Users.commissioner(), body, 400));
            calls.add(new Call(HttpMethod.POST, comments(1), Users.board(), body, 400));
        }
        addMatching(calls);
        addPlacement(calls);
        addForecast(calls);
        return calls.stream().map(Arguments::of);
    }

    private static void addMatching(List<Call> calls) {
        for (String body : List.of(
                "{\"seconds\":\"abc\"}",
                "{\"seconds\":-5}",
                "{\"seconds\":0}",
                "{\"seconds\":99999999999999}",
                "{\"seconds\":[1]}",
                "{\"seconds\":{}}")) {
            calls.add(new Call(HttpMethod.POST, "/api/matching/runs", Users.commissioner(), body, 400));
        }
        for (String body : List.of(
                "{\"noSuchWeight\":1}",
                "{\"" + HUGE + "\":1}",
                "{\"x\":\"heavy\"}",
                "{\"x\":null}",
                "{\"x\":-1}",
                "{\"x\":[1]}")) {
            calls.add(new Call(HttpMethod.PUT, "/api/matching/weights", Users.commissioner(), body, 400));
        }
    }

    private static void addPlacement(List<Call> calls) {
        for (String body : List.of(
                "{}",
                "{\"homeId\":null}",
                "{\"homeId\":\"\"}",
                "{\"homeId\":\"" + HUGE + "\"}",
                "{\"homeId\":[\"H1\"]}",
                "{\"homeId\":\"H1\",\"homeVersion\":\"new\"}",
                "{\"homeId\":\"H1\",\"runId\":\"latest\"}",
                "{\"homeId\":\"H1\",\"reason\":\"" + HUGE + "\"}")) {
            calls.add(new Call(HttpMethod.POST, placement(), officer(), body, 400));
        }
        calls.add(new Call(HttpMethod.POST, placement(), officer(), "{\"homeId\":\"NO-SUCH-HOME\"}", 404));
        calls.add(new Call(
                HttpMethod.POST,
                placement(),
                officer(),
                "{\"homeId\":\"NO-SUCH-HOME\",\"runId\":" + NO_SUCH_RUN + ",\"reason\":\"r\"}",
                404));
        calls.add(new Call(
                HttpMethod.POST,
                placement(),
                officer(),
                "{\"homeId\":\"H00001\",\"runId\":" + NO_SUCH_RUN + ",\"reason\":\"r\"}",
                404));
        for (String body : List.of(
                "{}",
                "{\"decision\":\"ACCEPT\",\"reason\":\"r\"}",
                "{\"decision\":\"REJECT\"}",
                "{\"decision\":\"REJECT\",\"reason\":null}",
                "{\"decision\":\"REJECT\",\"reason\":\"" + HUGE + "\"}",
                "{\"decision\":\"REJECT\",\"reason\":\"r\",\"runId\":\"x\"}",
                "{\"decision\":\"REJECT\",\"reason\":\"r\",\"homeId\":\"" + HUGE + "\"}")) {
            calls.add(new Call(HttpMethod.POST, decisions(), officer(), body, 400));
        }
        calls.add(new Call(
                HttpMethod.POST,
                decisions(),
                officer(),
                "{\"decision\":\"REJECT\",\"reason\":\"r\",\"homeId\":\"NO-SUCH-HOME\"}",
                404));
        calls.add(new Call(
                HttpMethod.POST,
                decisions(),
                officer(),
                "{\"decision\":\"REJECT\",\"reason\":\"r\",\"runId\":" + NO_SUCH_RUN + "}",
                404));
        calls.add(new Call(
                HttpMethod.POST,
                decisions(),
                officer(),
                "{\"decision\":\"REJECT\",\"reason\":\"r\",\"runId\":-1}",
                404));
    }

    private static void addForecast(List<Call> calls) {
        for (String body : List.of(
                "{}",
                "{\"name\":null}",
                "{\"name\":\" \"}",
                "{\"name\":\"" + HUGE + "\"}",
                "{\"name\":\"f\",\"horizonMonths\":-1}",
                "{\"name\":\"f\",\"horizonMonths\":\"long\"}",
                "{\"name\":\"f\",\"asOf\":\"yesterday\"}",
                "{\"name\":\"f\",\"asOf\":\"2026-02-30\"}",
                "{\"name\":\"f\",\"seed\":\"abc\"}",
                "{\"name\":\"f\",\"seed\":1e400}",
                "{\"name\":\"f\",\"runs\":5}",
                "{\"name\":\"f\",\"confidence\":1.5}",
                "{\"name\":\"f\",\"entryRateChange\":-5}",
                "{\"name\":\"f\",\"confidence\":\"NaN\"}")) {
            calls.add(new Call(HttpMethod.POST, "/api/sufficiency/runs", Users.commissioner(), body, 400));
        }
        for (String body : List.of(
                "{}", "{\"text\":null}", "{\"text\":\"\"}", "{\"text\":\"" + HUGE + "\"}", "{\"text\":[\"a\"]}")) {
            calls.add(new Call(HttpMethod.POST, comments(1), Users.board(), body, 400));
        }
        calls.add(new Call(HttpMethod.POST, comments(NO_SUCH_RUN), Users.board(), "{\"text\":\"hello\"}", 404));
        calls.add(new Call(
                HttpMethod.POST, "/api/sufficiency/runs/abc/comments", Users.board(), "{\"text\":\"hello\"}", 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void badInputIsAnsweredWithAProblemDetailNeverAServerError(Call call) throws Exception {
        MockHttpServletResponse response = mvc.perform(request(call.method(), call.path())
                        .with(call.user())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(call.body()))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(call.status());
        assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(response.getContentAsString()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static RequestPostProcessor officer() {
        return Users.officerOf("E06000057");
    }

    private static String placement() {
        return "/api/children/" + CHILD + "/placement";
    }

    private static String decisions() {
        return "/api/children/" + CHILD + "/decisions";
    }

    private static String comments(long run) {
        return "/api/sufficiency/runs/" + run + "/comments";
    }
}
