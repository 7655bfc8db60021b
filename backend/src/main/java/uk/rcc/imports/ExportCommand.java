package uk.rcc.imports;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import uk.rcc.cli.CommandLine;
import uk.rcc.cli.Options;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeWriter;
import uk.rcc.registry.RegistryStore;

/** {@code export --out DIR}: the whole registry as an exchange-format v1 data set. */
@Component
public class ExportCommand {
    private final RegistryStore store;
    private final DatasetAudit audit;

    ExportCommand(RegistryStore store, DatasetAudit audit) {
        this.store = store;
        this.audit = audit;
    }

    public int run(List<String> args, PrintStream out, PrintStream err) {
        Path directory;
        try {
            directory = Path.of(Options.parse(args, Set.of("out")).require("out"));
        } catch (IllegalArgumentException e) {
            err.println("export: " + e.getMessage());
            err.println("usage: export --out DIR");
            return CommandLine.USAGE;
        }
        ExchangeDataset dataset = store.readAll();
        audit.exported(dataset);
        ExchangeWriter.writeDirectory(dataset, directory);
        out.printf(
                "Exported %d authorities, %d homes and %d children to %s.%n",
                dataset.authorities().size(),
                dataset.homes().size(),
                dataset.children().size(),
                directory);
        return CommandLine.OK;
    }
}
