package uk.rcc.sufficiency;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import uk.rcc.exchange.InvalidDatasetException;

/**
 * Any content in the header or the episodes file of an otherwise valid SSDA903 return is either read or rejected
 * with errors naming file, line and column — in strict and lenient mode, never another exception. Runs its
 * committed seed corpus in every build; set JAZZER_FUZZ=1 to fuzz for longer (see docs/security.md).
 */
class Ssda903ReaderFuzzTest {
    private static final String COUNCIL = "E06000057";
    private static final List<String> FILES = List.of("header.csv", "episodes.csv");
    private static final String HEADER =
            "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,1,01/02/2012,WBRI,,,\n" + "2,2,14/11/2009,WBRI,,0,\n";
    private static final String EPISODES = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,"
            + "REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n1,01/03/2019,S,C2,N1,U4,PR1,01/09/2019,X1,,,,\n"
            + "1,01/09/2019,P,C2,N1,K2,PR1,,,,,,\n2,05/05/2020,S,J2,N1,H5,PR4,,,,,,\n";

    @FuzzTest(maxDuration = "30s")
    void anyHeaderOrEpisodesFileIsReadOrRejectedWithFileAndLineNeverACrash(FuzzedDataProvider data) throws IOException {
        String replaced = data.pickValue(FILES);
        Path returns = Files.createTempDirectory("ssda903-fuzz");
        try {
            Path folder = Files.createDirectories(returns.resolve(COUNCIL));
            Files.writeString(folder.resolve("header.csv"), HEADER, StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("episodes.csv"), EPISODES, StandardCharsets.UTF_8);
            Files.write(folder.resolve(replaced), data.consumeRemainingAsBytes());
            readOrRejectWithFileAndLine(returns, false);
            readOrRejectWithFileAndLine(returns, true);
        } finally {
            deleteTree(returns);
        }
    }

    private static void readOrRejectWithFileAndLine(Path returns, boolean lenient) {
        try {
            Ssda903Reader.Result result = Ssda903Reader.read(returns, lenient);
            assertThat(result.data().children()).isNotEmpty();
            if (!lenient) {
                assertThat(result.skipped())
                        .as("strict mode reads everything or nothing")
                        .isEmpty();
            }
            assertThat(result.skipped()).allSatisfy(Ssda903ReaderFuzzTest::namesFileAndLine);
        } catch (InvalidDatasetException rejected) {
            assertThat(rejected.errors()).isNotEmpty().allSatisfy(Ssda903ReaderFuzzTest::namesFileAndLine);
        }
    }

    private static void namesFileAndLine(uk.rcc.exchange.DatasetError error) {
        assertThat(error.file()).isNotBlank();
        assertThat(error.line()).isNotNegative();
        assertThat(error.column()).isNotBlank();
        assertThat(error.message()).isNotBlank();
    }

    private static void deleteTree(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
