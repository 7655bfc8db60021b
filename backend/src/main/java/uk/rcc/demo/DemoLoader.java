package uk.rcc.demo;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import uk.rcc.imports.DatasetImporter;
import uk.rcc.security.AccountStore;
import uk.rcc.security.Role;

/**
 * On the first start of an empty embedded database, loads a generated demo co-operative and the demo accounts
 * listed in the README, so a new user can sign in and try everything. Never runs against an external database.
 */
@Component
class DemoLoader implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    static final String DEMO_PASSWORD = "demo-only-password";

    private final Environment environment;
    private final JdbcTemplate jdbc;
    private final DatasetImporter importer;
    private final AccountStore accounts;

    DemoLoader(Environment environment, JdbcTemplate jdbc, DatasetImporter importer, AccountStore accounts) {
        this.environment = environment;
        this.jdbc = jdbc;
        this.importer = importer;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean wanted = environment.getProperty("rcc.demo.load-when-empty", Boolean.class, false);
        boolean embedded = environment.getProperty("spring.datasource.url", "").isBlank();
        if (!wanted || !embedded || registryHasData()) {
            return;
        }
        var spec = DemoCooperativeGenerator.Spec.demo(environment.getProperty("rcc.demo.children", Integer.class, 400),
                environment.getProperty("rcc.demo.homes", Integer.class, 300),
                environment.getProperty("rcc.demo.seed", Long.class, 42L), LocalDate.now());
        var summary = importer.importDataset(DemoCooperativeGenerator.generate(spec));
        spreadReferralDates();
        createDemoAccounts();
        log.info("Loaded the demo co-operative: {} homes, {} children. Demo accounts are listed in the README.",
                summary.homes(), summary.children());
    }

    /** The exchange format has no referral date; give demo referrals a spread of 0-59 days' waiting. */
    private void spreadReferralDates() {
        jdbc.update("UPDATE child SET referred_at = now() - make_interval(days => abs(hashtext(child_id)) % 60) "
                + "WHERE current_home_id IS NULL");
    }

    private boolean registryHasData() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT exists(SELECT 1 FROM home) OR exists(SELECT 1 FROM child)", Boolean.class));
    }

    void createDemoAccounts() {
        for (Places.Council council : Places.NORTHERN_MEMBERS) {
            String name = council.name().toLowerCase().split(" ")[council.name().startsWith("County") ? 1 : 0];
            accounts.createOrReplace("officer." + name, DEMO_PASSWORD, Role.OFFICER, council.code(),
                    "Placement officer, " + council.name());
        }
        accounts.createOrReplace("commissioner", DEMO_PASSWORD, Role.COMMISSIONER, null, "Co-operative commissioner");
        accounts.createOrReplace("board", DEMO_PASSWORD, Role.BOARD, null, "Board member");
        accounts.createOrReplace("admin", DEMO_PASSWORD, Role.ADMIN, null, "Administrator");
    }
}
