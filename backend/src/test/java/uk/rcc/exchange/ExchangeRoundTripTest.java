package uk.rcc.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.rcc.support.SharedData;

class ExchangeRoundTripTest {

    @Test
    void writingTheSampleAndReadingItBackGivesTheSameDataSet(@TempDir Path out) {
        ExchangeDataset original = ExchangeReader.readDirectory(SharedData.sample());

        ExchangeWriter.writeDirectory(original, out);
        ExchangeDataset again = ExchangeReader.readDirectory(out);

        assertThat(again).isEqualTo(original);
    }
}
