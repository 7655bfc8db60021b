package uk.rcc.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import uk.rcc.support.SharedData;

/**
 * Any content in any one file of an otherwise valid data set is either read or rejected with errors that name
 * a file, line and column — never another exception. Runs its committed seed corpus in every build; set
 * JAZZER_FUZZ=1 to fuzz for longer (see docs/security.md).
 */
class ExchangeReaderFuzzTest {
    private static final Map<String, byte[]> SAMPLE = sampleFiles();

    @FuzzTest(maxDuration = "30s")
    void anyBytesInAnyFileAreAcceptedOrRejectedWithErrorsNeverACrash(FuzzedDataProvider data) {
        String file = data.pickValue(ExchangeFiles.ALL);
        Map<String, byte[]> files = new LinkedHashMap<>(SAMPLE);
        files.put(file, data.consumeRemainingAsBytes());
        try {
            ExchangeDataset dataset = ExchangeReader.read(files);
            assertThat(dataset.asOf()).isNotNull();
        } catch (InvalidDatasetException rejected) {
            assertThat(rejected.errors()).isNotEmpty().allSatisfy(error -> {
                assertThat(ExchangeFiles.ALL).contains(error.file());
                assertThat(error.line()).isNotNegative();
                assertThat(error.column()).isNotBlank();
                assertThat(error.message()).isNotBlank();
            });
        }
    }

    private static Map<String, byte[]> sampleFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : ExchangeFiles.ALL) {
            try {
                files.put(name, Files.readAllBytes(SharedData.sample().resolve(name)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }
}
