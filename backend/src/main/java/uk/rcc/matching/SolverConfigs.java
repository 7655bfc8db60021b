package uk.rcc.matching;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;
import uk.rcc.matching.planning.MatchingSolution;

/** The solver configurations of the solver-configs module, or an operator's own file. */
public final class SolverConfigs {
    public static final String INTERACTIVE = "solver-configs/interactive-solver.xml";
    public static final String NIGHTLY = "solver-configs/nightly-solver.xml";

    private SolverConfigs() {}

    public static SolverConfig fromClasspath(String resource) {
        return SolverConfig.createFromXmlResource(resource, SolverConfigs.class.getClassLoader());
    }

    /** @throws IllegalArgumentException when the file does not exist */
    public static SolverConfig fromFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no solver config file " + file);
        }
        return SolverConfig.createFromXmlFile(file.toFile(), SolverConfigs.class.getClassLoader());
    }

    /** Replaces the time limit, keeping the config's unimproved-time limit when it is shorter. */
    public static SolverConfig withTimeLimit(SolverConfig config, Duration limit) {
        TerminationConfig termination =
                config.getTerminationConfig() == null ? new TerminationConfig() : config.getTerminationConfig();
        termination.setSecondsSpentLimit(null);
        termination.setMinutesSpentLimit(null);
        termination.setHoursSpentLimit(null);
        termination.setDaysSpentLimit(null);
        termination.setSpentLimit(limit);
        return config.withTerminationConfig(termination);
    }

    public static SolverFactory<MatchingSolution> factory(SolverConfig config) {
        return SolverFactory.create(config);
    }
}
