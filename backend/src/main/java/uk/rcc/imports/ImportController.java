package uk.rcc.imports;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeWriter;
import uk.rcc.registry.RegistryStore;

/** Upload of a data set's files (all or nothing) and download of the registry, in exchange format v1. */
@RestController
@RequestMapping("/api")
class ImportController {
    private final DatasetImporter importer;
    private final RegistryStore store;
    private final DatasetAudit audit;

    ImportController(DatasetImporter importer, RegistryStore store, DatasetAudit audit) {
        this.importer = importer;
        this.store = store;
        this.audit = audit;
    }

    /** Multipart upload: each part is one file of the data set, named by its file name (homes.csv, ...). */
    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('COMMISSIONER', 'ADMIN')")
    DatasetImporter.ImportSummary upload(@RequestParam("files") List<MultipartFile> files) {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (MultipartFile file : files) {
            String name = file.getOriginalFilename() == null
                    ? file.getName()
                    : file.getOriginalFilename().replaceAll(".*[/\\\\]", "");
            try {
                contents.put(name, file.getBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        DatasetImporter.ImportSummary summary = importer.importFiles(contents);
        audit.imported(summary, contents.keySet());
        return summary;
    }

    @GetMapping("/exports/dataset.zip")
    @PreAuthorize("hasAnyRole('COMMISSIONER', 'ADMIN')")
    void download(HttpServletResponse response) throws IOException {
        ExchangeDataset dataset = store.readAll();
        audit.exported(dataset);
        response.setContentType("application/zip");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rcc-dataset-" + dataset.asOf() + ".zip\"");
        ExchangeWriter.writeZip(dataset, response.getOutputStream());
    }
}
