package uk.rcc.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import uk.rcc.imports.DatasetImporter;
import uk.rcc.support.IntegrationTest;
import uk.rcc.support.SharedData;
import uk.rcc.support.TestRegistry;
import uk.rcc.support.Users;

/** A provider keeps its own homes' vacancies current, and only its own. */
@IntegrationTest
class ProviderHomesTest {
    @Autowired
    MockMvc mvc;

    @Autowired
    TestRegistry registry;

    @Autowired
    DatasetImporter importer;

    String own;
    String others;

    @BeforeEach
    void sampleWithProviders() {
        registry.reset();
        importer.importDirectory(SharedData.sample());
        registry.createAccounts();
        registry.createProviders();
        own = registry.homesOf(TestRegistry.PROVIDER_ORG).get(0);
        others = registry.homesOf(TestRegistry.OTHER_PROVIDER_ORG).get(0);
    }

    @Test
    void aProviderListsOnlyItsOwnHomes() throws Exception {
        String body = mvc.perform(get("/api/provider/homes").with(Users.provider()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> ids = JsonPath.read(body, "$[*].homeId");
        assertThat(ids).containsExactlyElementsOf(registry.homesOf(TestRegistry.PROVIDER_ORG));
        assertThat(ids).doesNotContain(others);
    }

    @Test
    void changingAvailabilityAndPlacesIsAuditedOnceWithBeforeAndAfter() throws Exception {
        int places = places(own);
        boolean pets = registry.jdbc().queryForObject("SELECT pets FROM home WHERE home_id = ?", Boolean.class, own);
        long since = registry.lastAuditId();
        registry.jdbc()
                .update("UPDATE home SET vacancy_confirmed_at = now() - interval '30 days' WHERE home_id = ?", own);

        mvc.perform(change(
                        own, "{\"places\":" + (places + 1) + ",\"availability\":\"ON_HOLD\",\"pets\":" + !pets + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.availability").value("ON_HOLD"))
                .andExpect(jsonPath("$.available").value(false))
                .andExpect(jsonPath("$.vacancyStale").value(false))
                .andExpect(jsonPath("$.vacancyConfirmedBy").value("provider"));

        List<String> details = registry.jdbc()
                .queryForList(
                        "SELECT detail FROM audit_event WHERE id > ? AND "
                                + "action = 'PROVIDER_CHANGE_HOME' AND subject = ? AND actor = 'provider'",
                        String.class,
                        since,
                        own);
        assertThat(details).hasSize(1);
        assertThat(details.get(0))
                .contains("places: " + places + " -> " + (places + 1))
                .contains("availability: AVAILABLE -> ON_HOLD")
                .contains("pets: " + pets + " -> " + !pets);
    }

    @Test
    void aPlaceFreeFromALaterDateIsNotAvailableUntilThen() throws Exception {
        mvc.perform(change(own, "{\"availability\":\"AVAILABLE\",\"availableFrom\":\"2999-01-01\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.available").value(false))
                .andExpect(jsonPath("$.availableFrom").value("2999-01-01"));
        registry.jdbc().update("UPDATE home SET available_from = current_date WHERE home_id = ?", own);
        registry.jdbc().update("UPDATE home SET available_from = NULL WHERE available_from <= current_date");
        assertThat(registry.jdbc().queryForObject("SELECT available FROM home WHERE home_id = ?", Boolean.class, own))
                .isTrue();
    }

    @Test
    void confirmingAVacancyChangesOnlyWhenItWasConfirmed() throws Exception {
        registry.jdbc()
                .update("UPDATE home SET vacancy_confirmed_at = now() - interval '30 days' WHERE home_id = ?", own);
        long since = registry.lastAuditId();
        mvc.perform(post("/api/provider/homes/" + own + "/confirmation")
                        .with(Users.provider())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.vacancyStale").value(false));
        assertThat(registry.jdbc()
                        .queryForObject(
                                "SELECT count(*) FROM audit_event WHERE id > ? AND action = "
                                        + "'CONFIRM_VACANCY' AND subject = ?",
                                Integer.class,
                                since,
                                own))
                .isEqualTo(1);
    }

    @Test
    void anotherProvidersHomeIsNotFoundForEveryWriteAndNothingIsWritten() throws Exception {
        long since = registry.lastAuditId();
        int version =
                registry.jdbc().queryForObject("SELECT version FROM home WHERE home_id = ?", Integer.class, others);
        mvc.perform(change(others, "{\"places\":1}")).andExpect(status().isNotFound());
        mvc.perform(post("/api/provider/homes/" + others + "/confirmation")
                        .with(Users.provider())
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(change("NO-SUCH-HOME", "{\"places\":1}")).andExpect(status().isNotFound());
        assertThat(registry.jdbc().queryForObject("SELECT version FROM home WHERE home_id = ?", Integer.class, others))
                .isEqualTo(version);
        assertThat(registry.jdbc()
                        .queryForObject("SELECT count(*) FROM audit_event WHERE id > ?", Integer.class, since))
                .isZero();
    }

    @Test
    void invalidValuesAreRefusedByTheImportRulesNamingTheField() throws Exception {
        mvc.perform(change(own, "{\"minAge\":17,\"maxAge\":4,\"sexes\":\"X\",\"needsMet\":[\"FLYING\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@ =~ /sexes: .*/)]").exists())
                .andExpect(jsonPath("$.errors[?(@ =~ /needs_met: .*FLYING.*/)]").exists());
        mvc.perform(change(own, "{\"places\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0]").value(org.hamcrest.Matchers.startsWith("places: ")));
    }

    @Test
    void placesCannotGoBelowTheChildrenLivingThere() throws Exception {
        String home = registry.jdbc()
                .queryForObject(
                        "SELECT current_home_id FROM child WHERE current_home_id IS "
                                + "NOT NULL GROUP BY current_home_id ORDER BY count(*) DESC, current_home_id LIMIT 1",
                        String.class);
        registry.jdbc()
                .update("UPDATE home SET provider_org_id = ? WHERE home_id = ?", TestRegistry.PROVIDER_ORG, home);
        int living = registry.jdbc()
                .queryForObject("SELECT count(*) FROM child WHERE current_home_id = ?", Integer.class, home);

        mvc.perform(change(home, "{\"places\":" + (living - 1) + "}"))
                .andExpect(status().isConflict())
                .andExpect(
                        jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("cannot go below " + living)));
        assertThat(places(home)).isGreaterThanOrEqualTo(living);
    }

    @Test
    void aStaleVersionIsAConflict() throws Exception {
        int version = registry.jdbc().queryForObject("SELECT version FROM home WHERE home_id = ?", Integer.class, own);
        mvc.perform(change(own, "{\"version\":" + version + ",\"pets\":true}")).andExpect(status().isOk());
        mvc.perform(change(own, "{\"version\":" + version + ",\"pets\":false}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("changed by someone")));
    }

    @Test
    void otherRolesCannotUseTheProviderApi() throws Exception {
        for (var user :
                List.of(Users.officerOf(TestRegistry.CUMBERLAND), Users.commissioner(), Users.board(), Users.admin())) {
            mvc.perform(get("/api/provider/homes").with(user)).andExpect(status().isForbidden());
            mvc.perform(change(own, "{\"places\":1}").with(user)).andExpect(status().isForbidden());
        }
    }

    private MockHttpServletRequestBuilder change(String homeId, String json) {
        return patch("/api/provider/homes/" + homeId)
                .with(Users.provider())
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json);
    }

    private int places(String homeId) {
        return registry.jdbc().queryForObject("SELECT places FROM home WHERE home_id = ?", Integer.class, homeId);
    }
}
