package uk.rcc.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;
import uk.rcc.imports.DatasetImporter;
import uk.rcc.registry.RegistryStore;
import uk.rcc.security.Role;
import uk.rcc.security.Viewer;
import uk.rcc.support.IntegrationTest;
import uk.rcc.support.SharedData;
import uk.rcc.support.TestRegistry;
import uk.rcc.support.Users;

@IntegrationTest
class PlacementDecisionsTest {
    private static final Viewer COMMISSIONER = new Viewer("commissioner", Role.COMMISSIONER, null);

    @Autowired
    MockMvc mvc;

    @Autowired
    TestRegistry registry;

    @Autowired
    DatasetImporter importer;

    @Autowired
    RegistryStore store;

    @Autowired
    PlacementDecisions decisions;

    ExchangeDataset sample;

    @BeforeEach
    void sampleRegistry() {
        registry.reset();
        importer.importDirectory(SharedData.sample());
        registry.createAccounts();
        sample = store.readAll();
    }

    @Test
    void acceptingAHomeCreatesThePlacementAndTheVacancyDrops() throws Exception {
        Pair pair = validPairs(1).get(0);
        int vacanciesBefore = vacancies(pair.home());
        // The audit log is append-only and outlives registry resets, so count only rows written from here on.
        long lastAuditRow = registry.jdbc().queryForObject("SELECT coalesce(max(id), 0) FROM audit_event", Long.class);

        mvc.perform(post("/api/children/" + pair.child().childId() + "/placement")
                        .with(Users.officerOf(pair.child().authorityCode()))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"homeId\":\"" + pair.home().homeId() + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.vacanciesLeft").value(vacanciesBefore - 1));

        assertThat(vacancies(pair.home())).isEqualTo(vacanciesBefore - 1);
        assertThat(registry.jdbc()
                        .queryForObject(
                                "SELECT current_home_id FROM child WHERE child_id = ?",
                                String.class,
                                pair.child().childId()))
                .isEqualTo(pair.home().homeId());
        assertThat(registry.jdbc()
                        .queryForObject(
                                "SELECT count(*) FROM audit_event WHERE action = 'DECIDE_ACCEPT' "
                                        + "AND subject = ? AND id > ?",
                                Integer.class,
                                pair.child().childId(),
                                lastAuditRow))
                .isEqualTo(1);
    }

    @Test
    void aHomeThatBreaksAHardRuleIsRefusedWithTheReason() {
        ChildRow child = awaiting().get(0);
        HomeRow wrongAge = sample.homes().stream()
                .filter(h -> h.maxAge() < age(child) && vacancies(h) > 0)
                .findFirst()
                .orElseThrow();

        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                        () -> decisions.accept(COMMISSIONER, child.childId(), wrongAge.homeId(), null, null)))
                .isInstanceOf(PlacementConflictException.class)
                .hasMessageContaining("outside the home's range");
    }

    @Test
    void twoOfficersTakingTheLastPlaceAtOnceLeaveExactlyOneSuccess() throws Exception {
        List<Pair> contested = twoChildrenForOneLastPlace();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> outcomes = new ArrayList<>();
        for (Pair pair : contested) {
            Callable<String> attempt = () -> {
                start.await();
                try {
                    decisions.accept(
                            COMMISSIONER, pair.child().childId(), pair.home().homeId(), null, null);
                    return "placed";
                } catch (PlacementConflictException e) {
                    return "conflict: " + e.getMessage();
                }
            };
            outcomes.add(pool.submit(attempt));
        }
        start.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get());
        }
        pool.shutdown();

        assertThat(results).filteredOn("placed"::equals).hasSize(1);
        assertThat(results)
                .filteredOn(r -> r.startsWith("conflict: That home has just been filled"))
                .hasSize(1);
        assertThat(vacancies(contested.get(0).home())).isZero();
    }

    @Test
    void theSecondAcceptanceOfAFullHomeGetsAConflictMessage() throws Exception {
        List<Pair> contested = twoChildrenForOneLastPlace();
        decisions.accept(
                COMMISSIONER,
                contested.get(0).child().childId(),
                contested.get(0).home().homeId(),
                null,
                null);

        mvc.perform(post("/api/children/" + contested.get(1).child().childId() + "/placement")
                        .with(Users.commissioner())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"homeId\":\"" + contested.get(1).home().homeId() + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail")
                        .value("That home has just been filled by another placement. Choose another home."));
    }

    @Test
    void rejectingAHomeNeedsAReasonAndRecordsIt() throws Exception {
        ChildRow child = awaiting().get(0);
        String url = "/api/children/" + child.childId() + "/decisions";

        mvc.perform(post(url)
                        .with(Users.commissioner())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"REJECT\",\"homeId\":\"H00001\",\"reason\":\" \"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(url)
                        .with(Users.commissioner())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"REJECT\",\"homeId\":\"H00001\",\"reason\":\"too far from school\"}"))
                .andExpect(status().isNoContent());

        assertThat(registry.jdbc()
                        .queryForList("SELECT reason FROM decision WHERE child_id = ?", String.class, child.childId()))
                .containsExactly("too far from school");
    }

    @Test
    void anOfficerCannotDecideForAnotherCouncilsChild() throws Exception {
        ChildRow child = awaiting().stream()
                .filter(c -> !c.authorityCode().equals(TestRegistry.CUMBERLAND))
                .findFirst()
                .orElseThrow();
        mvc.perform(post("/api/children/" + child.childId() + "/placement")
                        .with(Users.officerOf(TestRegistry.CUMBERLAND))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"homeId\":\"H00001\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void aBoardMemberCannotDecide() throws Exception {
        mvc.perform(post("/api/children/" + awaiting().get(0).childId() + "/placement")
                        .with(Users.board())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"homeId\":\"H00001\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aStateChangeWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/api/children/" + awaiting().get(0).childId() + "/placement")
                        .with(Users.commissioner())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"homeId\":\"H00001\"}"))
                .andExpect(status().isForbidden());
    }

    record Pair(ChildRow child, HomeRow home) {}

    private List<Pair> validPairs(int vacancies) {
        List<Pair> pairs = new ArrayList<>();
        for (ChildRow child : awaiting()) {
            for (HomeRow home : sample.homes()) {
                if (vacancies(home) == vacancies && valid(child, home)) {
                    pairs.add(new Pair(child, home));
                }
            }
        }
        assertThat(pairs)
                .as("the sample should have awaiting children with a valid home")
                .isNotEmpty();
        return pairs;
    }

    private List<Pair> twoChildrenForOneLastPlace() {
        List<Pair> pairs = validPairs(1);
        for (Pair first : pairs) {
            for (Pair second : pairs) {
                if (first.home().equals(second.home()) && !first.child().equals(second.child())) {
                    return List.of(first, second);
                }
            }
        }
        throw new AssertionError("the sample has no home with one place that two awaiting children could take");
    }

    private boolean valid(ChildRow child, HomeRow home) {
        List<ChildRow> residents = sample.children().stream()
                .filter(c -> home.homeId().equals(c.currentHomeId()))
                .toList();
        List<ExchangeDataset.AvoidZoneRow> zones = sample.avoidZones().stream()
                .filter(z -> z.childId().equals(child.childId()))
                .toList();
        return PlacementRules.brokenRules(child, home, residents, zones, sample.asOf())
                .isEmpty();
    }

    private List<ChildRow> awaiting() {
        return sample.children().stream().filter(ChildRow::awaiting).toList();
    }

    private int age(ChildRow child) {
        return java.time.Period.between(child.dateOfBirth(), sample.asOf()).getYears();
    }

    private int vacancies(HomeRow home) {
        return registry.jdbc()
                .queryForObject(
                        "SELECT h.places - (SELECT count(*) FROM child c "
                                + "WHERE c.current_home_id = h.home_id) FROM home h WHERE h.home_id = ?",
                        Integer.class,
                        home.homeId());
    }
}
