package uk.rcc.placementsreturn;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.rcc.placementsreturn.ReturnFields.Field;
import uk.rcc.placementsreturn.ReturnFields.Section;
import uk.rcc.placementsreturn.Vocabulary.Concept;

/**
 * Writes a return as one JSON-LD document: the standard's context inlined, and a {@code @graph} of {@code Placement}
 * records whose six parts are nodes of their own. It avoids the traps of draft 01: code values are the concepts'
 * local names, {@code outOfLAReason} a compact IRI, and costs strings such as {@code "4512.50"} (a fractional JSON
 * number would become an exponent-form decimal the shape rejects).
 */
final class JsonLdWriter {
    private JsonLdWriter() {}

    static String write(PlacementsReturn placementsReturn) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("@context", StandardFiles.CONTEXT);
        document.put(
                "@graph",
                placementsReturn.placements().stream()
                        .map(p -> record(p, placementsReturn.qualityAssurance()))
                        .toList());
        return StandardFiles.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document);
    }

    static Map<String, Object> record(FoundPlacement placement, boolean qualityAssurance) {
        String id = "urn:rcc:placement:" + placement.placementId();
        Map<Section, Map<String, Object>> nodes = new EnumMap<>(Section.class);
        for (Field field : PlacementsReturn.written(qualityAssurance)) {
            Object value = field.value().apply(placement);
            if (value == null) {
                continue;
            }
            nodes.computeIfAbsent(field.section(), s -> node(s, id)).put(field.property(), json(field, value));
        }
        Map<String, Object> record = nodes.get(Section.PLACEMENT);
        nodes.forEach((section, node) -> {
            if (section != Section.PLACEMENT) {
                record.put(section.property, node);
            }
        });
        return record;
    }

    private static Map<String, Object> node(Section section, String placementId) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("@id", section == Section.PLACEMENT ? placementId : placementId + "/" + section.idSuffix);
        node.put("@type", section.type);
        return node;
    }

    private static Object json(Field field, Object value) {
        return switch (field.kind()) {
            case CONCEPT -> ((Concept) value).name();
            case CONCEPTS ->
                ((Collection<?>) value).stream().map(c -> ((Concept) c).name()).toList();
            case CONCEPT_IRI -> "olr:" + ((Concept) value).name();
            case MONEY -> money((Double) value);
            case DATE -> value.toString();
            case TEXTS -> List.copyOf((Collection<?>) value);
            case TEXT, COUNT, BOOLEAN, BOOLEAN_INVERTED_IN_SHEET -> value;
        };
    }

    static String money(double pounds) {
        return BigDecimal.valueOf(pounds).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
