package uk.rcc.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static uk.rcc.support.Datasets.sampleWith;
import static uk.rcc.support.Datasets.setCell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.rcc.support.SharedData;

class ExchangeReaderTest {
    @TempDir
    Path temp;

    @Test
    void readsTheSharedSampleCompletely() {
        ExchangeDataset dataset = ExchangeReader.readDirectory(SharedData.sample());

        assertThat(dataset.asOf()).hasToString("2026-03-31");
        assertThat(dataset.authorities()).hasSize(4);
        assertThat(dataset.homes()).hasSize(150);
        assertThat(dataset.children()).hasSize(120);
        assertThat(dataset.avoidZones()).hasSize(14);
        assertThat(dataset.keyPlaces()).hasSize(151);
    }

    @Test
    void appliesTheFormatsDefaultsToEmptyOptionalFields() {
        Path dir = sampleWith(temp.resolve("d"), "children.csv", lines -> {
            lines.add("C999001,E06000063,2015-01-01,F,54.6,-3.6,,,,,,,,,,,");
            return lines;
        });
        ExchangeDataset.ChildRow child = ExchangeReader.readDirectory(dir).children().stream()
                .filter(c -> c.childId().equals("C999001"))
                .findFirst()
                .orElseThrow();

        assertThat(child.placementKinds()).containsExactly(Codes.HomeKind.FOSTER);
        assertThat(child.preferredKinds()).containsExactly(Codes.HomeKind.FOSTER);
        assertThat(child.alongside()).isEqualTo(Codes.Alongside.ANY);
        assertThat(child.pets()).isEqualTo(Codes.PetsRule.ANY);
        assertThat(child.mayMove()).isFalse();
        assertThat(child.awaiting()).isTrue();
    }

    @Test
    void rejectsABadDateNamingFileLineAndColumn() {
        assertErrors(
                "children.csv",
                setCell(3, "date_of_birth", "2011-13-45"),
                "children.csv:3: date_of_birth: '2011-13-45' is not a date in the form YYYY-MM-DD");
    }

    @Test
    void rejectsAChildLivingInAnUnknownHome() {
        assertErrors(
                "children.csv",
                setCell(2, "current_home_id", "H99999"),
                "children.csv:2: current_home_id: unknown home 'H99999' (not in homes.csv)");
    }

    @Test
    void rejectsNegativePlaces() {
        assertErrors("homes.csv", setCell(2, "places", "-1"), "homes.csv:2: places: '-1' is outside 1..1000");
    }

    @Test
    void rejectsAnUnknownNeedCode() {
        assertErrors(
                "homes.csv",
                setCell(2, "needs_met", "DISABILITY;FLYING"),
                "homes.csv:2: needs_met: 'FLYING' is not one of");
    }

    @Test
    void rejectsADuplicateHomeId() {
        assertErrors("homes.csv", setCell(3, "home_id", "H00001"), "homes.csv:3: home_id: duplicate home 'H00001'");
    }

    @Test
    void rejectsADuplicateChildId() {
        assertErrors(
                "children.csv",
                setCell(3, "child_id", "C000001"),
                "children.csv:3: child_id: duplicate child 'C000001'");
    }

    @Test
    void rejectsAnAgeRangeThatRunsBackwards() {
        assertErrors("homes.csv", setCell(2, "max_age", "2"), "homes.csv:2: max_age: max_age 2 is below min_age 5");
    }

    @Test
    void rejectsAChildOfACouncilOutsideTheCooperative() {
        assertErrors(
                "children.csv",
                setCell(2, "authority_code", "E06000001"),
                "children.csv:2: authority_code: 'E06000001' is not a member council in authorities.csv");
    }

    @Test
    void rejectsAMalformedCouncilCode() {
        assertErrors(
                "homes.csv",
                setCell(2, "authority_code", "Cumbria"),
                "homes.csv:2: authority_code: 'Cumbria' is not an ONS council code");
    }

    @Test
    void rejectsMoreChildrenInAHomeThanItHasPlaces() {
        // H00082 houses C000001; give that home a single place and move a second child in.
        assertErrors(
                "children.csv",
                setCell(3, "current_home_id", "H00082"),
                "children.csv:3: current_home_id: home 'H00082' has");
    }

    @Test
    void rejectsAKeyPlaceOfAnUnknownChild() {
        assertErrors(
                "key_places.csv",
                setCell(2, "child_id", "C424242"),
                "key_places.csv:2: child_id: unknown child 'C424242' (not in children.csv)");
    }

    @Test
    void rejectsAnAvoidZoneWithoutRadius() {
        assertErrors("avoid_zones.csv", setCell(2, "radius_km", ""), "avoid_zones.csv:2: radius_km: is required");
    }

    @Test
    void rejectsPreferredKindsThatAreNotAllowed() {
        assertErrors(
                "children.csv",
                setCell(2, "preferred_kinds", "CHILDRENS_HOME"),
                "children.csv:2: preferred_kinds: preferred kinds [CHILDRENS_HOME] must be among placement_kinds");
    }

    @Test
    void rejectsMayMoveForAChildWithoutAHome() {
        Path dir = sampleWith(
                temp.resolve("maymove"),
                "children.csv",
                setCell(2, "current_home_id", "").andThen(setCell(2, "may_move", "true"))::apply);
        assertThat(errorsOf(dir)).anyMatch(e -> e.startsWith("children.csv:2: may_move: may_move is only for"));
    }

    @Test
    void rejectsASchoolWithOnlyOneCoordinate() {
        assertErrors(
                "children.csv",
                setCell(3, "school_lon", ""),
                "children.csv:3: school_lon: school_lat and school_lon must be given together");
    }

    @Test
    void rejectsALatitudeOffTheGlobe() {
        assertErrors("homes.csv", setCell(2, "lat", "95"), "homes.csv:2: lat: '95' is outside -90..90");
    }

    @Test
    void rejectsAWordWhereABooleanBelongs() {
        assertErrors("homes.csv", setCell(2, "pets", "yes"), "homes.csv:2: pets: 'yes' is not true or false");
    }

    @Test
    void rejectsAFileWithoutARequiredColumn() {
        assertErrors(
                "homes.csv",
                lines -> {
                    lines.set(0, lines.get(0).replace(",weekly_cost", ",price"));
                    return lines;
                },
                "homes.csv:1: weekly_cost: required column is missing from the header");
    }

    @Test
    void rejectsADataSetWithoutItsChildrenFile() throws Exception {
        Path dir = sampleWith(temp.resolve("nochildren"), "homes.csv", lines -> lines);
        Files.delete(dir.resolve("children.csv"));
        assertThat(errorsOf(dir)).containsExactly("children.csv:0: -: file is missing from the data set");
    }

    @Test
    void reportsEveryErrorAtOnceSortedByFileAndLine() {
        Path dir = sampleWith(
                temp.resolve("many"),
                "children.csv",
                setCell(5, "sex", "X").andThen(setCell(2, "date_of_birth", "31/03/2010"))::apply);
        assertThat(errorsOf(dir))
                .containsExactly(
                        "children.csv:2: date_of_birth: '31/03/2010' is not a date in the form YYYY-MM-DD",
                        "children.csv:5: sex: 'X' is not one of [F, M]");
    }

    private void assertErrors(String file, UnaryOperator<List<String>> edit, String expectedPrefix) {
        Path dir = sampleWith(temp.resolve(file + "-" + System.nanoTime()), file, edit);
        assertThat(errorsOf(dir)).anyMatch(error -> error.startsWith(expectedPrefix));
    }

    private static List<String> errorsOf(Path dir) {
        InvalidDatasetException e =
                catchThrowableOfType(InvalidDatasetException.class, () -> ExchangeReader.readDirectory(dir));
        assertThat(e).as("the data set should have been rejected").isNotNull();
        return e.errors().stream().map(Object::toString).toList();
    }

    @Test
    void rejectsAPathThatIsNotADirectory() {
        assertThatThrownBy(() -> ExchangeReader.readDirectory(temp.resolve("absent")))
                .isInstanceOf(InvalidDatasetException.class)
                .hasMessageContaining("is not a directory");
    }
}
