package uk.rcc.homes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import uk.rcc.imports.DatasetImporter;
import uk.rcc.support.IntegrationTest;
import uk.rcc.support.SharedData;
import uk.rcc.support.TestRegistry;
import uk.rcc.support.Users;

/** Commissioners add, change and close homes by the import's rules; stale vacancies are listed for them. */
@IntegrationTest
class HomeRegisterTest {
    private static final String NEW_HOME = "{\"homeId\":\"H-NEW-1\",\"home\":{\"name\":\"Hill Farm\",\"kind\":"
            + "\"FOSTER\",\"provider\":\"INDEPENDENT\",\"authorityCode\":\"" + TestRegistry.CUMBERLAND + "\","
            + "\"lat\":54.6,\"lon\":-3.1,\"places\":2,\"minAge\":0,\"maxAge\":17,\"sexes\":\"ANY\","
            + "\"needsMet\":[\"EMOTIONAL\"],\"pets\":false,\"weeklyCost\":800,\"providerOrgId\":\""
            + TestRegistry.PROVIDER_ORG + "\"}}";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestRegistry registry;

    @Autowired
    DatasetImporter importer;

    @BeforeEach
    void sample() {
        registry.reset();
        importer.importDirectory(SharedData.sample());
        registry.createAccounts();
        registry.createProviders();
    }

    @Test
    void aCommissionerAddsAHomeThatTheMapThenShowsAuditedOnce() throws Exception {
        long since = registry.lastAuditId();
        as(Users.commissioner(), post("/api/register/homes"), NEW_HOME)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.homeId").value("H-NEW-1"))
                .andExpect(jsonPath("$.vacancies").value(2));
        mvc.perform(get("/api/homes").with(Users.officerOf(TestRegistry.CUMBERLAND)))
                .andExpect(jsonPath("$[?(@.homeId == 'H-NEW-1')].vacancies").value(Matchers.contains(2)));
        mvc.perform(get("/api/register/homes/H-NEW-1").with(Users.commissioner()))
                .andExpect(jsonPath("$.providerOrgId").value(TestRegistry.PROVIDER_ORG));
        assertThat(registry.jdbc()
                        .queryForObject(
                                "SELECT count(*) FROM audit_event WHERE id > ? AND action = "
                                        + "'CREATE_HOME' AND subject = 'H-NEW-1'",
                                Integer.class,
                                since))
                .isEqualTo(1);
        as(Users.commissioner(), post("/api/register/homes"), NEW_HOME).andExpect(status().isConflict());
    }

    @Test
    void anInvalidHomeIsRefusedWithTheImportsMessagesNamingEachField() throws Exception {
        String invalid = NEW_HOME.replace("\"FOSTER\"", "\"CASTLE\"")
                .replace("54.6", "95.0")
                .replace("\"places\":2", "\"places\":0");
        as(Users.commissioner(), post("/api/register/homes"), invalid)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@ =~ /kind: .*CASTLE.*/)]").exists())
                .andExpect(jsonPath("$.errors[?(@ =~ /lat: .*/)]").exists())
                .andExpect(jsonPath("$.errors[?(@ =~ /places: .*/)]").exists());
        assertThat(registry.jdbc().queryForObject("SELECT count(*) FROM home WHERE home_id = 'H-NEW-1'", Integer.class))
                .isZero();
    }

    @Test
    void aCommissionerChangesAnyHome() throws Exception {
        String home = registry.homesOf(TestRegistry.OTHER_PROVIDER_ORG).get(0);
        as(
                        Users.commissioner(),
                        patch("/api/register/homes/" + home),
                        "{\"home\":{\"weeklyCost\":1234.5," + "\"availability\":\"SUSPENDED\"}}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.weeklyCost").value(1234.5))
                .andExpect(jsonPath("$.available").value(false));
    }

    @Test
    void closingAHomeWithChildrenLivingThereIsRefusedWithAClearMessage() throws Exception {
        String occupied = registry.jdbc()
                .queryForObject(
                        "SELECT current_home_id FROM child WHERE current_home_id "
                                + "IS NOT NULL ORDER BY current_home_id LIMIT 1",
                        String.class);
        as(Users.commissioner(), post("/api/register/homes/" + occupied + "/close"), "")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail")
                        .value(Matchers.containsString(
                                "live in home " + occupied + ". Move them to other homes before closing it.")));
        String empty = registry.jdbc()
                .queryForObject(
                        "SELECT home_id FROM home h WHERE NOT EXISTS (SELECT 1 FROM "
                                + "child c WHERE c.current_home_id = h.home_id) ORDER BY home_id LIMIT 1",
                        String.class);
        as(Users.commissioner(), post("/api/register/homes/" + empty + "/close"), "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.availability").value("CLOSED"))
                .andExpect(jsonPath("$.available").value(false));
    }

    @Test
    void staleVacanciesAreListedForTheCommissionerOldestFirst() throws Exception {
        String home = registry.homesOf(TestRegistry.PROVIDER_ORG).get(0);
        registry.jdbc()
                .update("UPDATE home SET vacancy_confirmed_at = now() - interval '15 days' WHERE home_id = ?", home);
        mvc.perform(get("/api/register/stale-vacancies").with(Users.commissioner()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].homeId").value(Matchers.contains(home)))
                .andExpect(jsonPath("$[0].vacancyStale").value(true));
        mvc.perform(get("/api/homes").with(Users.officerOf(TestRegistry.CUMBERLAND)))
                .andExpect(jsonPath("$[?(@.homeId == '" + home + "')].vacancyStale")
                        .value(Matchers.contains(true)));
    }

    @Test
    void homeManagementIsRefusedToEveryOtherRole() throws Exception {
        String home = registry.homesOf(TestRegistry.PROVIDER_ORG).get(0);
        for (RequestPostProcessor user :
                List.of(Users.officerOf(TestRegistry.CUMBERLAND), Users.board(), Users.admin(), Users.provider())) {
            as(user, post("/api/register/homes"), NEW_HOME).andExpect(status().isForbidden());
            as(user, patch("/api/register/homes/" + home), "{\"home\":{\"places\":5}}")
                    .andExpect(status().isForbidden());
            as(user, post("/api/register/homes/" + home + "/close"), "").andExpect(status().isForbidden());
            mvc.perform(get("/api/register/stale-vacancies").with(user)).andExpect(status().isForbidden());
        }
    }

    private ResultActions as(RequestPostProcessor user, MockHttpServletRequestBuilder request, String json)
            throws Exception {
        return mvc.perform(request.with(user)
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }
}
