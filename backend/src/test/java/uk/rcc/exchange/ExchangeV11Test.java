package uk.rcc.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static uk.rcc.support.Datasets.sampleWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.rcc.demo.DemoCooperativeGenerator;
import uk.rcc.demo.DemoPlacementDetails;
import uk.rcc.exchange.Codes.CulturalNeeds;
import uk.rcc.exchange.Codes.Need;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;
import uk.rcc.exchange.ExchangeDataset.PlacementDetails;
import uk.rcc.support.SharedData;

/** Exchange format v1.1: its optional columns and codes are read, written and checked; v1 sets stay valid. */
class ExchangeV11Test {
    @TempDir
    Path temp;

    @Test
    void aV11DataSetRoundTripsWithEveryAdditionalColumn() {
        ExchangeDataset original = demo();

        ExchangeWriter.writeDirectory(original, temp);
        ExchangeDataset again = ExchangeReader.readDirectory(temp);

        assertThat(again).isEqualTo(original);
        assertThat(again.homes()).allMatch(h -> h.ofstedUrn() != null && h.postcodeDistrict() != null);
        assertThat(again.children())
                .filteredOn(c -> !c.awaiting())
                .allMatch(c -> c.details().placedOn() != null && c.details().referralDate() != null);
        assertThat(again.children())
                .anyMatch(c -> c.details().placementWeeklyCost() != null)
                .anyMatch(c -> c.details().outOfAreaReason() != null)
                .anyMatch(c -> c.details().culturalNeeds() == CulturalNeeds.REQUIRED);
    }

    @Test
    void aV1DataSetReadsWithTheV11FieldsAbsent() {
        ExchangeDataset v1 = ExchangeReader.readDirectory(SharedData.sample());

        assertThat(v1.homes()).extracting(HomeRow::ofstedUrn).containsOnlyNulls();
        assertThat(v1.children()).extracting(ChildRow::details).containsOnly(PlacementDetails.NONE);
    }

    @Test
    void readsEveryV11ColumnOfAChild() throws Exception {
        Path dir = sampleWith(
                temp.resolve("child"),
                "children.csv",
                withColumns(
                        2,
                        "referral_date,placed_on,placement_weekly_cost,cultural_needs,out_of_area_reason,needs",
                        "2025-11-03,2025-11-10,4512.5,required,court_order,DRUG_ALCOHOL;SEXUAL_EXPLOITATION"));
        ChildRow child = ExchangeReader.readDirectory(dir).children().get(0);

        assertThat(child.details())
                .isEqualTo(new PlacementDetails(
                        LocalDate.parse("2025-11-03"),
                        LocalDate.parse("2025-11-10"),
                        4512.5,
                        CulturalNeeds.REQUIRED,
                        "COURT_ORDER"));
        assertThat(child.needs()).contains(Need.DRUG_ALCOHOL, Need.SEXUAL_EXPLOITATION);
    }

    @Test
    void rejectsAPostcodeDistrictThatIsNotAnOutwardCodeNamingFileLineAndField() {
        assertThat(errors("homes.csv", withColumns(3, "postcode_district", "ca1 4")))
                .contains(
                        "homes.csv:3: postcode_district: 'ca1 4' is not the outward part of a postcode, e.g. CA1 or DL14");
    }

    @Test
    void rejectsAnUnknownCulturalNeedsCode() {
        assertThat(errors("children.csv", withColumns(4, "cultural_needs", "MAYBE")))
                .anyMatch(e -> e.startsWith("children.csv:4: cultural_needs: 'MAYBE' is not one of"));
    }

    @Test
    void rejectsAPlacementDateForAChildAwaitingAPlacement() throws Exception {
        List<String> lines = Files.readAllLines(SharedData.sample().resolve("children.csv"));
        int awaiting = 0;
        for (int i = 1; i < lines.size() && awaiting == 0; i++) {
            if (lines.get(i).split(",", -1)[15].isEmpty()) {
                awaiting = i + 1;
            }
        }
        assertThat(awaiting).as("the sample has a child awaiting a placement").isPositive();

        assertThat(errors("children.csv", withColumns(awaiting, "placed_on,placement_weekly_cost", "2026-01-05,900")))
                .contains(
                        "children.csv:" + awaiting
                                + ": placed_on: placed_on is only for a child who has a current_home_id",
                        "children.csv:" + awaiting
                                + ": placement_weekly_cost: placement_weekly_cost is only for a child "
                                + "who has a current_home_id");
    }

    @Test
    void rejectsAReferralAfterTheDataSetsDateAndANegativeAgreedCost() {
        assertThat(errors("children.csv", withColumns(2, "referral_date,placement_weekly_cost", "2027-01-01,-5")))
                .contains(
                        "children.csv:2: referral_date: 2027-01-01 is after the data set's as_of date 2026-03-31",
                        "children.csv:2: placement_weekly_cost: '-5' is outside 0..100000");
    }

    static ExchangeDataset demo() {
        var spec = DemoCooperativeGenerator.Spec.demo(120, 90, 7, LocalDate.parse("2026-06-30"));
        return DemoPlacementDetails.fill(DemoCooperativeGenerator.generate(spec), spec.seed());
    }

    /**
     * Appends columns to a file: every row gets empty cells but {@code line} (1-based), which gets {@code values}. A
     * column already in the header (such as {@code needs}) is overwritten on that line instead.
     */
    private static UnaryOperator<List<String>> withColumns(int line, String columns, String values) {
        return lines -> {
            String[] names = columns.split(",");
            String[] cells = values.split(",", -1);
            List<String> header = List.of(lines.get(0).split(",", -1));
            for (int c = 0; c < names.length; c++) {
                int existing = header.indexOf(names[c]);
                if (existing >= 0) {
                    String[] row = lines.get(line - 1).split(",", -1);
                    row[existing] = cells[c];
                    lines.set(line - 1, String.join(",", row));
                    continue;
                }
                for (int i = 0; i < lines.size(); i++) {
                    lines.set(i, lines.get(i) + "," + (i == 0 ? names[c] : i == line - 1 ? cells[c] : ""));
                }
            }
            return lines;
        };
    }

    private List<String> errors(String file, UnaryOperator<List<String>> edit) {
        Path dir = sampleWith(temp.resolve(file + System.nanoTime()), file, edit);
        InvalidDatasetException e =
                catchThrowableOfType(InvalidDatasetException.class, () -> ExchangeReader.readDirectory(dir));
        assertThat(e).as("the data set should have been rejected").isNotNull();
        return e.errors().stream().map(Object::toString).toList();
    }
}
