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
        jdbc.execute("TRUNCATE forecast_comment, ssda903_file, decision, proposal, matching_run, weight_set, placement, avoid_zone, key_place, child, home, two_factor_recovery_code, two_factor, app_user, authority, cooperative");
    }

    /** Accounts need their councils to exist: call after importing a data set with these councils. */
    public void createAccounts() {
        accounts.createOrReplace("officer.cumberland", PASSWORD, Role.OFFICER, CUMBERLAND, null);
        accounts.createOrReplace("officer.northumberland", PASSWORD, Role.OFFICER, NORTHUMBERLAND, null);
        accounts.createOrReplace("commissioner", PASSWORD, Role.COMMISSIONER, null, null);
        accounts.createOrReplace("board", PASSWORD, Role.BOARD, null, null);
        accounts.createOrReplace("admin", PASSWORD, Role.ADMIN, null, null);
    }

    public int count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }
}
