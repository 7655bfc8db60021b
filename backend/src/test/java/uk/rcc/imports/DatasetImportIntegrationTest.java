package uk.rcc.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.rcc.support.Datasets.sampleWith;
import static uk.rcc.support.Datasets.setCell;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import uk.rcc.cli.CommandLine;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeFiles;
import uk.rcc.exchange.ExchangeReader;
import uk.rcc.exchange.InvalidDatasetException;
import uk.rcc.registry.RegistryStore;
import uk.rcc.support.IntegrationTest;
import uk.rcc.support.SharedData;
import uk.rcc.support.TestRegistry;
import uk.rcc.support.Users;

@IntegrationTest
class DatasetImportIntegrationTest {
    @Autowired
    MockMvc mvc;

    @Autowired
    TestRegistry registry;

    @Autowired
    RegistryStore store;

    @Autowired
    DatasetImporter importer;

    @Autowired
    ImportCommand importCommand;

    @Autowired
    ExportCommand exportCommand;

    @TempDir
    Path temp;

    @BeforeEach
    void emptyRegistry() {
        registry.reset();
    }

    /** Commands run as the operator the command line signs in (see uk.rcc.Commands), so what they audit names them. */
    @BeforeEach
    void signInTheOperator() {
        uk.rcc.security.CommandActor.signIn("operator@test");
    }

    @org.junit.jupiter.api.AfterEach
    void signOutTheOperator() {
        uk.rcc.security.CommandActor.signOut();
    }

    @Test
    void importingTheSampleFromTheCommandLineStoresEveryRow() {
        int exit = importCommand.run(List.of("--data", SharedData.sample().toString()), quiet(), quiet());

        assertThat(exit).isZero();
        assertThat(registry.count("home")).isEqualTo(150);
        assertThat(registry.count("child")).isEqualTo(120);
        assertThat(registry.count("avoid_zone")).isEqualTo(14);
        assertThat(registry.count("key_place")).isEqualTo(151);
        assertThat(registry.count("placement"))
                .isEqualTo((int) ExchangeReader.readDirectory(SharedData.sample()).children().stream()
                        .filter(c -> c.currentHomeId() != null)
                        .count());
    }

    @Test
    void theCommandLineAndHttpImportsGiveTheSameRegistry() throws Exception {
        importCommand.run(List.of("--data", SharedData.sample().toString()), quiet(), quiet());
        ExchangeDataset viaCommandLine = store.readAll();
        registry.reset();

        mvc.perform(upload(SharedData.sample()).with(Users.commissioner()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.children").value(120));

        assertThat(store.readAll()).isEqualTo(viaCommandLine);
    }

    @Test
    void theSampleExportsToFilesThatReimportToTheSameRegistry() {
        importer.importDirectory(SharedData.sample());
        ExchangeDataset stored = store.readAll();

        int exit = exportCommand.run(List.of("--out", temp.resolve("export").toString()), quiet(), quiet());
        registry.reset();
        importer.importDirectory(temp.resolve("export"));

        assertThat(exit).isZero();
        assertThat(store.readAll()).isEqualTo(stored);
        assertThat(stored).isEqualTo(sortedSample());
    }

    @Test
    void reimportingTheSameDataSetChangesNothing() {
        importer.importDirectory(SharedData.sample());
        int placements = registry.count("placement");

        DatasetImporter.ImportSummary again = importer.importDirectory(SharedData.sample());

        assertThat(again.changed().homes()).isZero();
        assertThat(again.changed().children()).isZero();
        assertThat(again.changed().placementsOpened()).isZero();
        assertThat(registry.count("placement")).isEqualTo(placements);
    }

    @Test
    void aChildWhoMovesHomeClosesTheOldPlacementAndOpensANewOne() {
        importer.importDirectory(SharedData.sample());
        // C000001 lives in H00082; H00003 takes ages 0-5 and has room.
        Path moved = sampleWith(temp.resolve("moved"), "children.csv", setCell(2, "current_home_id", "H00003"));

        importer.importDirectory(moved);

        List<String> history = registry.jdbc()
                .queryForList(
                        "SELECT home_id || ':' || (end_date IS NULL) FROM "
                                + "placement WHERE child_id = 'C000001' ORDER BY id",
                        String.class);
        assertThat(history).containsExactly("H00082:false", "H00003:true");
    }

    @Test
    void aBrokenCopyIsRejectedWholeOverHttpAndTheRegistryIsUnchanged() throws Exception {
        importer.importDirectory(SharedData.sample());
        ExchangeDataset before = store.readAll();
        Path broken = sampleWith(
                temp.resolve("broken"),
                "children.csv",
                setCell(3, "date_of_birth", "2011-13-45").andThen(setCell(5, "current_home_id", "H99999"))::apply);
        Files.writeString(
                broken.resolve("homes.csv"),
                Files.readString(broken.resolve("homes.csv"))
                        .replace("H00001,Foster 1,FOSTER", "H00001,Foster 1 renamed,FOSTER"));

        mvc.perform(upload(broken).with(Users.commissioner()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid data set"))
                .andExpect(jsonPath("$.errors[0]")
                        .value("children.csv:3: date_of_birth: '2011-13-45' is not a date in the form YYYY-MM-DD"))
                .andExpect(jsonPath("$.errors[1]")
                        .value("children.csv:5: current_home_id: unknown home 'H99999' (not in homes.csv)"));

        assertThat(store.readAll()).isEqualTo(before);
    }

    @Test
    void aBrokenCopyFailsOnTheCommandLineWithExitCodeTwoListingEveryError() {
        importer.importDirectory(SharedData.sample());
        ExchangeDataset before = store.readAll();
        Path broken = sampleWith(temp.resolve("broken-cli"), "homes.csv", setCell(4, "places", "-2"));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        int exit = importCommand.run(
                List.of("--data", broken.toString()), quiet(), new PrintStream(errors, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(CommandLine.BAD_INPUT);
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("homes.csv:4: places: '-2' is outside 1..1000");
        assertThat(store.readAll()).isEqualTo(before);
    }

    @Test
    void aDataSetThatOverfillsAHomeTogetherWithStoredChildrenIsRolledBack() {
        importer.importDirectory(SharedData.sample());
        ExchangeDataset before = store.readAll();
        // A new data set with one child whose home is the (one-place) home of stored child C000001.
        Path clash = sampleWith(temp.resolve("clash"), "children.csv", lines -> {
            String header = lines.get(0);
            String first = lines.get(1).replace("C000001,", "C777777,");
            return new java.util.ArrayList<>(List.of(header, first));
        });
        deleteQuietly(clash.resolve("key_places.csv"));
        deleteQuietly(clash.resolve("avoid_zones.csv"));

        InvalidDatasetException rejected =
                catchThrowableOfType(InvalidDatasetException.class, () -> importer.importDirectory(clash));

        assertThat(rejected.errors().get(0).message()).contains("H00082");
        assertThat(store.readAll()).isEqualTo(before);
    }

    @Test
    void theRegistryDownloadsAsAZipOfTheExchangeFiles() throws Exception {
        importer.importDirectory(SharedData.sample());

        byte[] zip = mvc.perform(get("/api/exports/dataset.zip").with(Users.commissioner()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        assertThat(files.keySet()).containsExactlyElementsOf(ExchangeFiles.ALL);
        assertThat(ExchangeReader.read(files)).isEqualTo(sortedSample());
    }

    @Test
    void anOfficerMayNotImport() throws Exception {
        mvc.perform(upload(SharedData.sample())
                        .with(Users.officerOf(TestRegistry.CUMBERLAND))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(registry.count("home")).isZero();
    }

    private static ExchangeDataset sortedSample() {
        ExchangeDataset sample = ExchangeReader.readDirectory(SharedData.sample());
        return new ExchangeDataset(
                sample.asOf(),
                sample.name(),
                sample.authorities().stream()
                        .sorted((a, b) -> a.authorityCode().compareTo(b.authorityCode()))
                        .toList(),
                sample.homes().stream()
                        .sorted((a, b) -> a.homeId().compareTo(b.homeId()))
                        .toList(),
                sample.children().stream()
                        .sorted((a, b) -> a.childId().compareTo(b.childId()))
                        .toList(),
                sample.avoidZones().stream()
                        .sorted((a, b) -> a.childId().compareTo(b.childId()))
                        .toList(),
                sample.keyPlaces().stream()
                        .sorted((a, b) -> a.childId().compareTo(b.childId()))
                        .toList());
    }

    private static MockMultipartHttpServletRequestBuilder upload(Path directory) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/imports");
        try (var files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                request.file(new MockMultipartFile(
                        "files", file.getFileName().toString(), "text/csv", Files.readAllBytes(file)));
            }
        }
        return request;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
