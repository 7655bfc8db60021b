package uk.rcc.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import uk.rcc.exchange.ExchangeFiles;
import uk.rcc.imports.DatasetImporter;
import uk.rcc.matching.runs.MatchingRunService;
import uk.rcc.support.IntegrationTest;
import uk.rcc.support.SharedData;
import uk.rcc.support.TestRegistry;
import uk.rcc.support.Users;

/**
 * What the application logs during an ordinary day (an import, an officer viewing a child and its shortlist,
 * accepting and rejecting homes with reasons, a matching run, an import that fails) may name children by id, but
 * never carries their dates of birth, where they or the people they visit live, their needs or avoid-zone reasons,
 * or the reasons written for a decision. Logged at INFO, as in production, and DEBUG for the application's own
 * classes.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class NoChildDataInLogsTest {
    private static final String COUNCIL = TestRegistry.NORTHUMBERLAND;
    private static final String ACCEPT_REASON = "Grandmother lives two streets from Zephyrine Close";
    private static final String REJECT_REASON = "Carer reported Quillon's self-harm history";
    private static final String BAD_DATE_OF_BIRTH = "2011-02-31";
    private static final String BAD_ROW_LAT = "55.271828";
    private static final Pattern COORDINATE = Pattern.compile("-?\\d{1,3}\\.\\d{4,}");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestRegistry registry;

    @Autowired
    DatasetImporter importer;

    @Autowired
    MatchingRunService matchingRuns;

    private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

    @BeforeEach
    void productionLogLevels() {
        registry.reset();
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.INFO);
        logging.setLogLevel("uk.rcc", LogLevel.DEBUG);
    }

    @AfterEach
    void testLogLevels() {
        logging.setLogLevel("uk.rcc", null);
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
    }

    @Test
    void anOrdinaryDayLogsChildIdsAtMostNeverTheirRecords(CapturedOutput output) throws Exception {
        mvc.perform(sampleImport(null).with(Users.commissioner()).with(csrf())).andExpect(status().isOk());
        mvc.perform(get("/api/children").with(Users.officerOf(COUNCIL))).andExpect(status().isOk());
        String child = null;
        List<String> homes = List.of();
        for (int i = 0; homes.isEmpty(); i++) {
            child = awaitingChild(i);
            mvc.perform(get("/api/children/" + child).with(Users.officerOf(COUNCIL)))
                    .andExpect(status().isOk());
            String shortlist = mvc.perform(
                            get("/api/children/" + child + "/shortlist").with(Users.officerOf(COUNCIL)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            homes = JsonPath.read(shortlist, "$.candidates[*].homeId");
        }
        String other = child.equals(awaitingChild(0)) ? awaitingChild(1) : awaitingChild(0);
        mvc.perform(post("/api/children/" + other + "/decisions")
                        .with(Users.officerOf(COUNCIL))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"REJECT\",\"homeId\":\"" + homes.get(0) + "\",\"reason\":\""
                                + REJECT_REASON + "\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(post("/api/children/" + child + "/placement")
                        .with(Users.officerOf(COUNCIL))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"homeId\":\"" + homes.get(0) + "\",\"reason\":\"" + ACCEPT_REASON + "\"}"))
                .andExpect(status().isCreated());
        runMatchingForASecond();
        String rejected = mvc.perform(
                        sampleImport(badChildren()).with(Users.commissioner()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(rejected).as("the uploader is told what is wrong").contains(BAD_DATE_OF_BIRTH);

        String logged = output.getAll();
        assertThat(logged).as("the flow was logged at all").contains("Imported data set");
        assertThat(childDataIn(logged)).isEmpty();
    }

    /**
     * The one place a request's failure is logged in full is an unexpected error; PostgreSQL's own message for a
     * refused row quotes the whole row, so the connection is told to leave such details out.
     */
    @Test
    void aDatabaseErrorAboutAChildsRowDoesNotQuoteTheRow() {
        importer.importDirectory(SharedData.sample());
        String child = awaitingChild(0);
        String dateOfBirth = registry.jdbc()
                .queryForObject("SELECT date_of_birth::text FROM child WHERE child_id = ?", String.class, child);

        assertThatThrownBy(() ->
                        registry.jdbc().update("UPDATE child SET authority_code = NULL WHERE child_id = ?", child))
                .isInstanceOf(DataAccessException.class)
                .satisfies(refused -> assertThat(messages(refused)).doesNotContain(dateOfBirth));
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            all.append(cause).append('\n');
        }
        return all.toString();
    }

    /** Every piece of the sample's child-level data, and the reasons written above, that appears in the text. */
    private List<String> childDataIn(String logged) throws IOException {
        Set<String> secrets = new TreeSet<>();
        for (String line : lines("children.csv")) {
            String[] cells = line.split(",", -1);
            LocalDate born = LocalDate.parse(cells[2]);
            secrets.add(cells[2]);
            secrets.add(born.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
            for (int column : new int[] {4, 5, 6, 7}) {
                addCoordinate(secrets, cells[column]);
            }
            if (cells[9].length() > 3) {
                secrets.add(cells[9]);
            }
        }
        for (String line : lines("key_places.csv")) {
            String[] cells = line.split(",", -1);
            addCoordinate(secrets, cells[1]);
            addCoordinate(secrets, cells[2]);
        }
        for (String line : lines("avoid_zones.csv")) {
            String[] cells = line.split(",", -1);
            addCoordinate(secrets, cells[1]);
            addCoordinate(secrets, cells[2]);
        }
        secrets.addAll(List.of(ACCEPT_REASON, REJECT_REASON, "Zephyrine", "Quillon", BAD_DATE_OF_BIRTH, BAD_ROW_LAT));
        assertThat(secrets).hasSizeGreaterThan(200);
        List<String> found = new ArrayList<>();
        for (String secret : secrets) {
            int at = logged.indexOf(secret);
            if (at >= 0) {
                found.add(secret + " in: "
                        + logged.substring(Math.max(0, at - 120), Math.min(logged.length(), at + secret.length() + 40))
                                .replace('\n', ' '));
            }
        }
        return found;
    }

    private static void addCoordinate(Set<String> secrets, String value) {
        if (COORDINATE.matcher(value).matches()) {
            secrets.add(value);
        }
    }

    private static List<String> lines(String file) throws IOException {
        List<String> lines = Files.readAllLines(SharedData.sample().resolve(file), StandardCharsets.UTF_8);
        return lines.subList(1, lines.size()).stream()
                .filter(line -> !line.isBlank())
                .toList();
    }

    /** The sample data set, with children.csv replaced when given. */
    private static MockMultipartHttpServletRequestBuilder sampleImport(byte[] children) throws IOException {
        MockMultipartHttpServletRequestBuilder upload = multipart("/api/imports");
        for (String name : ExchangeFiles.ALL) {
            byte[] content = name.equals("children.csv") && children != null
                    ? children
                    : Files.readAllBytes(SharedData.sample().resolve(name));
            upload.file(new MockMultipartFile("files", name, "text/csv", content));
        }
        return upload;
    }

    /** The sample's children with one more whose date of birth does not exist. */
    private static byte[] badChildren() throws IOException {
        String children = Files.readString(SharedData.sample().resolve("children.csv"), StandardCharsets.UTF_8);
        String bad = "C999999," + COUNCIL + "," + BAD_DATE_OF_BIRTH + ",F," + BAD_ROW_LAT
                + ",-1.61803,,,,,FOSTER,FOSTER,ANY,ANY,,,true\n";
        return (children.endsWith("\n") ? children + bad : children + "\n" + bad).getBytes(StandardCharsets.UTF_8);
    }

    private void runMatchingForASecond() throws Exception {
        String started = mvc.perform(post("/api/matching/runs")
                        .with(Users.commissioner())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"seconds\":1}"))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long run = ((Number) JsonPath.read(started, "$.runId")).longValue();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (matchingRuns.find(run).map(r -> r.active()).orElse(false)) {
            assertThat(System.nanoTime()).as("matching run finished").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private String awaitingChild(int index) {
        return registry.jdbc()
                .queryForList(
                        "SELECT child_id FROM child WHERE authority_code = ? AND "
                                + "current_home_id IS NULL ORDER BY child_id",
                        String.class,
                        COUNCIL)
                .get(index);
    }
}
