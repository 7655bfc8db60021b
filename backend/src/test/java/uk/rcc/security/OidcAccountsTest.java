package uk.rcc.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

class OidcAccountsTest {
    private final OidcAccounts accounts = new OidcAccounts("rcc_role", "rcc_authority");

    @Test
    void anOfficersTokenGivesTheirRoleAndCouncil() {
        Viewer viewer = accounts.viewerFrom(
                Map.of("rcc_role", "officer", "rcc_authority", "E06000057", "preferred_username", "a.officer"),
                "subject-1");

        assertThat(viewer).isEqualTo(new Viewer("a.officer", Role.OFFICER, "E06000057"));
    }

    @Test
    void aBoardMembersCouncilClaimIsIgnoredSoTheyNeverGetAChildScope() {
        Viewer viewer = accounts.viewerFrom(Map.of("rcc_role", "BOARD", "rcc_authority", "E06000057"), "s");

        assertThat(viewer.authorityCode()).isNull();
        assertThat(viewer.maySeeChildRecords()).isFalse();
    }

    @Test
    void aTokenWithoutARoleSignsNoOneIn() {
        assertThatThrownBy(() -> accounts.viewerFrom(Map.of("sub", "x"), "x"))
                .isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessageContaining("rcc_role");
    }

    @Test
    void anOfficerWithoutACouncilSignsNoOneIn() {
        assertThatThrownBy(() -> accounts.viewerFrom(Map.of("rcc_role", "OFFICER"), "x"))
                .isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessageContaining("rcc_authority");
    }
}
