package uk.rcc.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import uk.rcc.imports.DatasetImporter;
import uk.rcc.matching.runs.MatchingRunService;
import uk.rcc.support.IntegrationTest;
import uk.rcc.support.SharedData;
import uk.rcc.support.TestRegistry;
import uk.rcc.support.Users;

@IntegrationTest
class CapacityApiTest {
    @Autowired
    MockMvc mvc;

    @Autowired
    TestRegistry registry;

    @Autowired
    DatasetImporter importer;

    @Autowired
    MatchingRunService runs;

    @Autowired
    CapacityService capacity;

    @BeforeEach
    void sampleRegistry() {
        registry.reset();
        importer.importDirectory(SharedData.sample());
        registry.createAccounts();
    }

    @Test
    void commissionersGetTheLatestRunsOptionsBestFirstAndOthersAreRefused() throws Exception {
        mvc.perform(get("/api/capacity/options").with(Users.commissioner()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/capacity/options").with(Users.officerOf("E06000063")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/capacity/options").with(Users.board())).andExpect(status().isForbidden());

        long runId = runs.start("commissioner", "USER", 2, null).id();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (runs.find(runId).orElseThrow().status() != uk.rcc.jobs.JobStatus.FINISHED
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }

        String body = mvc.perform(get("/api/capacity/options").with(Users.commissioner()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.runId").value(runId))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Map<String, Object>> extra = JsonPath.read(body, "$.options[?(@.option.option == 'EXTRA_PLACE')].option");
        assertThat(extra).isNotEmpty();
        for (int i = 1; i < extra.size(); i++) {
            int placed = ((Number) extra.get(i).get("placedDelta")).intValue();
            int placedBefore = ((Number) extra.get(i - 1).get("placedDelta")).intValue();
            assertThat(placed).isLessThanOrEqualTo(placedBefore);
            if (placed == placedBefore) {
                assertThat(((Number) extra.get(i).get("softCostDelta")).doubleValue())
                        .isGreaterThanOrEqualTo(((Number) extra.get(i - 1).get("softCostDelta")).doubleValue());
            }
        }
        String council = (String) extra.get(0).get("authorityCode");
        String mine = mvc.perform(
                        get("/api/capacity/options").param("authority", council).with(Users.commissioner()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> councils = JsonPath.read(mine, "$.options[*].option.authorityCode");
        assertThat(councils).isNotEmpty().allMatch(council::equals);
        assertThat(capacity.topByCouncil(3).get(council)).hasSizeBetween(1, 3);
    }
}
