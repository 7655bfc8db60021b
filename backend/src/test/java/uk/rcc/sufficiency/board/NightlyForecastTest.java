package uk.rcc.sufficiency.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.rcc.support.IntegrationTest;
import uk.rcc.support.TestRegistry;

/** The nightly forecast refresh records a failure as a forecast run with its reason, for a person to read. */
@IntegrationTest
class NightlyForecastTest {
    @Autowired
    NightlyForecast nightly;

    @Autowired
    TestRegistry registry;

    @BeforeEach
    void noReturns() {
        registry.reset();
    }

    @Test
    void aRefreshOnAnIncompleteReturnIsRecordedAsFailedWithTheReason() {
        registry.jdbc()
                .update("INSERT INTO ssda903_file (authority, file_name, content, uploaded_by) "
                        + "VALUES ('E06000057', 'header.csv', 'CHILD,SEX,DOB\n1,1,01/02/2012\n', 'test')");

        nightly.run();

        Map<String, Object> run = registry.jdbc()
                .queryForMap("SELECT status, created_by, finished_at, error "
                        + "FROM forecast_run WHERE trigger = 'NIGHTLY' ORDER BY id DESC LIMIT 1");
        assertThat(run.get("status")).isEqualTo("FAILED");
        assertThat(run.get("created_by")).isEqualTo("nightly");
        assertThat(run.get("finished_at")).isNotNull();
        assertThat((String) run.get("error")).contains("no episodes of children looked after were found");
    }
}
