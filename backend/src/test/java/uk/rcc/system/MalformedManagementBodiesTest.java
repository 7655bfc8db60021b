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
 * The bodies of the provider, home register and account endpoints: not JSON, wrong types, nulls, huge strings,
 * impossible values and ids of nothing are answered with a 4xx problem detail, never a 5xx. Each is sent by someone
 * allowed to call the endpoint, so the body itself is what is judged.
 */
@IntegrationTest
class MalformedManagementBodiesTest {
    private static final String HUGE = "x".repeat(100_000);
    private static String ownHome;

    @Autowired
    MockMvc mvc;

    @BeforeAll
    static void sampleWithProviders(@Autowired TestRegistry registry, @Autowired DatasetImporter importer) {
        registry.reset();
        importer.importDirectory(SharedData.sample());
        registry.createAccounts();
        registry.createProviders();
        ownHome = registry.homesOf(TestRegistry.PROVIDER_ORG).get(0);
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
        String provider = "/api/provider/homes/{own}";
        String answer = "/api/provider/referrals/00000000-0000-0000-0000-000000000000/answer";
        for (String body : List.of("not json", "{", "[]", "\"text\"", "{\"a\":}")) {
            calls.add(new Call(HttpMethod.PATCH, provider, Users.provider(), body, 400));
            calls.add(new Call(HttpMethod.POST, answer, Users.provider(), body, 400));
            calls.add(new Call(HttpMethod.POST, "/api/register/homes", Users.commissioner(), body, 400));
            calls.add(new Call(HttpMethod.PATCH, "/api/register/homes/H00001", Users.commissioner(), body, 400));
            calls.add(new Call(HttpMethod.POST, "/api/accounts", Users.admin(), body, 400));
            calls.add(new Call(HttpMethod.PUT, "/api/accounts/board/role", Users.admin(), body, 400));
            calls.add(new Call(HttpMethod.POST, "/api/accounts/board/password", Users.admin(), body, 400));
            calls.add(new Call(HttpMethod.POST, "/api/account/password", Users.board(), body, 400));
        }
        for (String body : List.of(
                "{\"places\":\"many\"}",
                "{\"places\":0}",
                "{\"places\":99999999999}",
                "{\"availability\":\"MAYBE\"}",
                "{\"availability\":\"CLOSED\"}",
                "{\"availableFrom\":\"2030-01-01\"}",
                "{\"availability\":\"AVAILABLE\",\"availableFrom\":\"soon\"}",
                "{\"minAge\":-1}",
                "{\"minAge\":12,\"maxAge\":3}",
                "{\"sexes\":\"" + HUGE + "\"}",
                "{\"needsMet\":\"EMOTIONAL\"}",
                "{\"needsMet\":[null]}",
                "{\"needsMet\":[\"a;b\"]}",
                "{\"pets\":\"yes\"}",
                "{\"version\":\"one\"}",
                "{\"sexes\":\"M\\u0000\"}")) {
            calls.add(new Call(HttpMethod.PATCH, provider, Users.provider(), body, 400));
        }
        calls.add(new Call(HttpMethod.PATCH, "/api/provider/homes/NO-SUCH-HOME", Users.provider(), "{}", 404));
        for (String body : List.of(
                "{}",
                "{\"answer\":null}",
                "{\"answer\":\"MAYBE\"}",
                "{\"answer\":[\"OFFER\"]}",
                "{\"answer\":\"CANNOT\",\"note\":\"" + HUGE + "\"}")) {
            calls.add(new Call(HttpMethod.POST, answer, Users.provider(), body, 400));
        }
        calls.add(new Call(
                HttpMethod.POST,
                "/api/provider/referrals/not-a-uuid/answer",
                Users.provider(),
                "{\"answer\":\"CANNOT\"}",
                400));
        calls.add(new Call(HttpMethod.POST, answer, Users.provider(), "{\"answer\":\"CANNOT\"}", 404));
        // A number where the home's id goes is read as that id; no referral has this reference either way.
        calls.add(new Call(HttpMethod.POST, answer, Users.provider(), "{\"answer\":\"OFFER\",\"homeId\":7}", 404));
        for (String body : List.of(
                "{}",
                "{\"homeId\":\"H-X\"}",
                "{\"homeId\":\"H-X\",\"home\":null}",
                "{\"homeId\":\"" + HUGE + "\",\"home\":{}}",
                "{\"homeId\":\"bad id!\",\"home\":{}}",
                "{\"homeId\":\"H-X\",\"home\":{\"lat\":\"north\"}}",
                "{\"homeId\":\"H-X\",\"home\":{\"lat\":1e400}}",
                "{\"homeId\":\"H-X\",\"home\":{\"kind\":\"FOSTER\"}}")) {
            calls.add(new Call(HttpMethod.POST, "/api/register/homes", Users.commissioner(), body, 400));
        }
        for (String body : List.of(
                "{}",
                "{\"home\":{\"weeklyCost\":-5}}",
                "{\"home\":{\"providerOrgId\":\"nobody\"}}",
                "{\"home\":{\"authorityCode\":\"Cumbria\"}}",
                "{\"home\":{\"lon\":200}}")) {
            calls.add(new Call(HttpMethod.PATCH, "/api/register/homes/H00001", Users.commissioner(), body, 400));
        }
        calls.add(new Call(
                HttpMethod.PATCH, "/api/register/homes/NO-SUCH-HOME", Users.commissioner(), "{\"home\":{}}", 404));
        for (String body : List.of(
                "{}",
                "{\"username\":\"u\",\"role\":\"KING\",\"password\":\"long-enough-pass\"}",
                "{\"username\":\"" + HUGE + "\",\"role\":\"BOARD\",\"password\":\"long-enough-pass\"}",
                "{\"username\":\"a b\",\"role\":\"BOARD\",\"password\":\"long-enough-pass\"}",
                "{\"username\":\"u\",\"role\":\"BOARD\",\"password\":null}",
                "{\"username\":\"u\",\"role\":\"BOARD\",\"password\":\"short\"}",
                "{\"username\":\"u\",\"role\":\"OFFICER\",\"authorityCode\":\"E99999999\",\"password\":\"long-enough-pass\"}")) {
            calls.add(new Call(HttpMethod.POST, "/api/accounts", Users.admin(), body, 400));
        }
        calls.add(new Call(HttpMethod.PUT, "/api/accounts/nobody/role", Users.admin(), "{\"role\":\"BOARD\"}", 404));
        calls.add(new Call(HttpMethod.POST, "/api/accounts/board/password", Users.admin(), "{\"password\":1}", 400));
        calls.add(new Call(
                HttpMethod.POST,
                "/api/account/password",
                Users.board(),
                "{\"currentPassword\":\"wrong-password-1\",\"newPassword\":\"another-password-1\"}",
                400));
        return calls.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void badInputIsAnsweredWithAProblemDetailNeverAServerError(Call call) throws Exception {
        MockHttpServletResponse response = mvc.perform(
                        request(call.method(), call.path().replace("{own}", ownHome))
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
}
