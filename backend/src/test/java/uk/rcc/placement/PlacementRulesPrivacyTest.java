package uk.rcc.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import uk.rcc.exchange.Codes.Alongside;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeReader;
import uk.rcc.support.SharedData;

class PlacementRulesPrivacyTest {

    @Test
    void aRefusalBecauseOfAChildAlreadyThereDoesNotNameThatChild() {
        ChildRow resident = livingAlone(
                ExchangeReader.readDirectory(SharedData.sample()).children().get(3));
        ChildRow newcomer =
                ExchangeReader.readDirectory(SharedData.sample()).children().get(0);

        String clash = PlacementRules.sharingClash(newcomer, java.util.List.of(resident), LocalDate.of(2025, 1, 1));

        assertThat(clash).isNotNull().doesNotContain(resident.childId()).doesNotContainPattern("C\\d{6}");
    }

    private static ChildRow livingAlone(ChildRow c) {
        return new ChildRow(
                c.childId(),
                c.authorityCode(),
                c.dateOfBirth(),
                c.sex(),
                c.homeLat(),
                c.homeLon(),
                c.schoolLat(),
                c.schoolLon(),
                c.siblingGroup(),
                c.needs(),
                c.placementKinds(),
                c.preferredKinds(),
                Alongside.SOLO,
                c.pets(),
                c.neededBy(),
                c.currentHomeId(),
                c.mayMove());
    }
}
