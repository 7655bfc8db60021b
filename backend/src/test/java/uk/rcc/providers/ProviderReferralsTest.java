package uk.rcc.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import uk.rcc.imports.DatasetImporter;
import uk.rcc.support.IntegrationTest;
import uk.rcc.support.SharedData;
import uk.rcc.support.TestRegistry;
import uk.rcc.support.Users;

/**
 * Providers see waiting children whose valid homes include theirs, anonymised, and answer; the officer sees the
 * offer beside the home in the child's shortlist and still decides.
 */
@IntegrationTest
class ProviderReferralsTest {
    @Autowired
    MockMvc mvc;

    @Autowired
    TestRegistry registry;

    @Autowired
    DatasetImporter importer;

    @BeforeEach
    void sampleWithProviders() {
        registry.reset();
        importer.importDirectory(SharedData.sample());
        registry.createAccounts();
        registry.createProviders();
    }

    @Test
    void referralsAreAnonymisedProfilesWithoutAnyChildIdOrLocation() throws Exception {
        String body = referrals(Users.provider());
        List<Map<String, Object>> referrals = JsonPath.read(body, "$");
        assertThat(referrals).isNotEmpty();
        assertThat(referrals.get(0))
                .containsOnlyKeys(
                        "reference",
                        "ageBand",
                        "sex",
                        "needs",
                        "placementKinds",
                        "authorityCode",
                        "council",
                        "neededBy",
                        "yourHomes",
                        "yourAnswer");
        for (String child : registry.jdbc().queryForList("SELECT child_id FROM child", String.class)) {
            assertThat(body).doesNotContain("\"" + child + "\"");
        }
        List<String> offered = JsonPath.read(body, "$[*].yourHomes[*]");
        assertThat(registry.homesOf(TestRegistry.PROVIDER_ORG)).containsAll(offered);
    }

    @Test
    void anOfferShowsInTheOfficersShortlistBesideThatHomeAndTheOfficerAccepts() throws Exception {
        Map<String, Object> referral = JsonPath.read(referrals(Users.provider()), "$[0]");
        String home = ((List<String>) referral.get("yourHomes")).get(0);
        long since = registry.lastAuditId();

        answer(
                        Users.provider(),
                        referral.get("reference"),
                        "{\"answer\":\"OFFER\",\"homeId\":\"" + home
                                + "\",\"note\":\"Carer experienced with teenagers\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.answer").value("OFFER"));

        String child = registry.jdbc()
                .queryForObject(
                        "SELECT child_id FROM referral_ref WHERE ref = ?::uuid",
                        String.class,
                        referral.get("reference"));
        String council = registry.jdbc()
                .queryForObject("SELECT authority_code FROM child WHERE child_id = ?", String.class, child);
        mvc.perform(get("/api/children/" + child + "/shortlist?limit=100").with(Users.officerOf(council)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.offers[0].homeId").value(home))
                .andExpect(jsonPath("$.offers[0].note").value("Carer experienced with teenagers"))
                .andExpect(jsonPath("$.candidates[?(@.homeId == '" + home + "')].offer.providerOrg")
                        .value("Fellside Fostering"));
        assertThat(registry.jdbc()
                        .queryForObject(
                                "SELECT count(*) FROM audit_event WHERE id > ? AND "
                                        + "action = 'ANSWER_REFERRAL' AND subject = ?",
                                Integer.class,
                                since,
                                child))
                .isEqualTo(1);

        mvc.perform(post("/api/children/" + child + "/placement")
                        .with(Users.officerOf(council))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"homeId\":\"" + home + "\"}"))
                .andExpect(status().isCreated());
        // Placed: no longer a referral for anyone.
        assertThat(referrals(Users.provider()))
                .doesNotContain(referral.get("reference").toString());
    }

    @Test
    void aProviderCannotOfferAHomeThatIsNotItsOwnOrAnswerAnUnknownReferral() throws Exception {
        Map<String, Object> referral = JsonPath.read(referrals(Users.provider()), "$[0]");
        String others = registry.homesOf(TestRegistry.OTHER_PROVIDER_ORG).get(0);
        long since = registry.lastAuditId();

        answer(Users.provider(), referral.get("reference"), "{\"answer\":\"OFFER\",\"homeId\":\"" + others + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0]").value(org.hamcrest.Matchers.startsWith("homeId: ")));
        answer(Users.provider(), referral.get("reference"), "{\"answer\":\"OFFER\"}")
                .andExpect(status().isBadRequest());
        answer(Users.provider(), "00000000-0000-0000-0000-000000000000", "{\"answer\":\"CANNOT\"}")
                .andExpect(status().isNotFound());
        assertThat(registry.jdbc().queryForObject("SELECT count(*) FROM referral_answer", Integer.class))
                .isZero();
        assertThat(registry.jdbc()
                        .queryForObject(
                                "SELECT count(*) FROM audit_event WHERE id > ? AND " + "action = 'ANSWER_REFERRAL'",
                                Integer.class,
                                since))
                .isZero();
    }

    @Test
    void cannotWithdrawsAnEarlierOfferFromTheShortlist() throws Exception {
        Map<String, Object> referral = JsonPath.read(referrals(Users.provider()), "$[0]");
        String home = ((List<String>) referral.get("yourHomes")).get(0);
        answer(Users.provider(), referral.get("reference"), "{\"answer\":\"OFFER\",\"homeId\":\"" + home + "\"}")
                .andExpect(status().isOk());
        answer(Users.provider(), referral.get("reference"), "{\"answer\":\"CANNOT\",\"note\":\"carer unwell\"}")
                .andExpect(status().isOk());
        String child = registry.jdbc()
                .queryForObject(
                        "SELECT child_id FROM referral_ref WHERE ref = ?::uuid",
                        String.class,
                        referral.get("reference"));
        mvc.perform(get("/api/children/" + child + "/shortlist").with(Users.commissioner()))
                .andExpect(jsonPath("$.offers").isEmpty());
        mvc.perform(get("/api/provider/referrals").with(Users.provider()))
                .andExpect(jsonPath("$[?(@.reference == '" + referral.get("reference") + "')].yourAnswer.answer")
                        .value("CANNOT"));
    }

    @Test
    void otherRolesCannotSeeOrAnswerReferrals() throws Exception {
        for (RequestPostProcessor user :
                List.of(Users.officerOf(TestRegistry.CUMBERLAND), Users.commissioner(), Users.board(), Users.admin())) {
            mvc.perform(get("/api/provider/referrals").with(user)).andExpect(status().isForbidden());
            answer(user, "00000000-0000-0000-0000-000000000000", "{\"answer\":\"CANNOT\"}")
                    .andExpect(status().isForbidden());
        }
    }

    private String referrals(RequestPostProcessor provider) throws Exception {
        return mvc.perform(get("/api/provider/referrals").with(provider))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private ResultActions answer(RequestPostProcessor user, Object reference, String json) throws Exception {
        return mvc.perform(post("/api/provider/referrals/" + reference + "/answer")
                .with(user)
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }
}
