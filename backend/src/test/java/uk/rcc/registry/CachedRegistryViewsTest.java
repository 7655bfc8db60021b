package uk.rcc.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import uk.rcc.imports.DatasetImporter;
import uk.rcc.support.IntegrationTest;
import uk.rcc.support.SharedData;
import uk.rcc.support.TestRegistry;
import uk.rcc.support.Users;

/**
 * The homes map data and the shortlist's homes are kept in memory per registry version: a change committed by
 * anyone (here plain SQL, as another instance would) must show at the next request.
 */
@IntegrationTest
class CachedRegistryViewsTest {
    private static final String FULL_HOME = "H00082";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestRegistry registry;

    @Autowired
    DatasetImporter importer;

    @BeforeEach
    void sampleRegistry() {
        registry.reset();
        importer.importDirectory(SharedData.sample());
        registry.createAccounts();
    }

    @Test
    void anUnchangedHomesRegisterIsNotSentAgainToABrowserThatHasIt() throws Exception {
        String etag = homes().getResponse().getHeader(HttpHeaders.ETAG);

        mvc.perform(get("/api/homes")
                        .header(HttpHeaders.IF_NONE_MATCH, etag)
                        .with(Users.officerOf(TestRegistry.CUMBERLAND)))
                .andExpect(status().isNotModified());
    }

    @Test
    void aChangeCommittedElsewhereShowsInTheHomesRegisterWithANewTag() throws Exception {
        String before = homes().getResponse().getHeader(HttpHeaders.ETAG);

        registry.jdbc().update("UPDATE home SET places = places + 1 WHERE home_id = ?", FULL_HOME);

        mvc.perform(get("/api/homes")
                        .header(HttpHeaders.IF_NONE_MATCH, before)
                        .with(Users.officerOf(TestRegistry.CUMBERLAND)))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, org.hamcrest.Matchers.not(before)))
                .andExpect(jsonPath("$[?(@.homeId == '" + FULL_HOME + "')].vacancies")
                        .value(1));
    }

    @Test
    void aBrowserThatAcceptsGzipGetsTheSameHomesCompressed() throws Exception {
        String plain = homes().getResponse().getContentAsString();

        MvcResult zipped = mvc.perform(get("/api/homes")
                        .header(HttpHeaders.ACCEPT_ENCODING, "gzip, deflate")
                        .with(Users.officerOf(TestRegistry.CUMBERLAND)))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_ENCODING, "gzip"))
                .andReturn();

        assertThat(gunzip(zipped.getResponse().getContentAsByteArray())).isEqualTo(plain);
    }

    @Test
    void theMapRegisterCarriesWhatTheMapDrawsAndFiltersAndTheHomesDetailsTheRest() throws Exception {
        String plain = homes().getResponse().getContentAsString();
        List<java.util.Map<String, Object>> found = JsonPath.read(plain, "$[?(@.homeId == '" + FULL_HOME + "')]");
        java.util.Map<String, Object> full = found.get(0);

        assertThat(full)
                .containsOnlyKeys(
                        "homeId",
                        "name",
                        "kind",
                        "provider",
                        "authorityCode",
                        "lat",
                        "lon",
                        "places",
                        "vacancies",
                        "minAge",
                        "maxAge",
                        "needsMet",
                        "available",
                        "vacancyConfirmedOn");
        assertThat(full.get("vacancies")).isEqualTo(0);
        mvc.perform(get("/api/homes/" + FULL_HOME).with(Users.officerOf(TestRegistry.CUMBERLAND)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.weeklyCost").isNumber())
                .andExpect(jsonPath("$.sexes").isString())
                .andExpect(jsonPath("$.pets").isBoolean())
                .andExpect(jsonPath("$.occupied").value(full.get("places")));
    }

    @Test
    void aHomeMadeUnavailableElsewhereLeavesTheShortlistAtOnce() throws Exception {
        String child = aCumberlandReferralWithValidHomes();
        List<String> before = shortlistedHomes(child);

        registry.jdbc().update("UPDATE home SET available = false WHERE home_id = ?", before.get(0));

        assertThat(shortlistedHomes(child)).doesNotContain(before.get(0));
    }

    private String aCumberlandReferralWithValidHomes() throws Exception {
        for (String child : registry.jdbc()
                .queryForList(
                        "SELECT child_id FROM child WHERE authority_code = ? "
                                + "AND current_home_id IS NULL ORDER BY child_id",
                        String.class,
                        TestRegistry.CUMBERLAND)) {
            if (!shortlistedHomes(child).isEmpty()) {
                return child;
            }
        }
        throw new AssertionError("the sample should have a Cumberland referral with valid homes");
    }

    private MvcResult homes() throws Exception {
        return mvc.perform(get("/api/homes").with(Users.officerOf(TestRegistry.CUMBERLAND)))
                .andExpect(status().isOk())
                .andExpect(header().exists(HttpHeaders.ETAG))
                .andReturn();
    }

    private List<String> shortlistedHomes(String child) throws Exception {
        String body = mvc.perform(get("/api/children/" + child + "/shortlist?limit=5")
                        .with(Users.officerOf(TestRegistry.CUMBERLAND)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.candidates[*].homeId");
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
