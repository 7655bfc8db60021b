package uk.rcc.matching.runs;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The co-operative's constraint weights as stored, versioned data: every change adds a row, and a run records the
 * weights it used. Without any stored set the reference policy's weights apply.
 */
@Service
public class WeightSets {
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ReferenceWeights reference;

    public WeightSets(JdbcTemplate jdbc, ObjectMapper json, ReferenceWeights reference) {
        this.jdbc = jdbc;
        this.json = json;
        this.reference = reference;
    }

    public record WeightSet(Long id, Map<String, Double> weights) {}

    public WeightSet current() {
        return jdbc
                .query(
                        "SELECT id, weights FROM weight_set ORDER BY id DESC LIMIT 1",
                        (rs, i) -> new WeightSet(rs.getLong(1), parse(rs.getString(2))))
                .stream()
                .findFirst()
                .orElseGet(() -> new WeightSet(null, reference.weights()));
    }

    /** Stores a new version; unknown names are refused so a typo cannot silently do nothing. */
    public WeightSet save(Map<String, Double> changes, String by, String note) {
        Map<String, Double> weights = new LinkedHashMap<>(current().weights());
        changes.forEach((name, value) -> {
            if (!weights.containsKey(name)) {
                throw new IllegalArgumentException("unknown weight '" + name + "'; known: " + weights.keySet());
            }
            if (value == null || !Double.isFinite(value) || value < 0) {
                throw new IllegalArgumentException("weight '" + name + "' must be a number of at least 0");
            }
            weights.put(name, value);
        });
        Long id = jdbc.queryForObject(
                "INSERT INTO weight_set (created_by, note, weights) VALUES (?, ?, ?) " + "RETURNING id",
                Long.class,
                by,
                note,
                json.writeValueAsString(weights));
        return new WeightSet(id, weights);
    }

    public String toJson(Map<String, Double> weights) {
        return json.writeValueAsString(weights);
    }

    private Map<String, Double> parse(String text) {
        return json.readValue(text, new TypeReference<LinkedHashMap<String, Double>>() {});
    }
}
