package uk.rcc.imports;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import uk.rcc.exchange.DatasetError;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeReader;
import uk.rcc.exchange.InvalidDatasetException;
import uk.rcc.registry.RegistryStore;

/**
 * Imports an exchange-format data set into the registry: validated whole first, then written in one transaction,
 * so an invalid set or a rule the database enforces at commit leaves everything stored before untouched.
 */
@Service
public class DatasetImporter {
    private static final Logger log = LoggerFactory.getLogger(DatasetImporter.class);
    private final RegistryStore store;
    private final TransactionTemplate transaction;

    public DatasetImporter(RegistryStore store, TransactionTemplate transaction) {
        this.store = store;
        this.transaction = transaction;
    }

    public record ImportSummary(
            int authorities,
            int homes,
            int children,
            int avoidZones,
            int keyPlaces,
            RegistryStore.UpsertCounts changed) {}

    public ImportSummary importDirectory(Path directory) {
        return importDataset(ExchangeReader.readDirectory(directory));
    }

    public ImportSummary importFiles(Map<String, byte[]> files) {
        return importDataset(ExchangeReader.read(files));
    }

    public ImportSummary importDataset(ExchangeDataset dataset) {
        try {
            RegistryStore.UpsertCounts changed = transaction.execute(status -> store.upsert(dataset));
            ImportSummary summary = new ImportSummary(
                    dataset.authorities().size(),
                    dataset.homes().size(),
                    dataset.children().size(),
                    dataset.avoidZones().size(),
                    dataset.keyPlaces().size(),
                    changed);
            log.info(
                    "Imported data set as of {}: {} homes, {} children ({} homes and {} children changed)",
                    dataset.asOf(),
                    summary.homes(),
                    summary.children(),
                    changed.homes(),
                    changed.children());
            return summary;
        } catch (DataIntegrityViolationException e) {
            throw new InvalidDatasetException(List.of(new DatasetError(
                    "children.csv",
                    0,
                    "current_home_id",
                    "the registry rejected the data set together with what it already holds: " + rootMessage(e))));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.toString() : root.getMessage();
        int detail = message.indexOf("\n");
        return detail > 0 ? message.substring(0, detail) : message;
    }
}
