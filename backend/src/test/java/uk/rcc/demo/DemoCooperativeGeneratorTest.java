package uk.rcc.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.rcc.exchange.Codes.HomeKind;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeReader;
import uk.rcc.exchange.ExchangeWriter;

class DemoCooperativeGeneratorTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);

    @Test
    void theSameSpecGivesTheSameDataSet() {
        var spec = DemoCooperativeGenerator.Spec.demo(300, 200, 7, AS_OF);
        assertThat(DemoCooperativeGenerator.generate(spec)).isEqualTo(DemoCooperativeGenerator.generate(spec));
    }

    @Test
    void anotherSeedGivesAnotherDataSet() {
        assertThat(DemoCooperativeGenerator.generate(DemoCooperativeGenerator.Spec.demo(100, 80, 1, AS_OF)))
                .isNotEqualTo(DemoCooperativeGenerator.generate(DemoCooperativeGenerator.Spec.demo(100, 80, 2, AS_OF)));
    }

    @Test
    void theGeneratedSetPassesEveryImportRule() {
        ExchangeDataset generated =
                DemoCooperativeGenerator.generate(DemoCooperativeGenerator.Spec.demo(2000, 1500, 3, AS_OF));

        ExchangeDataset reread = ExchangeReader.read(ExchangeWriter.toFiles(generated));

        assertThat(reread.children()).hasSize(2000);
        assertThat(reread.homes()).hasSize(1500);
    }

    @Test
    void agesFollowTheNationalProfile() {
        ExchangeDataset set =
                DemoCooperativeGenerator.generate(DemoCooperativeGenerator.Spec.demo(20_000, 12_000, 5, AS_OF));
        Map<String, Long> bands = set.children().stream()
                .collect(Collectors.groupingBy(
                        c -> band(Period.between(c.dateOfBirth(), AS_OF).getYears()), Collectors.counting()));
        double total = set.children().size();

        assertThat(bands.get("under 1") / total).isCloseTo(0.05, within(0.03));
        assertThat(bands.get("10-15") / total).isCloseTo(0.38, within(0.05));
        assertThat(bands.get("16+") / total).isCloseTo(0.25, within(0.05));
    }

    @Test
    void aboutOneChildInEightAwaitsAPlacementAndSiblingGroupsExist() {
        ExchangeDataset set =
                DemoCooperativeGenerator.generate(DemoCooperativeGenerator.Spec.demo(5000, 3500, 9, AS_OF));
        double awaiting = set.children().stream()
                        .filter(ExchangeDataset.ChildRow::awaiting)
                        .count()
                / (double) set.children().size();

        assertThat(awaiting).isBetween(0.08, 0.30);
        assertThat(set.children().stream().filter(c -> c.siblingGroup() != null).count())
                .isGreaterThan(500);
    }

    @Test
    void costsFollowTheSectorsRanges() {
        ExchangeDataset set =
                DemoCooperativeGenerator.generate(DemoCooperativeGenerator.Spec.demo(100, 3000, 4, AS_OF));
        assertThat(set.homes()).allSatisfy(home -> {
            switch (home.kind()) {
                case FOSTER -> assertThat(home.weeklyCost()).isBetween(350.0, 1100.0);
                case CHILDRENS_HOME -> assertThat(home.weeklyCost()).isBetween(4000.0, 14000.0);
                case SUPPORTED -> assertThat(home.weeklyCost()).isBetween(800.0, 2500.0);
            }
        });
        assertThat(set.homes().stream().filter(h -> h.kind() == HomeKind.FOSTER).count())
                .isGreaterThan(2000);
    }

    private static String band(int age) {
        return age < 1 ? "under 1" : age < 5 ? "1-4" : age < 10 ? "5-9" : age < 16 ? "10-15" : "16+";
    }
}
