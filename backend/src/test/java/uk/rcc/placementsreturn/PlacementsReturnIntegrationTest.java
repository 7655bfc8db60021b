package uk.rcc.placementsreturn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import uk.rcc.demo.DemoCooperativeGenerator;
import uk.rcc.demo.DemoPlacementDetails;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;
import uk.rcc.imports.DatasetImporter;
import uk.rcc.placement.PlacementConflictException;
import uk.rcc.placement.PlacementDecisions;
import uk.rcc.security.Role;
import uk.rcc.security.Viewer;
import uk.rcc.support.IntegrationTest;
import uk.rcc.support.TestRegistry;
import uk.rcc.support.Users;

/** The return from the registry's placement history, downloaded over HTTP by a commissioner or an officer. */
@IntegrationTest
class PlacementsReturnIntegrationTest {
    static final String CUMBERLAND = TestRegistry.CUMBERLAND;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestRegistry registry;

    @Autowired
    DatasetImporter importer;

    @Autowired
    PlacementDecisions decisions;

    ExchangeDataset demo;
    /** This quarter, for placements decided today. */
    LocalDate quarter;
    /** The last whole quarter, full of the demo's imported placements whatever day the test runs. */
    LocalDate previousQuarter;

    @BeforeEach
    void demoRegistry() {
        registry.reset();
        LocalDate today = LocalDate.now();
        quarter = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
        previousQuarter = quarter.minusMonths(3);
        var spec = DemoCooperativeGenerator.Spec.demo(400, 300, 42, today);
        demo = DemoPlacementDetails.fill(DemoCooperativeGenerator.generate(spec), spec.seed());
        importer.importDataset(demo);
        registry.createAccounts();
    }

    @Test
    void aCommissionerDownloadsTheQuartersSpreadsheetOfEveryCouncilAndTheDownloadIsAudited() throws Exception {
        long lastAuditRow = registry.jdbc().queryForObject("SELECT coalesce(max(id), 0) FROM audit_event", Long.class);

        mvc.perform(get("/api/placements-return")
                        .param("quarter", previousQuarter.toString())
                        .param("format", "xlsx")
                        .with(Users.commissioner()))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andExpect(header().string("X-Return-Conforms", "true"))
                .andExpect(header().string(
                                "Content-Disposition",
                                "attachment; filename=\"placements-return-" + previousQuarter + "-"
                                        + quarter.minusDays(1) + ".xlsx\""));

        assertThat(registry.jdbc()
                        .queryForObject(
                                "SELECT count(*) FROM audit_event WHERE action = "
                                        + "'PLACEMENTS_RETURN' AND actor = 'commissioner' AND id > ?",
                                Integer.class,
                                lastAuditRow))
                .isEqualTo(1);
    }

    @Test
    void anOfficersReturnHoldsOnlyTheirOwnCouncilsChildren() throws Exception {
        String csv = mvc.perform(get("/api/placements-return")
                        .param("quarter", previousQuarter.toString())
                        .param("format", "csv")
                        .with(Users.officerOf(CUMBERLAND)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
        Set<String> cumberland = demo.children().stream()
                .filter(c -> c.authorityCode().equals(CUMBERLAND))
                .map(ChildRow::childId)
                .collect(Collectors.toSet());

        assertThat(rows.size()).isGreaterThan(2);
        assertThat(rows.subList(2, rows.size())).allMatch(row -> cumberland.contains(row.get(0)));
    }

    @Test
    void anOfficerAskingForAnotherCouncilsReturnIsRefusedAndABoardMemberGetsNone() throws Exception {
        mvc.perform(get("/api/placements-return")
                        .param("quarter", quarter.toString())
                        .param("authority", TestRegistry.NORTHUMBERLAND)
                        .with(Users.officerOf(CUMBERLAND)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/placements-return")
                        .param("quarter", quarter.toString())
                        .with(Users.board()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aDayThatDoesNotStartAQuarterOrAnUnknownFormatIsAProblemDetail() throws Exception {
        mvc.perform(get("/api/placements-return").param("quarter", "2026-05-01").with(Users.commissioner()))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("first day of a quarter")));
        mvc.perform(get("/api/placements-return")
                        .param("quarter", quarter.toString())
                        .param("format", "pdf")
                        .with(Users.commissioner()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("format must be jsonld, xlsx or csv, not 'pdf'"));
    }

    @Test
    void aPlacementAnOfficerDecidedInTheServiceCarriesThatOfficerWhenQualityAssuranceIsAsked() throws Exception {
        Viewer officer = new Viewer("officer.cumberland", Role.OFFICER, CUMBERLAND);
        String placedChild = acceptAnyHomeForAnAwaitingChild(officer);

        mvc.perform(get("/api/placements-return/validation")
                        .param("quarter", quarter.toString())
                        .param("qa", "true")
                        .with(Users.commissioner()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.withheldQualityAssurance").value(0))
                .andExpect(jsonPath("$.violations[?(@.childId == '" + placedChild + "')]")
                        .isEmpty())
                // imported placements name no officer: each is missing exactly that field
                .andExpect(jsonPath("$.missing[?(@.childId == '" + placedChild + "')]")
                        .isEmpty())
                .andExpect(jsonPath("$.missing[*].field")
                        .value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("placementOfficerName"))));
        String json = mvc.perform(get("/api/placements-return")
                        .param("quarter", quarter.toString())
                        .param("qa", "true")
                        .with(Users.commissioner()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"placementOfficerName\" : \"officer.cumberland\"");
    }

    /** Accepts the first home that takes the child, as an officer would from the shortlist. */
    private String acceptAnyHomeForAnAwaitingChild(Viewer officer) {
        for (ChildRow child : demo.children()) {
            if (!child.awaiting() || !child.authorityCode().equals(CUMBERLAND)) {
                continue;
            }
            for (HomeRow home : demo.homes()) {
                try {
                    decisions.accept(officer, child.childId(), home.homeId(), null, null);
                    return child.childId();
                } catch (PlacementConflictException e) {
                    // that home cannot take this child; try the next
                }
            }
        }
        throw new AssertionError("no awaiting Cumberland child could be placed in the demo");
    }
}
