package uk.rcc.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/** Copies of the sample data set with one file edited, for tests of bad input. */
public final class Datasets {
    private Datasets() {}

    /** Copies the sample into {@code target} and applies {@code edit} to the lines of {@code file}. */
    public static Path sampleWith(Path target, String file, UnaryOperator<List<String>> edit) {
        try {
            Files.createDirectories(target);
            try (var files = Files.list(SharedData.sample())) {
                for (Path source : files.toList()) {
                    Files.copy(source, target.resolve(source.getFileName().toString()));
                }
            }
            Path edited = target.resolve(file);
            Files.write(edited, edit.apply(new java.util.ArrayList<>(Files.readAllLines(edited))));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces one cell, addressed by 1-based line number and column name. */
    public static UnaryOperator<List<String>> setCell(int line, String column, String value) {
        return lines -> {
            List<String> header = List.of(lines.get(0).split(",", -1));
            int index = header.indexOf(column);
            if (index < 0) {
                throw new IllegalArgumentException("no column " + column);
            }
            String[] cells = lines.get(line - 1).split(",", -1);
            cells[index] = value;
            lines.set(line - 1, String.join(",", cells));
            return lines;
        };
    }
}
