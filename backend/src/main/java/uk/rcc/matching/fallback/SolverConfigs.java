package uk.rcc.matching.fallback;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * Solver configurations from {@code solver-configs/}: packaged on the classpath, or from a directory an operator
 * names (RCC_SOLVER_CONFIGS) so they can be tuned without a new build.
 */
public final class SolverConfigs {
    private SolverConfigs() {
    }

    /**
     * @param directory an operator's directory, or null/blank for the packaged files
     * @param name      a file name such as {@code interactive-solver.xml}, or a path to a file
     * @param limit     the run's time limit, replacing the file's spent limit; null keeps the file's
     */
    public static SolverConfig load(String directory, String name, Duration limit) {
        SolverConfig config;
        Path file = Path.of(name);
        if (Files.isRegularFile(file)) {
            config = SolverConfig.createFromXmlFile(file.toFile());
        } else if (directory != null && !directory.isBlank() && Files.isRegularFile(Path.of(directory, name))) {
            config = SolverConfig.createFromXmlFile(new File(directory, name));
        } else if (name.matches("[A-Za-z0-9_.-]+\\.xml")
                && SolverConfigs.class.getClassLoader().getResource("solver-configs/" + name) != null) {
            config = SolverConfig.createFromXmlResource("solver-configs/" + name);
        } else {
            throw new IllegalArgumentException("no solver configuration '" + name + "'"
                    + (directory == null || directory.isBlank() ? "" : " in " + directory));
        }
        if (limit != null) {
            TerminationConfig termination = config.getTerminationConfig() == null ? new TerminationConfig()
                    : config.getTerminationConfig();
            termination.setSpentLimit(limit);
            if (termination.getUnimprovedSpentLimit() != null
                    && termination.getUnimprovedSpentLimit().compareTo(limit) > 0) {
                termination.setUnimprovedSpentLimit(limit);
            }
            config.setTerminationConfig(termination);
        }
        return config;
    }
}
