package uk.rcc.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.rcc.imports.DatasetImporter;
import uk.rcc.support.IntegrationTest;
import uk.rcc.support.SharedData;
import uk.rcc.support.TestRegistry;

/** The demo's provider organisations and its two provider accounts, of two different independent providers. */
@IntegrationTest
class DemoProvidersTest {
    @Autowired
    TestRegistry registry;

    @Autowired
    DatasetImporter importer;

    @Autowired
    DemoProviders demo;

    @Test
    void theDemoHasTwoProviderAccountsOfDifferentIndependentProvidersAndSomeStaleVacancies() {
        registry.reset();
        importer.importDirectory(SharedData.sample());
        demo.load("demo-only-password");

        List<String> orgs = registry.jdbc()
                .queryForList(
                        "SELECT o.kind FROM app_user u JOIN provider_org o "
                                + "ON o.provider_org_id = u.provider_org_id WHERE u.username IN ('provider', 'provider2') "
                                + "AND u.role = 'PROVIDER' ORDER BY u.username",
                        String.class);
        assertThat(orgs).containsExactly("INDEPENDENT_FOSTERING_AGENCY", "CHILDRENS_HOME_PROVIDER");
        for (String account : List.of("provider", "provider2")) {
            assertThat(registry.jdbc()
                            .queryForObject(
                                    "SELECT count(*) FROM home h JOIN app_user u "
                                            + "ON u.provider_org_id = h.provider_org_id WHERE u.username = ? AND h.provider = 'INDEPENDENT'",
                                    Integer.class,
                                    account))
                    .as(account + "'s homes")
                    .isPositive();
        }
        assertThat(registry.jdbc()
                        .queryForObject(
                                "SELECT count(*) FROM home WHERE vacancy_confirmed_at < now() "
                                        + "- interval '14 days'",
                                Integer.class))
                .isPositive();
        demo.load("demo-only-password"); // loading twice changes nothing and fails nothing
    }
}
