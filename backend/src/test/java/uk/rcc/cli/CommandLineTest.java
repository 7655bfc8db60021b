package uk.rcc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void helpListsEveryCommandAndSucceeds() {
        assertThat(uk.rcc.Commands.dispatch(List.of("--help"))).isEqualTo(CommandLine.OK);
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(uk.rcc.Commands.dispatch(List.of("frobnicate"))).isEqualTo(CommandLine.USAGE);
    }

    @Test
    void optionsAcceptBothSpellingsAndRejectUnknownNames() {
        Options options = Options.parse(List.of("--data", "dir", "--seconds=5"), Set.of("data", "seconds"));
        assertThat(options.require("data")).isEqualTo("dir");
        assertThat(options.intValue("seconds", 1)).isEqualTo(5);
        assertThatThrownBy(() -> Options.parse(List.of("--dta", "x"), Set.of("data")))
                .hasMessageContaining("unknown option --dta");
    }
}
