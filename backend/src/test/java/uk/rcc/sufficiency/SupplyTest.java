package uk.rcc.sufficiency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.rcc.exchange.ExchangeReader;
import uk.rcc.support.SharedData;

/**
 * Supply read from the sample registry, against figures worked out here straight from its CSV files: places,
 * occupied places and vacancies by council and kind, and the share placed out of area or over 20 miles away.
 */
class SupplyTest {
    static Supply supply;
    static List<String[]> homes;
    static List<String[]> children;
    static Set<String> members = new HashSet<>();

    @BeforeAll
    static void readSample() throws IOException {
        supply = Supply.of(ExchangeReader.readDirectory(SharedData.sample()));
        homes = rows("homes.csv");
        children = rows("children.csv");
        rows("authorities.csv").forEach(a -> members.add(a[0]));
    }

    @Test
    void placesOccupiedAndVacanciesByCouncilAndCategoryMatchTheRegistryFiles() {
        for (String council : members) {
            for (String[] kind :
                    new String[][] {{"FOSTER", "FOSTER"}, {"CHILDRENS_HOME", "RESIDENTIAL"}, {"SUPPORTED", "SUPPORTED"}
                    }) {
                int places = 0;
                int occupied = 0;
                int vacancies = 0;
                for (String[] home : homes) {
                    if (home[4].equals(council) && home[2].equals(kind[0])) {
                        int living = (int) children.stream()
                                .filter(c -> c[15].equals(home[0]))
                                .count();
                        places += Integer.parseInt(home[7]);
                        occupied += living;
                        vacancies += home[14].equals("false") ? 0 : Math.max(0, Integer.parseInt(home[7]) - living);
                    }
                }
                Supply.Line line = supply.line(council, Category.valueOf(kind[1]));
                assertThat(line.places())
                        .as(council + " " + kind[0] + " places")
                        .isEqualTo(places);
                assertThat(line.occupied())
                        .as(council + " " + kind[0] + " occupied")
                        .isEqualTo(occupied);
                assertThat(line.vacancies())
                        .as(council + " " + kind[0] + " vacancies")
                        .isEqualTo(vacancies);
            }
        }
    }

    @Test
    void theCooperativeCountsOnlyHomesInItsMembersAreas() {
        int memberFosterPlaces = homes.stream()
                .filter(h -> h[2].equals("FOSTER") && members.contains(h[4]))
                .mapToInt(h -> Integer.parseInt(h[7]))
                .sum();
        int outsideFosterPlaces = homes.stream()
                .filter(h -> h[2].equals("FOSTER") && !members.contains(h[4]))
                .mapToInt(h -> Integer.parseInt(h[7]))
                .sum();

        assertThat(supply.line(Forecast.ALL, Category.FOSTER).places()).isEqualTo(memberFosterPlaces);
        assertThat(supply.line(Supply.OUTSIDE, Category.FOSTER).places())
                .isEqualTo(outsideFosterPlaces)
                .isPositive();
    }

    @Test
    void theOutOfAreaShareCountsChildrenInHomesOutsideTheMembersOrOver20MilesAway() {
        Map<String, String[]> byId = new HashMap<>();
        homes.forEach(h -> byId.put(h[0], h));
        int placed = 0;
        int outside = 0;
        for (String[] child : children) {
            String[] home = byId.get(child[15]);
            if (home != null && home[2].equals("FOSTER")) {
                placed++;
                double km = haversineKm(
                        Double.parseDouble(child[4]),
                        Double.parseDouble(child[5]),
                        Double.parseDouble(home[5]),
                        Double.parseDouble(home[6]));
                outside += !members.contains(home[4]) || km > 20 * 1.609344 ? 1 : 0;
            }
        }

        assertThat(placed).isPositive();
        assertThat(supply.outsideShare(Forecast.ALL, Category.FOSTER))
                .isCloseTo(outside / (double) placed, within(1e-9));
    }

    @Test
    void fosterSupplyGrowsByNetApprovalsAndRecruitmentSharedByTodaysPlaces() {
        Supply.Projection projection = new Supply.Projection(30, 10);
        double all = supply.line(Forecast.ALL, Category.FOSTER).places();
        double cumberland = supply.line("E06000063", Category.FOSTER).places();

        assertThat(supply.projected(Forecast.ALL, Category.FOSTER, 18, projection, 12))
                .isEqualTo(all + 32 * 1.5);
        assertThat(supply.projected("E06000063", Category.FOSTER, 12, projection, 0))
                .isCloseTo(cumberland + 20 * cumberland / all, within(1e-9));
        assertThat(supply.projected(Forecast.ALL, Category.RESIDENTIAL, 24, projection, 12))
                .isEqualTo(supply.line(Forecast.ALL, Category.RESIDENTIAL).places());
    }

    @Test
    void theSupplyFileReadsBackToTheSameFigures() {
        Supply again = Supply.parse(new String(supply.csv(), java.nio.charset.StandardCharsets.UTF_8));

        assertThat(again.lines().keySet()).isEqualTo(supply.lines().keySet());
        supply.lines().forEach((key, line) -> {
            Supply.Line read = again.lines().get(key);
            assertThat(read.places()).isEqualTo(line.places());
            assertThat(read.vacancies()).isEqualTo(line.vacancies());
            assertThat(read.outsideShare()).isCloseTo(line.outsideShare(), within(0.001));
        });
    }

    private static List<String[]> rows(String file) throws IOException {
        List<String> lines = Files.readAllLines(SharedData.sample().resolve(file));
        return lines.subList(1, lines.size()).stream()
                .map(l -> l.split(",", -1))
                .toList();
    }

    private static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double a = Math.pow(Math.sin(Math.toRadians(lat2 - lat1) / 2), 2)
                + Math.cos(Math.toRadians(lat1))
                        * Math.cos(Math.toRadians(lat2))
                        * Math.pow(Math.sin(Math.toRadians(lon2 - lon1) / 2), 2);
        return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
    }
}
