package uk.rcc.imports;

import java.util.Collection;
import org.springframework.stereotype.Component;
import uk.rcc.audit.AuditLog;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.security.Viewer;

/**
 * The audit rows of an import and of an export, one definition for the HTTP API and the headless commands: the
 * actor is whoever is signed in (a web user, or a command's {@code --actor}).
 */
@Component
class DatasetAudit {
    private final AuditLog audit;

    DatasetAudit(AuditLog audit) {
        this.audit = audit;
    }

    void imported(DatasetImporter.ImportSummary summary, Collection<String> files) {
        audit.record(
                Viewer.current().username(),
                "IMPORT",
                null,
                summary.homes() + " homes, " + summary.children() + " children from " + files);
    }

    void exported(ExchangeDataset dataset) {
        audit.record(
                Viewer.current().username(),
                "EXPORT",
                null,
                dataset.children().size() + " children, " + dataset.homes().size() + " homes");
    }
}
