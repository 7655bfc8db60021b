package uk.rcc.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
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

/** Administrators manage accounts; two rules keep at least one administrator able to. */
@IntegrationTest
class AccountAdminTest {
    @Autowired
    MockMvc mvc;

    @Autowired
    TestRegistry registry;

    @Autowired
    DatasetImporter importer;

    @BeforeEach
    void accounts() {
        registry.reset();
        importer.importDirectory(SharedData.sample());
        registry.createAccounts();
        registry.createProviders();
    }

    @Test
    void anAdministratorCreatesAnOfficerAndAProviderEachAuditedOnce() throws Exception {
        long since = registry.lastAuditId();
        as(
                        Users.admin(),
                        post("/api/accounts"),
                        "{\"username\":\"officer.new\",\"role\":\"OFFICER\"," + "\"authorityCode\":\""
                                + TestRegistry.CUMBERLAND + "\",\"password\":\"temporary-password-1\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.mustChangePassword").value(true));
        as(
                        Users.admin(),
                        post("/api/accounts"),
                        "{\"username\":\"provider.new\",\"role\":\"PROVIDER\"," + "\"providerOrgId\":\""
                                + TestRegistry.PROVIDER_ORG + "\",\"password\":\"temporary-password-1\"}")
                .andExpect(status().isCreated());
        mvc.perform(get("/api/accounts").with(Users.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.username == 'provider.new')].providerOrgId")
                        .value(TestRegistry.PROVIDER_ORG))
                .andExpect(jsonPath("$[?(@.username == 'officer.new')].lastSignInAt")
                        .value(org.hamcrest.Matchers.contains((Object) null)));
        assertThat(registry.jdbc()
                        .queryForObject(
                                "SELECT count(*) FROM audit_event WHERE id > ? AND action = "
                                        + "'CREATE_ACCOUNT' AND actor = 'admin'",
                                Integer.class,
                                since))
                .isEqualTo(2);
    }

    @Test
    void anOfficerNeedsACouncilAndAProviderAnOrganisation() throws Exception {
        as(
                        Users.admin(),
                        post("/api/accounts"),
                        "{\"username\":\"x\",\"role\":\"OFFICER\",\"password\":" + "\"temporary-password-1\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0]").value(org.hamcrest.Matchers.startsWith("authorityCode: ")));
        as(
                        Users.admin(),
                        post("/api/accounts"),
                        "{\"username\":\"y\",\"role\":\"PROVIDER\",\"providerOrgId\":"
                                + "\"nobody\",\"password\":\"temporary-password-1\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0]").value(org.hamcrest.Matchers.startsWith("providerOrgId: ")));
        as(Users.admin(), post("/api/accounts"), "{\"username\":\"z\",\"role\":\"BOARD\",\"password\":\"short\"}")
                .andExpect(status().isBadRequest());
    }

    @Test
    void anAdministratorCannotRemoveTheirOwnAdministratorRole() throws Exception {
        as(Users.admin(), put("/api/accounts/admin/role"), "{\"role\":\"BOARD\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("your own")));
        assertThat(role("admin")).isEqualTo("ADMIN");
    }

    @Test
    void theLastActiveAdministratorCannotBeDisabledOrDemoted() throws Exception {
        as(
                        Users.admin(),
                        post("/api/accounts"),
                        "{\"username\":\"admin2\",\"role\":\"ADMIN\",\"password\":" + "\"temporary-password-1\"}")
                .andExpect(status().isCreated());
        RequestPostProcessor admin2 =
                org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                        new uk.rcc.security.RccUser("admin2", "unused", uk.rcc.security.Role.ADMIN, null, true, false));
        as(admin2, post("/api/accounts/admin/disable"), "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false));
        as(Users.admin(), post("/api/accounts/admin2/disable"), "")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("last active")));
        as(Users.admin(), put("/api/accounts/admin2/role"), "{\"role\":\"BOARD\"}")
                .andExpect(status().isConflict());
        as(admin2, post("/api/accounts/admin2/disable"), "").andExpect(status().isConflict());
        as(admin2, post("/api/accounts/admin/enable"), "").andExpect(status().isOk());
        as(Users.admin(), post("/api/accounts/admin2/disable"), "").andExpect(status().isOk());
    }

    @Test
    void aResetPasswordMustBeReplacedAtTheNextSignInBeforeAnythingElse() throws Exception {
        as(Users.admin(), post("/api/accounts/board/password"), "{\"password\":\"temporary-password-9\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mustChangePassword").value(true));

        // Sessions live in PostgreSQL (Spring Session): the signed-in session is its cookie.
        jakarta.servlet.http.Cookie session = mvc.perform(
                        formLogin("/login").user("board").password("temporary-password-9"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getCookie("SESSION");
        assertThat(session).as("signed in").isNotNull();
        mvc.perform(get("/api/cooperative").cookie(session))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("Password change required"));
        mvc.perform(post("/api/account/password")
                        .cookie(session)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"currentPassword\":\"temporary-password-9\",\"newPassword\":\"my-own-password-1\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/cooperative").cookie(session)).andExpect(status().isOk());
        assertThat(registry.jdbc()
                        .queryForObject(
                                "SELECT last_sign_in_at IS NOT NULL AND NOT must_change_password "
                                        + "FROM app_user WHERE username = 'board'",
                                Boolean.class))
                .isTrue();
    }

    @Test
    void unlockingClearsALockOut() throws Exception {
        registry.jdbc()
                .update("UPDATE app_user SET failed_logins = 5, locked_until = now() + interval '15 minutes' "
                        + "WHERE username = 'commissioner'");
        mvc.perform(get("/api/accounts").with(Users.admin()))
                .andExpect(jsonPath("$[?(@.username == 'commissioner')].locked")
                        .value(org.hamcrest.Matchers.contains(true)));
        as(Users.admin(), post("/api/accounts/commissioner/unlock"), "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.locked").value(false));
    }

    @Test
    void accountManagementIsRefusedToEveryOtherRole() throws Exception {
        for (RequestPostProcessor user : List.of(
                Users.officerOf(TestRegistry.CUMBERLAND), Users.commissioner(), Users.board(), Users.provider())) {
            mvc.perform(get("/api/accounts").with(user)).andExpect(status().isForbidden());
            as(
                            user,
                            post("/api/accounts"),
                            "{\"username\":\"q\",\"role\":\"ADMIN\",\"password\":" + "\"temporary-password-1\"}")
                    .andExpect(status().isForbidden());
            as(user, post("/api/accounts/admin/disable"), "").andExpect(status().isForbidden());
            as(user, post("/api/accounts/board/password"), "{\"password\":\"temporary-password-1\"}")
                    .andExpect(status().isForbidden());
            as(user, put("/api/accounts/board/role"), "{\"role\":\"ADMIN\"}").andExpect(status().isForbidden());
        }
        assertThat(registry.jdbc().queryForObject("SELECT count(*) FROM app_user WHERE username = 'q'", Integer.class))
                .isZero();
    }

    private ResultActions as(
            RequestPostProcessor user,
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            String json)
            throws Exception {
        return mvc.perform(request.with(user)
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private String role(String username) {
        return registry.jdbc().queryForObject("SELECT role FROM app_user WHERE username = ?", String.class, username);
    }
}
