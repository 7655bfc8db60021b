package uk.rcc.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The team's shared folder (formats, sample data, external SSDA903 files), which lies beside the repository. */
public final class SharedData {
    private SharedData() {}

    public static Path root() {
        for (Path candidate : new Path[] {Path.of("..", "shared"), Path.of("..", "..", "shared")}) {
            if (Files.isDirectory(candidate.resolve("formats"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new AssertionError("the shared/ folder must lie beside the repository (../shared); it was not found "
                + "from " + Path.of("").toAbsolutePath());
    }

    public static Path sample() {
        Path sample = root().resolve("formats").resolve("sample");
        assertTrue(Files.isDirectory(sample), "missing " + sample);
        return sample;
    }
}
