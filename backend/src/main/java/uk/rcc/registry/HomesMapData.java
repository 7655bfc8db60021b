package uk.rcc.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

import org.springframework.stereotype.Service;

import tools.jackson.databind.ObjectMapper;
import uk.rcc.registry.RegistryVersion.Versioned;

/**
 * The homes register as JSON (every home with its vacancies, no child named), serialised once per registry
 * version and kept with a gzip copy: officers all read the same few megabytes, so building them per request was
 * most of the cost of the map under load.
 */
@Service
class HomesMapData {
    private final RegistryVersion.Cached<Payload> payload;

    HomesMapData(RegistryVersion registry, RegistryQueries queries, ObjectMapper json) {
        this.payload = registry.cache(() -> Payload.of(json.writeValueAsBytes(queries.homes())));
    }

    record Payload(byte[] json, byte[] gzip) {
        static Payload of(byte[] json) {
            return new Payload(json, compress(json));
        }
    }

    Versioned<Payload> current() {
        return payload.get();
    }

    private static byte[] compress(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 8);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
