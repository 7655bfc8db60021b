package uk.rcc.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import uk.rcc.imports.DatasetImporter;
import uk.rcc.support.SharedData;
import uk.rcc.support.StubIdentityProvider;
import uk.rcc.support.TestRegistry;

/**
 * OpenID Connect sign-in end to end: the application, configured only by the environment variables docs/security.md
 * documents, signs people in through a stub identity provider on loopback, with role and council from the ID
 * token's claims. A cookie-keeping HTTP client plays the browser and follows every redirect.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = OidcSignInTest.ReadmeEnvironment.class)
class OidcSignInTest {
    static final StubIdentityProvider IDP = StubIdentityProvider.start();
    /** Exactly as docs/security.md tells an operator to set them. */
    static final Map<String, Object> ENVIRONMENT = Map.of(
            "SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_IDP_CLIENT_ID",
            StubIdentityProvider.CLIENT_ID,
            "SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_IDP_CLIENT_SECRET",
            StubIdentityProvider.CLIENT_SECRET,
            "SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_IDP_CLIENT_NAME",
            "Council sign-in",
            "SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_IDP_SCOPE",
            "openid,profile",
            "SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_IDP_ISSUER_URI",
            IDP.issuer());

    /** The variables above as the process environment would give them (same name mapping rules). */
    static class ReadmeEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new SystemEnvironmentPropertySource("oidc-test-systemEnvironment", ENVIRONMENT));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TestRegistry registry;

    @Autowired
    DatasetImporter importer;

    @Autowired
    ObjectMapper json;

    HttpClient browser;

    @BeforeEach
    void sampleRegistryAndAFreshBrowser() {
        registry.reset();
        importer.importDirectory(SharedData.sample());
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        browser = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @AfterAll
    static void stopIdentityProvider() {
        IDP.close();
    }

    @Test
    void theSecurityDocumentDocumentsEveryVariableThisTestConfiguresOidcWith() throws IOException {
        String readme = Files.readString(java.nio.file.Path.of("..", "docs", "security.md"));
        assertThat(ENVIRONMENT.keySet()).allSatisfy(name -> assertThat(readme).contains(name));
        assertThat(readme).contains("rcc_role").contains("rcc_authority");
    }

    @Test
    void theSignInPageOffersTheConfiguredProvider() throws Exception {
        assertThat(fetch("/login").body())
                .contains("href=\"/oauth2/authorization/idp\"")
                .contains("Sign in with Council sign-in");
    }

    @Test
    void anOfficerSignedInByTheProviderSeesOnlyTheCouncilNamedInTheirToken() throws Exception {
        IDP.signInNext(Map.of(
                "preferred_username", "jo.officer", "rcc_role", "officer", "rcc_authority", TestRegistry.CUMBERLAND));

        HttpResponse<String> landed = fetch("/oauth2/authorization/idp");

        assertThat(landed.uri().getPath()).isEqualTo("/");
        JsonNode session = json.readTree(fetch("/api/ui-session").body());
        assertThat(session.path("username").asString()).isEqualTo("jo.officer");
        assertThat(session.path("role").asString()).isEqualTo("OFFICER");
        assertThat(session.path("authorityCode").asString()).isEqualTo(TestRegistry.CUMBERLAND);
        JsonNode children = json.readTree(fetch("/api/children").body());
        assertThat(children.size()).isPositive();
        for (JsonNode child : children) {
            assertThat(child.path("authorityCode").asString()).isEqualTo(TestRegistry.CUMBERLAND);
        }
        assertThat(registry.jdbc()
                        .queryForObject(
                                "SELECT count(*) FROM audit_event WHERE actor = 'jo.officer' " + "AND action = 'LOGIN'",
                                Integer.class))
                .isEqualTo(1);
    }

    @Test
    void aBoardMemberSignedInByTheProviderGetsNoChildRecord() throws Exception {
        IDP.signInNext(Map.of("preferred_username", "sam.board", "rcc_role", "BOARD"));

        fetch("/oauth2/authorization/idp");

        assertThat(json.readTree(fetch("/api/ui-session").body()).path("role").asString())
                .isEqualTo("BOARD");
        assertThat(fetch("/api/children").statusCode()).isEqualTo(403);
    }

    @Test
    void aTokenWithoutARoleSignsNoOneIn() throws Exception {
        IDP.signInNext(Map.of("preferred_username", "no.role"));

        HttpResponse<String> landed = fetch("/oauth2/authorization/idp");

        assertThat(landed.uri().getPath()).isEqualTo("/login");
        assertThat(landed.uri().getQuery()).isEqualTo("error");
        assertThat(fetch("/api/ui-session").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> fetch(String path) throws IOException, InterruptedException {
        return browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
