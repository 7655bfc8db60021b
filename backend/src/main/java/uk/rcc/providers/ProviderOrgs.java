package uk.rcc.providers;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Repository;
import uk.rcc.homes.HomeEditor;
import uk.rcc.security.Role;
import uk.rcc.security.Viewer;

/** Provider organisations, and which one a provider account belongs to. */
@Repository
public class ProviderOrgs {
    private final JdbcTemplate jdbc;

    public ProviderOrgs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record ProviderOrg(String providerOrgId, String name, String kind) {}

    public List<ProviderOrg> all() {
        return jdbc.query(
                "SELECT provider_org_id, name, kind FROM provider_org ORDER BY name",
                (rs, i) -> new ProviderOrg(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    /** The organisation whose homes a provider may see and change; anyone else is refused. */
    public HomeEditor.Scope scopeOf(Viewer viewer) {
        if (viewer.role() != Role.PROVIDER) {
            throw new AccessDeniedException("only a provider's staff work with a provider's homes");
        }
        return jdbc
                .queryForList(
                        "SELECT provider_org_id FROM app_user WHERE username = ?", String.class, viewer.username())
                .stream()
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .map(HomeEditor.Scope::new)
                .orElseThrow(() -> new AccessDeniedException("this account belongs to no provider organisation"));
    }

    public String name(String providerOrgId) {
        return jdbc
                .queryForList("SELECT name FROM provider_org WHERE provider_org_id = ?", String.class, providerOrgId)
                .stream()
                .findFirst()
                .orElse(providerOrgId);
    }
}
