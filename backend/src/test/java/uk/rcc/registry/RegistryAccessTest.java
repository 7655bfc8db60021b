package uk.rcc.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import uk.rcc.imports.DatasetImporter;
import uk.rcc.support.IntegrationTest;
import uk.rcc.support.SharedData;
import uk.rcc.support.TestRegistry;
import uk.rcc.support.Users;

@IntegrationTest
class RegistryAccessTest {
    private static final String CUMBERLAND_CHILD = "C000001";
    private static final String NORTHUMBERLAND_CHILD = "C000004";

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
    void nothingUnderApiIsServedWithoutSigningIn() throws Exception {
        mvc.perform(get("/api/homes")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/children")).andExpect(status().isUnauthorized());
    }

    @Test
    void theWebPageRedirectsToTheLoginPageWhichIsPublic() throws Exception {
        mvc.perform(get("/").accept(org.springframework.http.MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    @Test
    void aDemoAccountSignsInWithItsPasswordAndNotWithAnother() throws Exception {
        mvc.perform(formLogin().user("officer.cumberland").password(TestRegistry.PASSWORD))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/"));
        mvc.perform(formLogin().user("officer.cumberland").password("wrong"))
                .andExpect(header().string("Location", "/login?error"));
    }

    @Test
    void fiveFailedLoginsLockTheAccountEvenAgainstTheRightPassword() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user("board").password("wrong"));
        }
        mvc.perform(formLogin().user("board").password(TestRegistry.PASSWORD))
                .andExpect(header().string("Location", "/login?error"));
    }

    @Test
    void everyoneSignedInSeesAllHomesWithVacancies() throws Exception {
        mvc.perform(get("/api/homes").with(Users.officerOf(TestRegistry.CUMBERLAND)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(150)))
                .andExpect(jsonPath("$[?(@.homeId == 'H00082')].vacancies").value(0));
    }

    @Test
    void anOfficerListsOnlyTheirOwnCouncilsChildren() throws Exception {
        mvc.perform(get("/api/children").with(Users.officerOf(TestRegistry.CUMBERLAND)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].authorityCode", everyItem(is(TestRegistry.CUMBERLAND))))
                .andExpect(jsonPath("$[?(@.childId == '" + NORTHUMBERLAND_CHILD + "')]", hasSize(0)));
    }

    @Test
    void anOfficerOpensTheirOwnChildWithLocationsRoundedToAboutOneKilometre() throws Exception {
        mvc.perform(get("/api/children/" + CUMBERLAND_CHILD).with(Users.officerOf(TestRegistry.CUMBERLAND)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.child.childId").value(CUMBERLAND_CHILD))
                .andExpect(jsonPath("$.familyHome.lat").value(54.59))
                .andExpect(jsonPath("$.familyHome.lon").value(-3.63));
    }

    @Test
    void anOfficerAskingForAnotherCouncilsChildGetsNotFound() throws Exception {
        mvc.perform(get("/api/children/" + NORTHUMBERLAND_CHILD).with(Users.officerOf(TestRegistry.CUMBERLAND)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aBoardMemberGetsNoChildLevelRecord() throws Exception {
        mvc.perform(get("/api/children").with(Users.board())).andExpect(status().isForbidden());
        mvc.perform(get("/api/children/" + CUMBERLAND_CHILD).with(Users.board()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aCommissionerSeesChildrenOfEveryCouncil() throws Exception {
        mvc.perform(get("/api/children").with(Users.commissioner()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(120)));
    }

    @Test
    void theReferralsQueueHoldsOnlyChildrenAwaitingAPlacement() throws Exception {
        mvc.perform(get("/api/children?awaiting=true").with(Users.commissioner()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].currentHomeId", everyItem(org.hamcrest.Matchers.nullValue())));
    }

    @Test
    void viewingAChildLeavesExactlyOneAuditRow() throws Exception {
        int before = auditRows("VIEW_CHILD", CUMBERLAND_CHILD);

        mvc.perform(get("/api/children/" + CUMBERLAND_CHILD).with(Users.officerOf(TestRegistry.CUMBERLAND)));

        assertThat(auditRows("VIEW_CHILD", CUMBERLAND_CHILD)).isEqualTo(before + 1);
    }

    @Test
    void theAuditLogCannotBeChangedOrDeleted() {
        registry.jdbc().update("INSERT INTO audit_event (actor, action) VALUES ('test', 'TEST')");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                        () -> registry.jdbc().update("UPDATE audit_event SET actor = 'someone else'")))
                .isNotNull();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                        () -> registry.jdbc().update("DELETE FROM audit_event")))
                .isNotNull();
    }

    @Test
    void theOpenApiDocumentIsServedToSignedInUsersOnly() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
        mvc.perform(get("/v3/api-docs").with(Users.commissioner()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/homes']").exists());
    }

    private int auditRows(String action, String subject) {
        return registry.jdbc()
                .queryForObject(
                        "SELECT count(*) FROM audit_event WHERE action = ? AND subject = ?",
                        Integer.class,
                        action,
                        subject);
    }
}
