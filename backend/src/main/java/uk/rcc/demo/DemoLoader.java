package uk.rcc.demo;

import java.time.LocalDate;
import java.util.List;
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
    /** The demo commissioner's and administrator's authenticator secret (README): they need a second factor. */
    static final String DEMO_TWO_FACTOR_SECRET = "RCCDEMOONLYRCCDEMOONLYRCCDEMOONL";

    private final Environment environment;
    private final JdbcTemplate jdbc;
    private final DatasetImporter importer;
    private final AccountStore accounts;
    private final uk.rcc.sufficiency.board.ForecastRuns forecasts;
    private final uk.rcc.security.TwoFactorAccounts twoFactor;
    private final uk.rcc.providers.DemoProviders providers;

    DemoLoader(
            Environment environment,
            JdbcTemplate jdbc,
            DatasetImporter importer,
            AccountStore accounts,
            uk.rcc.sufficiency.board.ForecastRuns forecasts,
            uk.rcc.security.TwoFactorAccounts twoFactor,
            uk.rcc.providers.DemoProviders providers) {
        this.twoFactor = twoFactor;
        this.providers = providers;
        this.environment = environment;
        this.jdbc = jdbc;
        this.importer = importer;
        this.accounts = accounts;
        this.forecasts = forecasts;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean wanted = environment.getProperty("rcc.demo.load-when-empty", Boolean.class, false);
        boolean embedded = environment.getProperty("spring.datasource.url", "").isBlank();
        if (!wanted || !embedded || registryHasData()) {
            return;
        }
        var spec = DemoCooperativeGenerator.Spec.demo(
                environment.getProperty("rcc.demo.children", Integer.class, 400),
                environment.getProperty("rcc.demo.homes", Integer.class, 300),
                environment.getProperty("rcc.demo.seed", Long.class, 42L),
                LocalDate.now());
        var summary =
                importer.importDataset(DemoPlacementDetails.fill(DemoCooperativeGenerator.generate(spec), spec.seed()));
        spreadReferralDates();
        createDemoAccounts();
        providers.load(DEMO_PASSWORD);
        loadDemoReturns();
        log.info(
                "Loaded the demo co-operative: {} homes, {} children. Demo accounts are listed in the README.",
                summary.homes(),
                summary.children());
    }

    /** The exchange format has no referral date; give demo referrals a spread of 0-59 days' waiting. */
    private void spreadReferralDates() {
        jdbc.update("UPDATE child SET referred_at = now() - make_interval(days => abs(hashtext(child_id)) % 60) "
                + "WHERE current_home_id IS NULL");
    }

    /** Ten years of generated SSDA903 returns for the demo councils, and a first forecast for the board. */
    private void loadDemoReturns() {
        java.nio.file.Path folder = null;
        try {
            folder = java.nio.file.Files.createTempDirectory("rcc-demo-returns");
            List<String> councils =
                    Places.NORTHERN_MEMBERS.stream().map(Places.Council::code).toList();
            uk.rcc.sufficiency.Ssda903Generator.write(DemoForecast.returns(LocalDate.now()), folder);
            for (String council : councils) {
                for (String file : List.of("header.csv", "episodes.csv")) {
                    jdbc.update(
                            "INSERT INTO ssda903_file (authority, file_name, content, uploaded_by) "
                                    + "VALUES (?, ?, ?, 'demo')",
                            council,
                            file,
                            java.nio.file.Files.readString(
                                    folder.resolve(council).resolve(file)));
                }
            }
            forecasts.start("demo", "Demo baseline forecast", DemoForecast.PARAMETERS, DemoForecast.SCENARIOS, "USER");
        } catch (java.io.IOException e) {
            log.warn("Demo SSDA903 returns could not be written: {}", e.getMessage());
        } finally {
            if (folder != null) {
                org.springframework.util.FileSystemUtils.deleteRecursively(folder.toFile());
            }
        }
    }

    private boolean registryHasData() {
        return Boolean.TRUE.equals(
                jdbc.queryForObject("SELECT exists(SELECT 1 FROM home) OR exists(SELECT 1 FROM child)", Boolean.class));
    }

    void createDemoAccounts() {
        for (Places.Council council : Places.NORTHERN_MEMBERS) {
            String name = council.name().toLowerCase().split(" ")[council.name().startsWith("County") ? 1 : 0];
            accounts.createOrReplace(
                    "officer." + name,
                    DEMO_PASSWORD,
                    Role.OFFICER,
                    council.code(),
                    "Placement officer, " + council.name());
        }
        accounts.createOrReplace("commissioner", DEMO_PASSWORD, Role.COMMISSIONER, null, "Co-operative commissioner");
        accounts.createOrReplace("board", DEMO_PASSWORD, Role.BOARD, null, "Board member");
        accounts.createOrReplace("admin", DEMO_PASSWORD, Role.ADMIN, null, "Administrator");
        twoFactor.enrolWithSecret("commissioner", DEMO_TWO_FACTOR_SECRET);
        twoFactor.enrolWithSecret("admin", DEMO_TWO_FACTOR_SECRET);
    }
}
