package uk.rcc.placementsreturn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.rcc.demo.DemoCooperativeGenerator;
import uk.rcc.demo.DemoPlacementDetails;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;
import uk.rcc.exchange.ExchangeDataset.PlacementDetails;
import uk.rcc.exchange.ExchangeWriter;
import uk.rcc.placementsreturn.StandardValidator.Finding;
import uk.rcc.placementsreturn.StandardValidator.Validation;

class PlacementsReturnTest {
    static final LocalDate AS_OF = LocalDate.parse("2026-06-30");
    static final LocalDate FROM = LocalDate.parse("2026-04-01");

    /** The standard's Data Collection columns (its CSV of 2026-06-24) less the one its spreadsheet lacks. */
    static final List<String> SPREADSHEET_HEADERS = List.of(
            "child_ID",
            "when_placement_is_needed_by",
            "number_of_siblings_to_place_with",
            "is_preferred_location_local",
            "out_of_LA_reason",
            "communication_language_learning_needs",
            "specific_communication_and_language_requirements",
            "adaptation_to_the_home",
            "cultural_needs",
            "who_can_the_child_be_cared_for_alongside",
            "can_child_live_with_pets",
            "additional_support",
            "additional_support_other",
            "dol",
            "foster_care_suitability",
            "residential_care_suitability",
            "supported_accommodation",
            "risk_to_child_self_harm",
            "risk_to_child_criminal_exploitation",
            "risk_to_child_drug_and_alcohol_use",
            "risk_to_child_eating_disorder",
            "risk_to_child_going_missing",
            "risk_to_others_physical_harm",
            "risk_to_others_sexual_harm",
            "risk_to_others_fire_setting",
            "risk_to_others_harm_to_animals",
            "risk_to_others_criminal_exploitation",
            "cost_core_weekly",
            "cost_additional_support_weekly",
            "cost_education_weekly",
            "cost_other_weekly",
            "cost_total_weekly",
            "placement_location",
            "preferrability_of_placement_location",
            "education_continuity",
            "provider_URN",
            "how_many_siblings_were_placed_together",
            "placement_type",
            "name_of_officer_referral",
            "Date_entry_referral",
            "name_of_officer_placement",
            "date_entry_placement",
            "name_of_officer_placement_cost",
            "date_entry_placement_cost");

    @TempDir
    Path temp;

    @Test
    void theStandardsTwoValidExamplesConform() throws IOException {
        for (String name : List.of("valid-placement", "valid-other-options")) {
            Validation validation = StandardValidator.validateDocument(example(name));

            assertThat(validation.conforms()).as(name).isTrue();
            assertThat(validation.warnings()).as(name).isEmpty();
            assertThat(validation.triples()).as(name).isEqualTo(55);
        }
    }

    @Test
    void theStandardsInvalidExampleGivesItsThreeViolationsByChildAndField() throws IOException {
        Validation validation = StandardValidator.validateDocument(example("invalid-other-missing-text"));

        assertThat(validation.conforms()).isFalse();
        assertThat(validation.violations()).extracting(Finding::childId).containsOnly("INVALID006");
        assertThat(validation.violations())
                .extracting(Finding::field)
                .containsExactlyInAnyOrder(
                        "culturalNeedsOther", "specificCommunicationRequirementOther", "additionalSupportOther");
    }

    @Test
    void aReturnOfTheDemoCooperativesPlacementsOfAQuarterConforms() {
        ExchangeDataset demo = demo();

        WrittenReturn written = quarter(demo, null, false);

        assertThat(written.placementsReturn().placements()).hasSizeGreaterThan(10);
        assertThat(written.validation().violations()).isEmpty();
        assertThat(written.validation().conforms()).isTrue();
        assertThat(written.placementsReturn().missing()).isEmpty();
        assertThat(written.validation().withheld())
                .hasSameSizeAs(written.placementsReturn().placements());
        assertThat(written.jsonLd())
                .containsPattern("\"outOfLAReason\" : \"olr:[A-Za-z]+\"")
                .containsPattern("\"totalWeeklyCost\" : \"\\d+\\.\\d\\d\"")
                .doesNotContain("E3\"");
        assertThat(written.placementsReturn().placements())
                .allMatch(p -> !p.startedOn().isBefore(FROM) && !p.startedOn().isAfter(AS_OF));
    }

    @Test
    void aBrokenRecordIsReportedByItsChildAndField() {
        ExchangeDataset demo = demo();
        FoundPlacement victim =
                quarter(demo, null, false).placementsReturn().placements().get(0);
        ExchangeDataset broken = withHome(
                demo,
                victim.home().homeId(),
                h -> new HomeRow(
                        h.homeId(),
                        h.name(),
                        h.kind(),
                        h.provider(),
                        h.authorityCode(),
                        h.lat(),
                        h.lon(),
                        h.places(),
                        h.minAge(),
                        h.maxAge(),
                        h.sexes(),
                        h.needsMet(),
                        h.pets(),
                        h.weeklyCost(),
                        h.available(),
                        null,
                        h.postcodeDistrict()));

        WrittenReturn written = quarter(broken, null, false);

        assertThat(written.validation().conforms()).isFalse();
        assertThat(written.validation().violations()).anySatisfy(v -> {
            assertThat(v.childId()).isEqualTo(victim.child().childId());
            assertThat(v.field()).isEqualTo("providerURN");
        });
        assertThat(written.placementsReturn().missing()).anySatisfy(m -> {
            assertThat(m.childId()).isEqualTo(victim.child().childId());
            assertThat(m.field()).isEqualTo("providerURN");
            assertThat(m.column()).isEqualTo("provider_URN");
        });
    }

    @Test
    void aCostOutsideTheSenseCheckRangeIsAWarningListedApartFromViolations() {
        ExchangeDataset demo = demo();
        FoundPlacement victim =
                quarter(demo, null, false).placementsReturn().placements().get(0);
        ExchangeDataset cheap = withChild(
                demo,
                victim.child().childId(),
                c -> c.withDetails(new PlacementDetails(
                        c.details().referralDate(),
                        c.details().placedOn(),
                        55.5,
                        c.details().culturalNeeds(),
                        c.details().outOfAreaReason())));

        WrittenReturn written = quarter(cheap, null, false);

        assertThat(written.validation().conforms()).isTrue();
        assertThat(written.validation().warnings()).singleElement().satisfies(w -> {
            assertThat(w.childId()).isEqualTo(victim.child().childId());
            assertThat(w.field()).isEqualTo("totalWeeklyCost");
            assertThat(w.value()).isEqualTo("55.50");
        });
    }

    @Test
    void everyCodeValueTheReturnCanWriteIsOneTheShapeAccepts() {
        Set<String> accepted = new HashSet<>();
        Node in = NodeFactory.createURI("http://www.w3.org/ns/shacl#in");
        for (Triple list :
                StandardFiles.SHAPE_GRAPH.find(Node.ANY, in, Node.ANY).toList()) {
            collectList(list.getObject(), accepted);
        }
        List<String> written = new ArrayList<>();
        for (Class<? extends Vocabulary.Concept> codeList : Vocabulary.ALL) {
            for (Vocabulary.Concept concept : codeList.getEnumConstants()) {
                written.add(concept.iri());
            }
        }

        assertThat(written).hasSize(43).allSatisfy(iri -> assertThat(accepted).contains(iri));
    }

    @Test
    void theSpreadsheetHasTheLayoutsFortyFourHeadersInOrderAndOneTypedRowPerPlacement() throws IOException {
        WrittenReturn written = quarter(demo(), null, true);
        List<FoundPlacement> placements = written.placementsReturn().placements();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(written.spreadsheet()))) {
            Sheet sheet = workbook.getSheet("Data Collection");
            Row header = sheet.getRow(1);
            List<String> headers = new ArrayList<>();
            header.forEach(cell -> headers.add(cell.getStringCellValue()));

            assertThat(headers).containsExactlyElementsOf(SPREADSHEET_HEADERS);
            assertThat(sheet.getLastRowNum() - 1).isEqualTo(placements.size());
            Row first = sheet.getRow(2);
            assertThat(first.getCell(0).getStringCellValue())
                    .isEqualTo(placements.get(0).child().childId());
            Cell cost = first.getCell(SPREADSHEET_HEADERS.indexOf("cost_total_weekly"));
            assertThat(cost.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(cost.getNumericCellValue()).isEqualTo(placements.get(0).weeklyCost());
            Cell placed = first.getCell(SPREADSHEET_HEADERS.indexOf("date_entry_placement"));
            assertThat(DateUtil.isCellDateFormatted(placed)).isTrue();
            assertThat(placed.getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(placements.get(0).startedOn());
            assertThat(first.getCell(SPREADSHEET_HEADERS.indexOf("number_of_siblings_to_place_with"))
                            .getCellType())
                    .isEqualTo(CellType.NUMERIC);
            assertThat(workbook.getSheet("Sexual exploitation risk").getLastRowNum())
                    .isEqualTo(placements.size());
        }
    }

    @Test
    void theSpreadsheetAsksWhetherEducationWasDisruptedTheOppositeOfTheShape() throws IOException {
        WrittenReturn written = quarter(demo(), null, false);
        List<FoundPlacement> placements = written.placementsReturn().placements();
        int column = SPREADSHEET_HEADERS.indexOf("education_continuity");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(written.spreadsheet()))) {
            Sheet sheet = workbook.getSheet("Data Collection");
            for (int i = 0; i < placements.size(); i++) {
                boolean continuous = (Boolean) ReturnFields.ALL.stream()
                        .filter(f -> f.property().equals("isEducationContinuous"))
                        .findFirst()
                        .orElseThrow()
                        .value()
                        .apply(placements.get(i));
                assertThat(sheet.getRow(i + 2).getCell(column).getStringCellValue())
                        .isEqualTo(continuous ? "No" : "Yes");
            }
        }
    }

    @Test
    void theCsvHasTheStandardsFortyFiveColumnsWithTheSexualExploitationRisk() throws IOException {
        WrittenReturn written = quarter(demo(), null, false);

        List<CSVRecord> rows = CSVFormat.RFC4180
                .parse(new java.io.StringReader(new String(written.csv(), StandardCharsets.UTF_8)))
                .getRecords();

        assertThat(rows.get(1).size()).isEqualTo(45);
        assertThat(rows.get(1).get(22)).isEqualTo("risk_to_child_sexual_exploitation");
        assertThat(rows).hasSize(written.placementsReturn().placements().size() + 2);
        assertThat(rows.get(2).get(1)).isIn("Today", "< 5 days", "> 5 days");
    }

    @Test
    void anOfficersReturnHasOnlyTheirCouncilsChildren() {
        WrittenReturn written = quarter(demo(), "E06000063", false);

        assertThat(written.placementsReturn().placements())
                .isNotEmpty()
                .allMatch(p -> p.child().authorityCode().equals("E06000063"));
    }

    @Test
    void theCommandWritesTheThreeFormsAndExitsTwoWithTheViolationsWhenTheReturnWouldNotConform() throws IOException {
        ExchangeDataset demo = demo();
        ExchangeWriter.writeDirectory(demo, temp.resolve("good"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int ok = PlacementsReturnCommand.run(
                List.of(
                        "--data",
                        temp.resolve("good").toString(),
                        "--from",
                        FROM.toString(),
                        "--to",
                        AS_OF.toString(),
                        "--out",
                        temp.resolve("out").toString()),
                new PrintStream(out),
                new PrintStream(err));

        assertThat(ok).as(err.toString()).isZero();
        String base = "placements-return-" + FROM + "-" + AS_OF;
        assertThat(temp.resolve("out"))
                .isDirectoryContaining(p -> p.getFileName().toString().equals(base + ".xlsx"))
                .isDirectoryContaining(p -> p.getFileName().toString().equals(base + ".jsonld"))
                .isDirectoryContaining(p -> p.getFileName().toString().equals(base + ".csv"));

        // the same data set without the homes' Ofsted URNs: every record lacks providerURN
        Path bad = temp.resolve("bad");
        ExchangeWriter.writeDirectory(demo, bad);
        List<String> homes = new ArrayList<>(Files.readAllLines(bad.resolve("homes.csv")));
        homes.replaceAll(line -> line.replace("ofsted_urn", "old_urn"));
        Files.write(bad.resolve("homes.csv"), homes);
        err.reset();

        int failed = PlacementsReturnCommand.run(
                List.of(
                        "--data",
                        bad.toString(),
                        "--from",
                        FROM.toString(),
                        "--to",
                        AS_OF.toString(),
                        "--out",
                        temp.resolve("out2").toString()),
                new PrintStream(out),
                new PrintStream(err));

        assertThat(failed).isEqualTo(2);
        assertThat(err.toString()).contains("does NOT conform").containsPattern("child C\\d+: providerURN: ");
    }

    static ExchangeDataset demo() {
        var spec = DemoCooperativeGenerator.Spec.demo(400, 300, 42, AS_OF);
        return DemoPlacementDetails.fill(DemoCooperativeGenerator.generate(spec), spec.seed());
    }

    static WrittenReturn quarter(ExchangeDataset dataset, String authority, boolean qualityAssurance) {
        return WrittenReturn.of(PlacementsReturn.of(
                FROM,
                AS_OF,
                authority,
                qualityAssurance,
                DatasetPlacements.startedBetween(dataset, FROM, AS_OF, authority)));
    }

    private static ExchangeDataset withHome(
            ExchangeDataset d, String homeId, java.util.function.UnaryOperator<HomeRow> change) {
        return new ExchangeDataset(
                d.asOf(),
                d.name(),
                d.authorities(),
                d.homes().stream()
                        .map(h -> h.homeId().equals(homeId) ? change.apply(h) : h)
                        .toList(),
                d.children(),
                d.avoidZones(),
                d.keyPlaces());
    }

    private static ExchangeDataset withChild(
            ExchangeDataset d, String childId, java.util.function.UnaryOperator<ChildRow> change) {
        return new ExchangeDataset(
                d.asOf(),
                d.name(),
                d.authorities(),
                d.homes(),
                d.children().stream()
                        .map(c -> c.childId().equals(childId) ? change.apply(c) : c)
                        .toList(),
                d.avoidZones(),
                d.keyPlaces());
    }

    private static void collectList(Node list, Set<String> into) {
        Node first = NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#first");
        Node rest = NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#rest");
        Node node = list;
        while (node != null && !node.isURI()) {
            Node current = node;
            StandardFiles.SHAPE_GRAPH
                    .find(current, first, Node.ANY)
                    .forEach(t -> into.add(t.getObject().getURI()));
            node = StandardFiles.SHAPE_GRAPH.find(current, rest, Node.ANY).toList().stream()
                    .map(Triple::getObject)
                    .findFirst()
                    .orElse(null);
        }
    }

    private static String example(String name) throws IOException {
        try (InputStream in = PlacementsReturnTest.class.getResourceAsStream("examples/" + name + ".jsonld")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
