package uk.rcc.sufficiency.board;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import uk.rcc.audit.AuditLog;
import uk.rcc.exchange.DatasetError;
import uk.rcc.exchange.InvalidDatasetException;
import uk.rcc.security.Viewer;
import uk.rcc.sufficiency.Ssda903Reader;

/**
 * Councils' SSDA903 returns into the database: one council's files at a time, validated whole with the same
 * reader the forecast uses, and stored all or nothing (a file of the same name replaces the earlier one).
 */
@RestController
@PreAuthorize("hasRole('COMMISSIONER')")
class ReturnsController {
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_.-]+\\.csv");
    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    ReturnsController(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    record Uploaded(String authority, List<String> files, int children, int skippedRows) {}

    record StoredReturn(String authority, String fileName, int lines, java.time.OffsetDateTime uploadedAt) {}

    @PostMapping(path = "/api/sufficiency/returns", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    Uploaded upload(
            @RequestParam String authority,
            @RequestParam("files") List<MultipartFile> files,
            @RequestParam(defaultValue = "false") boolean lenient)
            throws IOException {
        if (!authority.matches("[A-Za-z0-9 _.-]{1,64}")) {
            throw new IllegalArgumentException("authority must be a council code or name (letters, digits, spaces)");
        }
        Map<String, String> contents = new LinkedHashMap<>();
        for (MultipartFile file : files) {
            String name = file.getOriginalFilename() == null
                    ? ""
                    : file.getOriginalFilename().replaceAll(".*[/\\\\]", "");
            if (!FILE_NAME.matcher(name).matches()) {
                throw new InvalidDatasetException(List.of(new DatasetError(
                        name, 0, "-", "file names must be plain .csv names such as header.csv or episodes_2024.csv")));
            }
            contents.put(name, new String(file.getBytes(), StandardCharsets.UTF_8));
        }
        Ssda903Reader.Result read = validate(authority, contents, lenient);
        contents.forEach((name, content) ->
                jdbc.update("""
                INSERT INTO ssda903_file (authority, file_name, content, uploaded_by) VALUES (?, ?, ?, ?)
                ON CONFLICT (authority, file_name) DO UPDATE SET content = EXCLUDED.content,
                    uploaded_by = EXCLUDED.uploaded_by, uploaded_at = now()""", authority, name, content, Viewer.current().username()));
        audit.record(
                Viewer.current().username(),
                "IMPORT_SSDA903",
                authority,
                contents.keySet().toString());
        return new Uploaded(
                authority,
                List.copyOf(contents.keySet()),
                read.data().children().size(),
                read.skipped().size());
    }

    @GetMapping("/api/sufficiency/returns")
    @PreAuthorize("hasAnyRole('COMMISSIONER', 'BOARD')")
    List<StoredReturn> stored() {
        return jdbc.query(
                "SELECT authority, file_name, length(content) - length(replace(content, E'\\n', '')) AS lines, "
                        + "uploaded_at FROM ssda903_file ORDER BY authority, file_name",
                (rs, i) -> new StoredReturn(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getObject(4, java.time.OffsetDateTime.class)));
    }

    /** Reads the council's stored files together with the new ones, as the forecast will. */
    private Ssda903Reader.Result validate(String authority, Map<String, String> contents, boolean lenient)
            throws IOException {
        Path work = Files.createTempDirectory("rcc-returns");
        try {
            Path folder = Files.createDirectories(work.resolve(authority));
            for (Map<String, Object> stored :
                    jdbc.queryForList("SELECT file_name, content FROM ssda903_file WHERE authority = ?", authority)) {
                Files.writeString(folder.resolve((String) stored.get("file_name")), (String) stored.get("content"));
            }
            for (Map.Entry<String, String> file : contents.entrySet()) {
                Files.writeString(folder.resolve(file.getKey()), file.getValue());
            }
            return Ssda903Reader.read(work, lenient);
        } finally {
            FileSystemUtils.deleteRecursively(work);
        }
    }
}
