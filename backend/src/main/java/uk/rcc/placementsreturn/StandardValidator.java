package uk.rcc.placementsreturn;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.path.P_Link;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks JSON-LD against the standard's SHACL shape with Apache Jena, in-process, and names the child and the field
 * of every result. Severity is judged result by result: any result, a warning included, makes SHACL's own
 * {@code sh:conforms} false, so a return conforms here when it has no result of severity Violation.
 */
public final class StandardValidator {
    private static final String PL = Vocabulary.BASE;
    private static final String SH = "http://www.w3.org/ns/shacl#";
    private static final Node CHILD_ID = NodeFactory.createURI(PL + "childId");
    private static final Node QUALITY_ASSURANCE = NodeFactory.createURI(PL + "qualityAssurance");

    private StandardValidator() {}

    /** One SHACL result: whose record, which field, what is wrong and the value at fault (null when absent). */
    public record Finding(String childId, String field, String message, String value) {
        @Override
        public String toString() {
            return "child " + childId + ": " + field + ": " + message + (value == null ? "" : " (value " + value + ")");
        }
    }

    /**
     * @param withheld results caused only by a section left out on purpose (the council's QualityAssurance), which
     *        the shape requires but the standard's text keeps within the council
     */
    public record Validation(int triples, List<Finding> violations, List<Finding> warnings, List<Finding> withheld) {
        public boolean conforms() {
            return violations.isEmpty();
        }
    }

    /** Validates a return this service wrote; QualityAssurance results are withheld when it left that section out. */
    static Validation validate(String jsonLd, boolean qualityAssuranceWritten) {
        Graph data = parse(StandardFiles.JSON.readTree(jsonLd));
        return judge(data, ShaclValidator.get().validate(StandardFiles.SHAPES, data), !qualityAssuranceWritten);
    }

    /**
     * Validates any JSON-LD document in the standard's terms, such as its own examples: a {@code @context} given as a
     * reference (their {@code "../context.jsonld"}) is replaced by the local copy of the context, never fetched.
     */
    public static Validation validateDocument(String json) {
        JsonNode document = StandardFiles.JSON.readTree(json);
        if (document instanceof ObjectNode object
                && (object.get("@context") == null || object.get("@context").isString())) {
            object.set("@context", StandardFiles.CONTEXT);
        }
        Graph data = parse(document);
        return judge(data, ShaclValidator.get().validate(StandardFiles.SHAPES, data), false);
    }

    /**
     * Without a base IRI, as the standard's own validator reads its examples: a plain label where an IRI is expected
     * is then dropped (and logged by the JSON-LD reader) instead of becoming a document-relative IRI.
     */
    private static Graph parse(JsonNode document) {
        Graph graph = GraphFactory.createDefaultGraph();
        try {
            RDFParser.fromString(StandardFiles.JSON.writeValueAsString(document), Lang.JSONLD)
                    .base(null)
                    .parse(graph);
        } catch (RiotException e) {
            throw new IllegalArgumentException("not readable as JSON-LD: " + e.getMessage(), e);
        }
        return graph;
    }

    private static Validation judge(Graph data, ValidationReport report, boolean qualityAssuranceWithheld) {
        List<Finding> violations = new ArrayList<>();
        List<Finding> warnings = new ArrayList<>();
        List<Finding> withheld = new ArrayList<>();
        for (ReportEntry entry : report.getEntries()) {
            Finding finding = new Finding(
                    childOf(data, entry.focusNode()),
                    field(entry),
                    entry.message(),
                    entry.value() == null ? null : text(entry.value()));
            if (qualityAssuranceWithheld
                    && entry.resultPath() instanceof P_Link link
                    && link.getNode().equals(QUALITY_ASSURANCE)) {
                withheld.add(finding);
            } else if (entry.severity().equals(Severity.Violation)) {
                violations.add(finding);
            } else {
                warnings.add(finding);
            }
        }
        return new Validation(data.size(), sorted(violations), sorted(warnings), sorted(withheld));
    }

    /** By child, then field, so a council reads each child's problems together. */
    private static List<Finding> sorted(List<Finding> findings) {
        return findings.stream()
                .sorted(java.util.Comparator.comparing(Finding::childId).thenComparing(Finding::field))
                .toList();
    }

    /** The childId of the record a node belongs to: the node's own, or that of the record that links to it. */
    private static String childOf(Graph data, Node focus) {
        Optional<String> own = childIdOf(data, focus);
        if (own.isPresent()) {
            return own.get();
        }
        return data.find(Node.ANY, Node.ANY, focus).toList().stream()
                .map(Triple::getSubject)
                .map(record -> childIdOf(data, record))
                .flatMap(Optional::stream)
                .findFirst()
                .orElse("(no childId) " + text(focus));
    }

    private static Optional<String> childIdOf(Graph data, Node node) {
        return data.find(node, CHILD_ID, Node.ANY).toList().stream()
                .map(t -> t.getObject().getLiteralLexicalForm())
                .findFirst();
    }

    /**
     * The result's path; a result without one comes from an "Other needs free text" rule ({@code sh:not} over two
     * property shapes), whose field is the free text the rule asks for (the one it allows no value of).
     */
    private static String field(ReportEntry entry) {
        if (entry.resultPath() instanceof P_Link link) {
            return localName(link.getNode());
        }
        Graph shapes = StandardFiles.SHAPE_GRAPH;
        for (Triple not : shapes.find(entry.source(), uri(SH + "not"), Node.ANY).toList()) {
            for (Triple property :
                    shapes.find(not.getObject(), uri(SH + "property"), Node.ANY).toList()) {
                Node shape = property.getObject();
                boolean forbidsValues = shapes.find(shape, uri(SH + "maxCount"), Node.ANY).toList().stream()
                        .anyMatch(t -> "0".equals(t.getObject().getLiteralLexicalForm()));
                if (forbidsValues) {
                    return shapes.find(shape, uri(SH + "path"), Node.ANY).toList().stream()
                            .map(t -> localName(t.getObject()))
                            .findFirst()
                            .orElse("-");
                }
            }
        }
        return entry.resultPath() == null ? "-" : entry.resultPath().toString();
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static String localName(Node node) {
        String iri = node.getURI();
        return iri.substring(Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#')) + 1);
    }

    private static String text(Node node) {
        return node.isLiteral() ? node.getLiteralLexicalForm() : node.isURI() ? node.getURI() : node.toString();
    }
}
