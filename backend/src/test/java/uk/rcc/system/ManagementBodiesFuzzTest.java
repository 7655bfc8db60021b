package uk.rcc.system;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import uk.rcc.imports.DatasetImporter;
import uk.rcc.support.SharedData;
import uk.rcc.support.TestRegistry;
import uk.rcc.support.Users;

/**
 * Any body sent to the provider, home register and account endpoints is answered below 500, and bad input with a
 * 400 problem detail without stack trace or class names. The registry is the sample data set with two provider
 * organisations, so valid bodies reach the database (home changes go through the import's own rules, which this
 * JVM instruments). Seeds: {@code ManagementBodiesFuzzTestInputs}; the last byte of a seed picks the endpoint.
 * Starts the application inside the first input, as {@link RequestBodiesFuzzTest} does, and closes it at the end.
 */
class ManagementBodiesFuzzTest {
    /** Each endpoint; {own} is one of the provider's homes, {reference} an open referral's reference. */
    enum Target {
        PROVIDER_CHANGE_HOME(HttpMethod.PATCH, "/api/provider/homes/{own}"),
        PROVIDER_CONFIRM(HttpMethod.POST, "/api/provider/homes/{own}/confirmation"),
        REFERRAL_ANSWER(HttpMethod.POST, "/api/provider/referrals/{reference}/answer"),
        REGISTER_ADD_HOME(HttpMethod.POST, "/api/register/homes"),
        REGISTER_CHANGE_HOME(HttpMethod.PATCH, "/api/register/homes/{own}"),
        CREATE_ACCOUNT(HttpMethod.POST, "/api/accounts"),
        RESET_PASSWORD(HttpMethod.POST, "/api/accounts/board/password"),
        CHANGE_ROLE(HttpMethod.PUT, "/api/accounts/board/role");

        final HttpMethod method;
        final String path;

        Target(HttpMethod method, String path) {
            this.method = method;
            this.path = path;
        }

        RequestPostProcessor caller() {
            return switch (this) {
                case PROVIDER_CHANGE_HOME, PROVIDER_CONFIRM, REFERRAL_ANSWER -> Users.provider();
                case REGISTER_ADD_HOME, REGISTER_CHANGE_HOME -> Users.commissioner();
                default -> Users.admin();
            };
        }
    }

    private static final FuzzedApplication application = new FuzzedApplication();
    private static MockMvc mvc;
    private static TestRegistry registry;
    private static DatasetImporter importer;

    @FuzzTest(maxDuration = "60s")
    void anyManagementBodyIsAnsweredBelow500AndBadInputWithA400ProblemDetail(FuzzedDataProvider data) throws Exception {
        Target target = data.pickValue(Target.values());
        byte[] body = data.consumeRemainingAsBytes();
        startApplicationOnce();
        sampleRegistryWithProviders();
        String own = registry.homesOf(TestRegistry.PROVIDER_ORG).get(0);
        String reference = registry.jdbc()
                .queryForObject(
                        "INSERT INTO referral_ref (child_id) SELECT min(child_id) "
                                + "FROM child WHERE current_home_id IS NULL RETURNING ref::text",
                        String.class);
        String path = target.path.replace("{own}", own).replace("{reference}", reference);

        MockHttpServletResponse response = mvc.perform(request(target.method, path)
                        .with(target.caller())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse();

        application.assertAnsweredSafely(target, response);
    }

    @AfterAll
    static void closeApplication() {
        application.close();
    }

    private static synchronized void startApplicationOnce() {
        mvc = application.mvc();
        registry = application.bean(TestRegistry.class);
        importer = application.bean(DatasetImporter.class);
    }

    private static void sampleRegistryWithProviders() {
        registry.reset();
        importer.importDirectory(SharedData.sample());
        registry.createAccounts();
        registry.createProviders();
    }
}
