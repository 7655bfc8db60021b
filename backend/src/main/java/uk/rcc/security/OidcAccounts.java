package uk.rcc.security;

import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * OpenID Connect sign-in for production: the identity provider's token carries the person's role and, for an
 * officer, their council (claim names configurable). A token without them signs no one in.
 */
@Component
class OidcAccounts extends OidcUserService {
    private static final Pattern COUNCIL = Pattern.compile("[EWSN]\\d{8}");
    private final String roleClaim;
    private final String authorityClaim;

    OidcAccounts(
            @Value("${rcc.oidc.role-claim:rcc_role}") String roleClaim,
            @Value("${rcc.oidc.authority-claim:rcc_authority}") String authorityClaim) {
        this.roleClaim = roleClaim;
        this.authorityClaim = authorityClaim;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = super.loadUser(request);
        Viewer viewer = viewerFrom(user.getClaims(), user.getSubject());
        return new RccOidcUser(user, viewer);
    }

    Viewer viewerFrom(Map<String, Object> claims, String subject) {
        Object roleValue = claims.get(roleClaim);
        Role role;
        try {
            role = Role.valueOf(String.valueOf(roleValue).trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw refused("the identity token has no valid '" + roleClaim + "' claim (OFFICER, COMMISSIONER, "
                    + "BOARD or ADMIN)");
        }
        Object authority = claims.get(authorityClaim);
        String council = authority == null ? null : String.valueOf(authority).trim();
        if (role == Role.OFFICER
                && (council == null || !COUNCIL.matcher(council).matches())) {
            throw refused("an officer's identity token needs an ONS council code in '" + authorityClaim + "'");
        }
        Object name = claims.getOrDefault("preferred_username", subject);
        return new Viewer(String.valueOf(name), role, role == Role.OFFICER ? council : null);
    }

    private static OAuth2AuthenticationException refused(String message) {
        return new OAuth2AuthenticationException(new OAuth2Error("access_denied", message, null), message);
    }

    /** An OpenID Connect user with the service's role and council. */
    static final class RccOidcUser extends DefaultOidcUser implements HasViewer {
        private static final long serialVersionUID = 1L;
        private final Viewer viewer;

        RccOidcUser(OidcUser user, Viewer viewer) {
            super(
                    java.util.List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority(
                            viewer.role().authority())),
                    user.getIdToken(),
                    user.getUserInfo());
            this.viewer = viewer;
        }

        @Override
        public Viewer viewer() {
            return viewer;
        }

        @Override
        public String getName() {
            return viewer.username();
        }
    }
}
