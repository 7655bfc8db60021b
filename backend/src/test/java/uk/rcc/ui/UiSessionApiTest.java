package uk.rcc.ui;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import uk.rcc.support.IntegrationTest;
import uk.rcc.support.TestRegistry;
import uk.rcc.support.Users;

/** What the web UI learns about the signed-in person and the map before drawing any page. */
@IntegrationTest
class UiSessionApiTest {
    @Autowired
    MockMvc mvc;

    @Test
    void tellsTheRoleAndCouncilAndHasNoTilesUnlessConfigured() throws Exception {
        mvc.perform(get("/api/ui-session").with(Users.officerOf(TestRegistry.CUMBERLAND)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("OFFICER"))
                .andExpect(jsonPath("$.authorityCode").value(TestRegistry.CUMBERLAND))
                .andExpect(jsonPath("$.map.tileUrl").doesNotExist());
    }

    @Test
    void needsASignedInPerson() throws Exception {
        mvc.perform(get("/api/ui-session")).andExpect(status().isUnauthorized());
    }
}
