package uk.rcc.support;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.rcc.security.AccountStore;
import uk.rcc.security.Role;

/** Puts the shared test database into a known state: an empty registry and one account per role. */
@Component
public class TestRegistry {
    public static final String PASSWORD = "test-password-1";
    public static final String CUMBERLAND = "E06000063";
    public static final String NORTHUMBERLAND = "E06000057";

    private final JdbcTemplate jdbc;
    private final AccountStore accounts;

    public TestRegistry(JdbcTemplate jdbc, AccountStore accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    public void reset() {
        jdbc.execute(
                "TRUNCATE forecast_comment, ssda903_file, decision, proposal, matching_run, weight_set, placement, avoid_zone, key_place, referral_answer, referral_ref, child, home, two_factor_recovery_code, two_factor, app_user, provider_org, authority, cooperative");
    }

    /** Accounts need their councils to exist: call after importing a data set with these councils. */
    public void createAccounts() {
        accounts.createOrReplace("officer.cumberland", PASSWORD, Role.OFFICER, CUMBERLAND, null);
        accounts.createOrReplace("officer.northumberland", PASSWORD, Role.OFFICER, NORTHUMBERLAND, null);
        accounts.createOrReplace("commissioner", PASSWORD, Role.COMMISSIONER, null, null);
        accounts.createOrReplace("board", PASSWORD, Role.BOARD, null, null);
        accounts.createOrReplace("admin", PASSWORD, Role.ADMIN, null, null);
    }

    public static final String PROVIDER_ORG = "fellside";
    public static final String OTHER_PROVIDER_ORG = "tynevalley";

    /**
     * Two provider organisations with an account each ({@code provider}, {@code provider2}), sharing the sample's
     * homes between them alternately by id; call after {@link #createAccounts()}.
     */
    public void createProviders() {
        jdbc.update(
                "INSERT INTO provider_org (provider_org_id, name, kind) VALUES (?, 'Fellside Fostering', "
                        + "'INDEPENDENT_FOSTERING_AGENCY'), (?, 'Tyne Valley Homes', 'CHILDRENS_HOME_PROVIDER')",
                PROVIDER_ORG,
                OTHER_PROVIDER_ORG);
        jdbc.update("""
                UPDATE home h SET provider_org_id = CASE WHEN o.n % 2 = 1 THEN ? ELSE ? END
                FROM (SELECT home_id, row_number() OVER (ORDER BY home_id) AS n FROM home) o
                WHERE o.home_id = h.home_id""", PROVIDER_ORG, OTHER_PROVIDER_ORG);
        accounts.createOrReplace("provider", PASSWORD, Role.COMMISSIONER, null, null);
        accounts.createOrReplace("provider2", PASSWORD, Role.COMMISSIONER, null, null);
        jdbc.update(
                "UPDATE app_user SET role = 'PROVIDER', provider_org_id = ? WHERE username = 'provider'", PROVIDER_ORG);
        jdbc.update(
                "UPDATE app_user SET role = 'PROVIDER', provider_org_id = ? WHERE username = 'provider2'",
                OTHER_PROVIDER_ORG);
    }

    /** A home of the organisation, in id order. */
    public java.util.List<String> homesOf(String providerOrgId) {
        return jdbc.queryForList(
                "SELECT home_id FROM home WHERE provider_org_id = ? ORDER BY home_id", String.class, providerOrgId);
    }

    public long lastAuditId() {
        return jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_event", Long.class);
    }

    public int count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }
}
