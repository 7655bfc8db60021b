package uk.rcc.sufficiency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.rcc.exchange.InvalidDatasetException;
import uk.rcc.support.SharedData;

class Ssda903ReaderTest {
    private static final String HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,1,01/02/2012,WBRI,,,\n";
    private static final String EPISODES =
            "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE," + "HOME_POST,PL_POST,URN\n";

    @TempDir
    Path temp;

    @Test
    void theValidatorsFakeSetIsRejectedInStrictModeNamingFileLineAndColumn() {
        InvalidDatasetException rejected = catchThrowableOfType(
                InvalidDatasetException.class, () -> Ssda903Reader.read(external("ssda903-validator-fake"), false));

        assertThat(rejected.errors()).isNotEmpty().allSatisfy(error -> {
            assertThat(error.file()).endsWith(".csv");
            assertThat(error.line()).isPositive();
        });
    }

    @Test
    void theValidatorsFakeSetReadsInLenientModeReportingTheRowsLeftOut() {
        Ssda903Reader.Result result = Ssda903Reader.read(external("ssda903-validator-fake"), true);

        assertThat(result.skipped()).isNotEmpty();
        assertThat(result.data().children()).hasSizeGreaterThan(1000);
    }

    @Test
    void theRegionalSetWithIsoDatesAndAnLaColumnReadsThreeCouncils() {
        Ssda903Reader.Result result = Ssda903Reader.read(external("demand-model-regional-v1"), false);

        assertThat(result.data().councils()).containsExactly("Bromley", "Hillingdon", "Southwark");
    }

    @Test
    void anIsoDateInADfeFileIsAnErrorThatSaysSo() throws IOException {
        Path dir = returns(EPISODES + "1,2019-03-01,S,C2,N1,U4,PR1,,,,,,\n" + "1,01/05/2019,P,C2,N1,U5,PR1,,,,,,\n");
        assertThat(errors(dir))
                .anyMatch(e -> e.contains("episodes.csv:2: DECOM: '2019-03-01' is not a date like")
                        || e.contains("episodes.csv:3: DECOM"));
        Path dfe = returns(EPISODES + "1,01/03/2019,S,C2,N1,U4,PR1,,,,,,\n" + "1,2019-05-01,P,C2,N1,U5,PR1,,,,,,\n");
        assertThat(errors(dfe))
                .contains(
                        "episodes.csv:3: DECOM: '2019-05-01' is an ISO date, but this file uses the DfE's dd/mm/yyyy");
    }

    @Test
    void anUnknownPlaceCodeAndAnEpisodeEndingBeforeItStartsAreErrors() throws IOException {
        Path dir = returns(EPISODES + "1,01/03/2019,S,C2,N1,X9,PR1,,,,,,\n" + "1,01/05/2019,P,C2,N1,U4,PR1,01/04/2019,"
                + "E13,,,,\n");
        assertThat(errors(dir))
                .anyMatch(e -> e.startsWith("episodes.csv:2: PLACE: 'X9' is not a PLACE code"))
                .contains("episodes.csv:3: DEC: episode ends 2019-04-01 before it starts 2019-05-01");
    }

    @Test
    void overlappingYearsAreDeduplicatedAndOldAndNewCodesShareACategory() throws IOException {
        Path dir = returns(EPISODES + "1,01/03/2019,S,C2,N1,h5,PR1,01/04/2024,X1,,,,\n"
                + "1,01/03/2019,S,C2,N1,H5,PR1,01/04/2024,X1,,,,\n" + "1,01/04/2024,P,C2,N1,K3,PR1,,,,,,\n"
                + "1,01/06/2024,P,V3,N1,U4,PR1,,,,,,\n");

        Ssda903Data data = Ssda903Reader.read(dir, false).data();

        assertThat(data.children()).hasSize(1);
        List<Ssda903Data.Episode> episodes = data.children().get(0).episodes();
        assertThat(episodes).hasSize(2).allMatch(e -> e.category() == Category.SUPPORTED);
        assertThat(data.children().get(0).on(LocalDate.of(2024, 7, 1)))
                .as("short breaks are not counted")
                .isNotNull()
                .extracting(Ssda903Data.Episode::category)
                .isEqualTo(Category.SUPPORTED);
    }

    @Test
    void anEpisodeRunningPastTheNextOneEndsWhereTheNextBegins() throws IOException {
        Path dir = returns(
                EPISODES + "1,01/03/2019,S,C2,N1,U4,PR1,01/09/2019,X1,,,,\n" + "1,01/06/2019,P,C2,N1,K2,PR1,,,,,,\n");
        Ssda903Data.ChildInCare child =
                Ssda903Reader.read(dir, false).data().children().get(0);
        assertThat(child.episodes().get(0).end()).isEqualTo(LocalDate.of(2019, 6, 1));
        assertThat(child.on(LocalDate.of(2019, 7, 1)).category()).isEqualTo(Category.RESIDENTIAL);
    }

    private Path returns(String episodes) throws IOException {
        Path dir = Files.createTempDirectory(temp, "returns");
        Path council = Files.createDirectories(dir.resolve("E06000057"));
        Files.writeString(council.resolve("header.csv"), HEADER);
        Files.writeString(council.resolve("episodes.csv"), episodes);
        return dir;
    }

    private static List<String> errors(Path dir) {
        InvalidDatasetException rejected =
                catchThrowableOfType(InvalidDatasetException.class, () -> Ssda903Reader.read(dir, false));
        assertThat(rejected).as("the returns should have been rejected").isNotNull();
        return rejected.errors().stream()
                .map(e -> e.toString().replace("E06000057/", ""))
                .toList();
    }

    static Path external(String name) {
        return SharedData.root().resolve("external").resolve(name);
    }
}
