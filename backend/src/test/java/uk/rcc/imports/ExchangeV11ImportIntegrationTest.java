package uk.rcc.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Comparator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.rcc.demo.DemoCooperativeGenerator;
import uk.rcc.demo.DemoPlacementDetails;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;
import uk.rcc.registry.RegistryStore;
import uk.rcc.support.IntegrationTest;
import uk.rcc.support.TestRegistry;

/** The registry keeps exchange format v1.1's columns (migration V16) and starts placements on placed_on. */
@IntegrationTest
class ExchangeV11ImportIntegrationTest {
    @Autowired
    TestRegistry registry;

    @Autowired
    RegistryStore store;

    @Autowired
    DatasetImporter importer;

    @BeforeEach
    void emptyRegistry() {
        registry.reset();
    }

    @Test
    void aV11DataSetIsStoredAndExportedUnchanged() {
        ExchangeDataset dataset = demo();

        importer.importDataset(dataset);

        assertThat(store.readAll()).isEqualTo(sorted(dataset));
    }

    @Test
    void aPlacementStartsOnTheDayTheChildMovedInNotOnTheImportsDate() {
        ExchangeDataset dataset = demo();
        importer.importDataset(dataset);

        ChildRow placed = dataset.children().stream()
                .filter(c -> !c.awaiting())
                .findFirst()
                .orElseThrow();
        LocalDate start = registry.jdbc()
                .queryForObject(
                        "SELECT start_date FROM placement WHERE child_id = ? AND end_date IS NULL",
                        LocalDate.class,
                        placed.childId());

        assertThat(start).isEqualTo(placed.details().placedOn()).isNotEqualTo(dataset.asOf());
    }

    private static ExchangeDataset demo() {
        var spec = DemoCooperativeGenerator.Spec.demo(120, 90, 7, LocalDate.parse("2026-06-30"));
        return DemoPlacementDetails.fill(DemoCooperativeGenerator.generate(spec), spec.seed());
    }

    private static ExchangeDataset sorted(ExchangeDataset d) {
        return new ExchangeDataset(
                d.asOf(),
                d.name(),
                d.authorities().stream()
                        .sorted(Comparator.comparing(a -> a.authorityCode()))
                        .toList(),
                d.homes().stream().sorted(Comparator.comparing(HomeRow::homeId)).toList(),
                d.children().stream()
                        .sorted(Comparator.comparing(ChildRow::childId))
                        .toList(),
                d.avoidZones().stream()
                        .sorted(Comparator.comparing(z -> z.childId()))
                        .toList(),
                d.keyPlaces().stream()
                        .sorted(Comparator.comparing(k -> k.childId()))
                        .toList());
    }
}
