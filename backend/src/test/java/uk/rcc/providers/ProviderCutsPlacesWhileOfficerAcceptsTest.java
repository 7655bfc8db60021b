package uk.rcc.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import uk.rcc.imports.DatasetImporter;
import uk.rcc.support.IntegrationTest;
import uk.rcc.support.SharedData;
import uk.rcc.support.TestRegistry;
import uk.rcc.support.Users;

/**
 * A provider cutting a home's places and an officer taking its last place: one wins, the other gets a 409 problem
 * saying what happened, and the home never holds more children than places — in either order and at once.
 */
@IntegrationTest
class ProviderCutsPlacesWhileOfficerAcceptsTest {
    @Autowired
    MockMvc mvc;

    @Autowired
    TestRegistry registry;

    @Autowired
    DatasetImporter importer;

    String childId;
    String council;
    String homeId;
    int living;

    @BeforeEach
    void aHomeWithOneLastPlaceThatAWaitingChildCanTake() throws Exception {
        registry.reset();
        importer.importDirectory(SharedData.sample());
        registry.createAccounts();
        registry.createProviders();
        for (String child : registry.jdbc()
                .queryForList(
                        "SELECT child_id FROM child WHERE current_home_id IS NULL " + "ORDER BY child_id",
                        String.class)) {
            String body = mvc.perform(get("/api/children/" + child + "/shortlist?limit=100")
                            .with(Users.commissioner()))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            List<String> homes = JsonPath.read(body, "$.candidates[*].homeId");
            // A home someone already lives in, so that cutting its places to the children there is a real cut.
            homes = homes.stream()
                    .filter(home -> registry.jdbc()
                                    .queryForObject(
                                            "SELECT count(*) FROM child WHERE " + "current_home_id = ?",
                                            Integer.class,
                                            home)
                            > 0)
                    .toList();
            if (!homes.isEmpty()) {
                childId = child;
                homeId = homes.get(0);
                break;
            }
        }
        assertThat(homeId)
                .as("the sample has a waiting child with a valid home")
                .isNotNull();
        council = registry.jdbc()
                .queryForObject("SELECT authority_code FROM child WHERE child_id = ?", String.class, childId);
        living = registry.jdbc()
                .queryForObject("SELECT count(*) FROM child WHERE current_home_id = ?", Integer.class, homeId);
        registry.jdbc()
                .update(
                        "UPDATE home SET provider_org_id = ?, places = ? WHERE home_id = ?",
                        TestRegistry.PROVIDER_ORG,
                        living + 1,
                        homeId);
    }

    @Test
    void whenTheOfficerTakesTheLastPlaceFirstTheProvidersCutIsAConflict() throws Exception {
        assertThat(accept().getStatus()).isEqualTo(201);
        MockHttpServletResponse cut = cut();
        assertThat(cut.getStatus()).isEqualTo(409);
        assertThat(cut.getContentAsString()).contains("live in home " + homeId).contains("cannot go below");
        assertNeverOverfull();
    }

    @Test
    void whenTheProviderCutsFirstTheOfficersAcceptanceIsAConflict() throws Exception {
        assertThat(cut().getStatus()).isEqualTo(200);
        MockHttpServletResponse accept = accept();
        assertThat(accept.getStatus()).isEqualTo(409);
        assertThat(accept.getContentAsString()).contains("just been filled");
        assertNeverOverfull();
    }

    @Test
    void atTheSameTimeExactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Integer>> both = List.of(
                    () -> {
                        start.await();
                        return accept().getStatus();
                    },
                    () -> {
                        start.await();
                        return cut().getStatus();
                    });
            List<Future<Integer>> results = new ArrayList<>();
            both.forEach(task -> results.add(pool.submit(task)));
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(409, statuses.contains(201) ? 201 : 200);
        } finally {
            pool.shutdownNow();
        }
        assertNeverOverfull();
    }

    /** The database keeps the rule whatever writes to it: places below the children living there are refused. */
    @Test
    void theDatabaseRefusesPlacesBelowTheChildrenLivingThere() throws Exception {
        assertThat(accept().getStatus()).isEqualTo(201);
        assertThatThrownBy(() -> registry.jdbc().update("UPDATE home SET places = ? WHERE home_id = ?", living, homeId))
                .hasMessageContaining("children would live there");
        assertNeverOverfull();
    }

    private MockHttpServletResponse accept() throws Exception {
        return mvc.perform(post("/api/children/" + childId + "/placement")
                        .with(Users.officerOf(council))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"homeId\":\"" + homeId + "\"}"))
                .andReturn()
                .getResponse();
    }

    private MockHttpServletResponse cut() throws Exception {
        return mvc.perform(patch("/api/provider/homes/" + homeId)
                        .with(Users.provider())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"places\":" + living + "}"))
                .andReturn()
                .getResponse();
    }

    private void assertNeverOverfull() {
        int places = registry.jdbc().queryForObject("SELECT places FROM home WHERE home_id = ?", Integer.class, homeId);
        int now = registry.jdbc()
                .queryForObject("SELECT count(*) FROM child WHERE current_home_id = ?", Integer.class, homeId);
        assertThat(now).isLessThanOrEqualTo(places);
    }
}
