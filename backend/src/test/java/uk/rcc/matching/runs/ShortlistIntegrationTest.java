package uk.rcc.matching.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeReader;
import uk.rcc.imports.DatasetImporter;
import uk.rcc.support.IntegrationTest;
import uk.rcc.support.SharedData;
import uk.rcc.support.TestRegistry;
import uk.rcc.support.Users;

@IntegrationTest
class ShortlistIntegrationTest {
    @Autowired
    MockMvc mvc;

    @Autowired
    TestRegistry registry;

    @Autowired
    DatasetImporter importer;

    ExchangeDataset sample;

    @BeforeEach
    void sampleRegistry() {
        registry.reset();
        importer.importDirectory(SharedData.sample());
        registry.createAccounts();
        sample = ExchangeReader.readDirectory(SharedData.sample());
    }

    @Test
    void theShortlistRanksValidHomesWithVacanciesByCostAndCountsTheRestByReason() throws Exception {
        ChildRow child = awaitingIn(TestRegistry.CUMBERLAND);

        String body = mvc.perform(get("/api/children/" + child.childId() + "/shortlist?limit=100")
                        .with(Users.officerOf(TestRegistry.CUMBERLAND)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        List<Map<String, Object>> candidates = JsonPath.read(body, "$.candidates");
        int excluded = JsonPath.read(body, "$.excluded.total");
        assertThat(candidates.size() + excluded).isEqualTo(150);
        List<Double> costs = candidates.stream()
                .map(c -> ((Number) c.get("cost")).doubleValue())
                .toList();
        assertThat(costs).isSorted();
        for (Map<String, Object> candidate : candidates) {
            assertThat((Integer) candidate.get("vacancies")).isPositive();
            List<Map<String, Object>> terms = (List<Map<String, Object>>) candidate.get("terms");
            double sum = terms.stream()
                    .mapToDouble(t -> ((Number) t.get("points")).doubleValue())
                    .sum();
            assertThat(sum)
                    .isCloseTo(
                            ((Number) candidate.get("cost")).doubleValue(), org.assertj.core.data.Offset.offset(0.05));
        }
    }

    @Test
    void anOfficerAcceptsTheTopShortlistedHomeAndItsVacancyDrops() throws Exception {
        ChildRow child = awaitingIn(TestRegistry.CUMBERLAND);
        String body = mvc.perform(get("/api/children/" + child.childId() + "/shortlist?limit=1")
                        .with(Users.officerOf(TestRegistry.CUMBERLAND)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> top = JsonPath.read(body, "$.candidates[*].homeId");
        assertThat(top)
                .as("the sample's first Cumberland referral should have a valid home")
                .hasSize(1);
        int vacancies = JsonPath.read(body, "$.candidates[0].vacancies");

        String accepted = mvc.perform(post("/api/children/" + child.childId() + "/placement")
                        .with(Users.officerOf(TestRegistry.CUMBERLAND))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"homeId\":\"" + top.get(0) + "\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat((Integer) JsonPath.read(accepted, "$.vacanciesLeft")).isEqualTo(vacancies - 1);
    }

    @Test
    void anOfficerGetsNoShortlistForAnotherCouncilsChild() throws Exception {
        ChildRow child = awaitingIn(TestRegistry.NORTHUMBERLAND);
        mvc.perform(get("/api/children/" + child.childId() + "/shortlist")
                        .with(Users.officerOf(TestRegistry.CUMBERLAND)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/children/" + child.childId() + "/shortlist").with(Users.board()))
                .andExpect(status().isForbidden());
    }

    private ChildRow awaitingIn(String council) throws Exception {
        for (ChildRow child : sample.children()) {
            if (child.awaiting() && child.authorityCode().equals(council)) {
                String body = mvc.perform(get("/api/children/" + child.childId() + "/shortlist?limit=1")
                                .with(Users.commissioner()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
                if (!((List<?>) JsonPath.read(body, "$.candidates")).isEmpty()) {
                    return child;
                }
            }
        }
        throw new AssertionError("no awaiting child of " + council + " with a valid home in the sample");
    }
}
