package uk.rcc.sufficiency.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import uk.rcc.imports.DatasetImporter;
import uk.rcc.sufficiency.Ssda903Generator;
import uk.rcc.support.IntegrationTest;
import uk.rcc.support.SharedData;
import uk.rcc.support.TestRegistry;
import uk.rcc.support.Users;

/**
 * Scenarios, supply and unmet demand over HTTP, on the sample registry with generated SSDA903 returns for its four
 * councils and a finished matching run. One forecast run with two scenarios serves the read-only tests.
 */
@IntegrationTest
class ScenarioAndSupplyIntegrationTest {
    private static final List<String> COUNCILS = List.of("E06000047", "E06000057", "E06000063", "E06000064");
    private static long runId;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestRegistry registry;

    @Autowired
    DatasetImporter importer;

    @BeforeEach
    void sampleRegistryReturnsAndARunWithScenarios() throws Exception {
        if (runId != 0
                && registry.jdbc()
                                .queryForObject("SELECT count(*) FROM forecast_run WHERE id = ?", Integer.class, runId)
                        == 1
                && registry.count("home") > 0) {
            return;
        }
        registry.reset();
        importer.importDirectory(SharedData.sample());
        storeReturns();
        aMatchingRunLeavingTheWaitingChildrenUnplaced();
        runId = startRun("""
                {"name":"With scenarios","horizonMonths":24,"runs":200,"seed":5,"asOf":"2024-04-01",
                 "fosterApprovalsPerYear":12,"fosterResignationsPerYear":12,
                 "scenarios":[{"name":"Step down 30%","stepDownShare":0.3},
                              {"name":"Recruit 25","fosterRecruitment":25}]}""");
    }

    @Test
    void namedScenariosAreSavedWithTheRunAndFinish() throws Exception {
        mvc.perform(get(url(runId, "/scenarios")).with(Users.board()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].scenario.name").value("Step down 30%"))
                .andExpect(jsonPath("$[0].scenario.stepDownShare").value(0.3))
                .andExpect(jsonPath("$[0].status").value("FINISHED"))
                .andExpect(jsonPath("$[1].scenario.fosterRecruitment").value(25.0))
                .andExpect(jsonPath("$[0].result").doesNotExist());
        assertThat(registry.jdbc()
                        .queryForList(
                                "SELECT name FROM forecast_scenario WHERE run_id = ? ORDER BY id", String.class, runId))
                .containsExactly("Step down 30%", "Recruit 25");
    }

    @Test
    void aStepDownLowersResidentialPlacesNeededAndRaisesFoster() throws Exception {
        String body = comparison(runId);
        String last = "2026-03";

        assertThat(figure(body, last, "RESIDENTIAL", "Step down 30%", "median"))
                .isLessThan(figure(body, last, "RESIDENTIAL", "baseline", "median"));
        assertThat(figure(body, last, "RESIDENTIAL", "Step down 30%", "placesNeeded"))
                .isLessThan(figure(body, last, "RESIDENTIAL", "baseline", "placesNeeded"));
        assertThat(figure(body, last, "FOSTER", "Step down 30%", "median"))
                .isGreaterThan(figure(body, last, "FOSTER", "baseline", "median"));
        assertThat(figure(body, last, "ALL", "Step down 30%", "spendP50"))
                .isLessThan(figure(body, last, "ALL", "baseline", "spendP50"));
    }

    @Test
    void fosterRecruitmentReducesTheFosterGapByThePlacesRecruitedSoFar() throws Exception {
        String body = comparison(runId);

        for (String[] yearEnd : new String[][] {{"2025-03", "12"}, {"2026-03", "24"}}) {
            double months = Double.parseDouble(yearEnd[1]);
            assertThat(figure(body, yearEnd[0], "FOSTER", "Recruit 25", "placesNeeded"))
                    .isEqualTo(figure(body, yearEnd[0], "FOSTER", "baseline", "placesNeeded"));
            assertThat(figure(body, yearEnd[0], "FOSTER", "baseline", "gap")
                            - figure(body, yearEnd[0], "FOSTER", "Recruit 25", "gap"))
                    .isCloseTo(25 * months / 12, within(0.11));
            assertThat(figure(body, yearEnd[0], "RESIDENTIAL", "Recruit 25", "gap"))
                    .isEqualTo(figure(body, yearEnd[0], "RESIDENTIAL", "baseline", "gap"));
        }
        String csv = mvc.perform(get(url(runId, "/comparison.csv")).with(Users.board()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(records(csv).stream().map(r -> r.get("scenario")).distinct())
                .containsExactly("baseline", "Step down 30%", "Recruit 25");
    }

    @Test
    void supplyIsTheRegistrysPlacesByCouncilAndCategoryAndTheGapIsPlacesNeededLessSupply() throws Exception {
        List<CSVRecord> supply = records(output(runId, "supply.csv"));
        List<CSVRecord> needed = records(output(runId, "places_needed.csv"));
        Map<String, String> kinds =
                Map.of("FOSTER", "FOSTER", "RESIDENTIAL", "CHILDRENS_HOME", "SUPPORTED", "SUPPORTED");

        for (String council : COUNCILS) {
            for (var kind : kinds.entrySet()) {
                Map<String, Object> expected = registry.jdbc().queryForMap("""
                        SELECT coalesce(sum(places), 0) AS places,
                               coalesce(sum(CASE WHEN available THEN greatest(0, places - (SELECT count(*) FROM child
                                   WHERE current_home_id = h.home_id)) ELSE 0 END), 0) AS vacancies
                        FROM home h WHERE authority_code = ? AND kind = ?""", council, kind.getValue());
                CSVRecord line = supply.stream()
                        .filter(r -> r.get("authority").equals(council)
                                && r.get("category").equals(kind.getKey()))
                        .findFirst()
                        .orElseThrow();
                assertThat(Long.parseLong(line.get("places")))
                        .as(council + " " + kind.getKey())
                        .isEqualTo(((Number) expected.get("places")).longValue());
                assertThat(Long.parseLong(line.get("vacancies")))
                        .isEqualTo(((Number) expected.get("vacancies")).longValue());
                CSVRecord need = needed.stream()
                        .filter(r -> r.get("authority").equals(council)
                                && r.get("category").equals(kind.getKey())
                                && r.get("month").equals("2025-03"))
                        .findFirst()
                        .orElseThrow();
                double places = Double.parseDouble(need.get("places_now"));
                assertThat(places).isEqualTo(((Number) expected.get("places")).doubleValue());
                if (!kind.getKey().equals("FOSTER")) {
                    assertThat(Double.parseDouble(need.get("gap")))
                            .isEqualTo(Double.parseDouble(need.get("places_needed")) - places);
                }
            }
        }
    }

    @Test
    void unmetDemandFromTheLatestMatchingRunIsCountedByCouncilAndCategory() throws Exception {
        List<CSVRecord> unmet = records(output(runId, "unmet_demand.csv"));
        List<Map<String, Object>> expected = registry.jdbc().queryForList("""
                SELECT c.authority_code, coalesce(c.preferred_kinds[1], c.placement_kinds[1]) AS kind, count(*) AS n
                FROM child c WHERE c.current_home_id IS NULL GROUP BY 1, 2""");

        assertThat(expected).isNotEmpty();
        for (Map<String, Object> row : expected) {
            String category = switch ((String) row.get("kind")) {
                case "CHILDRENS_HOME" -> "RESIDENTIAL";
                default -> (String) row.get("kind");
            };
            CSVRecord line = unmet.stream()
                    .filter(r -> r.get("authority").equals(row.get("authority_code"))
                            && r.get("category").equals(category))
                    .findFirst()
                    .orElseThrow();
            assertThat(Long.parseLong(line.get("unplaced"))).isEqualTo(((Number) row.get("n")).longValue());
        }
        long waiting =
                registry.jdbc().queryForObject("SELECT count(*) FROM child WHERE current_home_id IS NULL", Long.class);
        assertThat(unmet.stream()
                        .filter(r -> r.get("authority").equals("ALL"))
                        .mapToLong(r -> Long.parseLong(r.get("unplaced")))
                        .sum())
                .isEqualTo(waiting);
    }

    @Test
    void theReportHasASectionPerCouncilWithSupplyGapScenariosAndAccuracy() throws Exception {
        String html = mvc.perform(get("/sufficiency/runs/" + runId + "/report").with(Users.board()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        byte[] pdf = mvc.perform(get(url(runId, "/report.pdf")).with(Users.board()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        assertThat(html)
                .contains("id=\"council-E06000063\"")
                .contains("Cumberland")
                .contains("Places needed against supply")
                .contains("Step down 30%")
                .contains("Unmet demand")
                .contains("Backtest")
                .contains("Data from")
                .doesNotContain("C000001");
        for (String council : COUNCILS) {
            assertThat(html).contains("id=\"council-" + council + "\"");
        }
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("Cumberland (E06000063)")
                    .contains("Scenarios side by side")
                    .contains("Recruit 25")
                    .contains("Unmet demand");
        }
    }

    @Test
    void aBoardMemberAddsAScenarioToADraftRunButNotToAPublishedOne() throws Exception {
        long draft = startRun("""
                {"name":"Draft","horizonMonths":12,"runs":100,"seed":7,"asOf":"2024-04-01"}""");

        mvc.perform(post(url(draft, "/scenarios"))
                        .with(Users.board())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Family help\",\"entryRateChange\":-0.3}"))
                .andExpect(status().isAccepted());
        waitForScenario(draft, "Family help");
        String body = comparison(draft);
        assertThat(figure(body, "2025-03", "ALL", "Family help", "median"))
                .isLessThan(figure(body, "2025-03", "ALL", "baseline", "median"));
        mvc.perform(post(url(draft, "/scenarios"))
                        .with(Users.board())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Family help\"}"))
                .andExpect(status().isConflict());

        for (String step : List.of("/review", "/approve", "/publish")) {
            mvc.perform(post(url(draft, step)).with(Users.commissioner()).with(csrf()))
                    .andExpect(status().isOk());
        }
        mvc.perform(post(url(draft, "/scenarios"))
                        .with(Users.board())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Too late\",\"stepDownShare\":0.1}"))
                .andExpect(status().isConflict());
    }

    @Test
    void aScenarioCannotBeAddedOnceTheReturnsHaveChanged() throws Exception {
        long draft = startRun("""
                {"name":"Before new returns","horizonMonths":12,"runs":100,"seed":8,"asOf":"2024-04-01"}""");
        registry.jdbc()
                .update(
                        "UPDATE ssda903_file SET content = content || E'\\n' WHERE file_name = 'header.csv' "
                                + "AND authority = ?",
                        COUNCILS.get(0));

        mvc.perform(post(url(draft, "/scenarios"))
                        .with(Users.commissioner())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Late\",\"entryRateChange\":0.1}"))
                .andExpect(status().isAccepted());
        String status = waitForScenario(draft, "Late");

        assertThat(status).isEqualTo("FAILED");
        mvc.perform(get(url(draft, "/scenarios")).with(Users.board()))
                .andExpect(jsonPath("$[0].error").value(org.hamcrest.Matchers.containsString("returns have changed")));
    }

    private void storeReturns() throws Exception {
        Path folder = Files.createTempDirectory("scenario-returns");
        Ssda903Generator.write(new Ssda903Generator.Spec(COUNCILS, 4, 0.02, LocalDate.of(2016, 4, 1), 8, 3), folder);
        for (String council : COUNCILS) {
            for (String file : List.of("header.csv", "episodes.csv")) {
                registry.jdbc()
                        .update(
                                "INSERT INTO ssda903_file (authority, file_name, content, uploaded_by) "
                                        + "VALUES (?, ?, ?, 'test')",
                                council,
                                file,
                                Files.readString(folder.resolve(council).resolve(file)));
            }
        }
    }

    private void aMatchingRunLeavingTheWaitingChildrenUnplaced() {
        long matching = registry.jdbc()
                .queryForObject(
                        "INSERT INTO matching_run (status, trigger, started_by, "
                                + "ended_at, solver_config, seconds_limit, weights) VALUES ('FINISHED', 'USER', 'test', now(), "
                                + "'interactive', 1, '{}') RETURNING id",
                        Long.class);
        registry.jdbc()
                .update(
                        "INSERT INTO proposal (run_id, child_id, authority_code) SELECT ?, child_id, "
                                + "authority_code FROM child WHERE current_home_id IS NULL",
                        matching);
    }

    private long startRun(String json) throws Exception {
        String started = mvc.perform(post("/api/sufficiency/runs")
                        .with(Users.commissioner())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(started, "$.runId")).longValue();
        waitUntil(id, "/api/sufficiency/runs/" + id, "$.status");
        for (Object name : JsonPath.<List<Object>>read(
                mvc.perform(get(url(id, "/scenarios")).with(Users.board()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$[*].scenario.name")) {
            waitForScenario(id, (String) name);
        }
        return id;
    }

    private String waitForScenario(long run, String name) throws Exception {
        return waitUntil(run, url(run, "/scenarios"), "$[?(@.scenario.name == '" + name + "')].status");
    }

    /** Polls until the status at the path is no longer RUNNING; returns it. */
    private String waitUntil(long run, String path, String statusPath) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            String body = mvc.perform(get(path).with(Users.board()))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            Object found = JsonPath.read(body, statusPath);
            String status = found instanceof List<?> list ? (String) list.get(0) : (String) found;
            if (!status.equals("RUNNING")) {
                return status;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("forecast run " + run + " did not finish " + statusPath);
    }

    private String comparison(long run) throws Exception {
        return mvc.perform(
                        get(url(run, "/comparison")).param("authority", "ALL").with(Users.board()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static double figure(String body, String month, String category, String scenario, String figure) {
        List<Number> values = JsonPath.read(
                body,
                "$.rows[?(@.month == '" + month + "' && @.category == '" + category + "')].scenarios['" + scenario
                        + "']." + figure);
        assertThat(values)
                .as(month + " " + category + " " + scenario + " " + figure)
                .hasSize(1);
        return values.get(0).doubleValue();
    }

    private String output(long run, String name) throws Exception {
        return mvc.perform(get(url(run, "/outputs/" + name)).with(Users.board()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static List<CSVRecord> records(String csv) throws Exception {
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))
                .getRecords();
    }

    private static String url(long run, String suffix) {
        return "/api/sufficiency/runs/" + run + suffix;
    }
}
