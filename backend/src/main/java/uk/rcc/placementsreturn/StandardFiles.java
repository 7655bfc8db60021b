package uk.rcc.placementsreturn;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.Shapes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The standard's files vendored under {@code placements-standard/} (Open Government Licence v3.0, attribution in
 * SOURCE.md there): its SHACL shape, the source of truth, and its JSON-LD context, always read from this local copy.
 */
final class StandardFiles {
    static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String FOLDER = "/placements-standard/";

    /** The context's {@code @context} object, to inline in every document so nothing is fetched. */
    static final JsonNode CONTEXT = JSON.readTree(read("context.jsonld")).get("@context");

    static final Graph SHAPE_GRAPH = shapeGraph();
    static final Shapes SHAPES = Shapes.parse(SHAPE_GRAPH);

    private StandardFiles() {}

    private static Graph shapeGraph() {
        Graph graph = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        RDFParser.fromString(new String(read("shacl-shape.ttl"), java.nio.charset.StandardCharsets.UTF_8), Lang.TURTLE)
                .parse(graph);
        return graph;
    }

    private static byte[] read(String name) {
        try (InputStream in = StandardFiles.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("the placements standard's " + name + " is not packaged");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
