package uk.rcc.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapacityCommandTest {
    private static Path sample() {
        Path sample = Path.of("..", "..", "shared", "formats", "sample")
                .toAbsolutePath()
                .normalize();
        assertThat(sample).isDirectory();
        return sample;
    }

    @Test
    void writesTheIssuesColumnsWithEachOptionRankedMorePlacedFirstThenLargerFallInCost(@TempDir Path dir)
            throws Exception {
        Path csv = dir.resolve("capacity.csv");
        int code = CapacityCommand.run(
                List.of("--data", sample().toString(), "--out", csv.toString(), "--seconds", "4", "--top", "5"),
                System.out,
                System.err);

        assertThat(code).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0))
                .isEqualTo("rank,option,home_id,kind,lat,lon,min_age,max_age,sexes,needs_met,"
                        + "placed_delta,soft_cost_delta,km_delta,siblings_together_delta,own_council_delta");
        List<String[]> rows = new ArrayList<>();
        lines.subList(1, lines.size()).forEach(line -> rows.add(line.split(",", -1)));
        assertThat(rows).anyMatch(row -> row[1].equals("EXTRA_PLACE"));
        for (int i = 1; i < rows.size(); i++) {
            String[] before = rows.get(i - 1);
            String[] row = rows.get(i);
            assertThat(row).hasSize(15);
            assertThat(row[1].equals("EXTRA_PLACE")).isEqualTo(!row[2].isEmpty());
            if (row[1].equals(before[1]) && row[3].equals(before[3])
                    || row[1].equals("EXTRA_PLACE") && before[1].equals("EXTRA_PLACE")) {
                assertThat(Integer.parseInt(row[0])).isEqualTo(Integer.parseInt(before[0]) + 1);
                int placed = Integer.parseInt(row[10]);
                int placedBefore = Integer.parseInt(before[10]);
                assertThat(placed).isLessThanOrEqualTo(placedBefore);
                if (placed == placedBefore) {
                    assertThat(Double.parseDouble(row[11])).isGreaterThanOrEqualTo(Double.parseDouble(before[11]));
                }
            } else {
                assertThat(row[0]).isEqualTo("1");
            }
        }
        assertThat(rows.stream().filter(row -> row[1].equals("EXTRA_PLACE")).count())
                .isLessThanOrEqualTo(5);
    }

    @Test
    void aBadFieldIsNamedByFileLineAndColumnAndExitsWithTwo(@TempDir Path dir) throws Exception {
        for (Path file : Files.list(sample()).toList()) {
            Files.copy(file, dir.resolve(file.getFileName()));
        }
        Path homes = dir.resolve("homes.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(homes));
        lines.set(2, lines.get(2).replace(",1,5,10,", ",many,5,10,"));
        Files.write(homes, lines);
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = CapacityCommand.run(
                List.of("--data", dir.toString(), "--out", dir.resolve("c.csv").toString()),
                System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("homes.csv:3: places");
        assertThat(dir.resolve("c.csv")).doesNotExist();
    }

    @Test
    void aTopBelowOneIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CapacityCommand.run(
                List.of("--data", "x", "--out", "y", "--top", "0"),
                System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--top");
    }
}
