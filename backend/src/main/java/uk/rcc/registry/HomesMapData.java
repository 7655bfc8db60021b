package uk.rcc.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;
import uk.rcc.exchange.Codes;
import uk.rcc.registry.RegistrySnapshot.PlacedHome;
import uk.rcc.registry.RegistryVersion.Versioned;
import uk.rcc.registry.RegistryViews.MapHome;

/**
 * The homes register as JSON (every home with what the map draws and filters on, its vacancies included, no
 * child named), built once per registry version:
 * officers all read the same megabytes, so building them per request was most of the map's cost under load. A
 * change usually touches one or two homes, so each home's JSON is kept and reused while its view is unchanged;
 * the gzip copy is made when a client first asks for it.
 */
@Service
class HomesMapData {
    private final ObjectMapper json;
    private final RegistrySnapshot snapshot;
    private final HomeAvailability availability;
    private volatile Versioned<Payload> payload;
    private Map<MapHome, byte[]> fragments = Map.of();

    HomesMapData(RegistrySnapshot snapshot, HomeAvailability availability, ObjectMapper json) {
        this.json = json;
        this.snapshot = snapshot;
        this.availability = availability;
    }

    static final class Payload {
        private final byte[] json;
        private final java.time.LocalDate day;
        private volatile byte[] gzip;

        Payload(byte[] json, java.time.LocalDate day) {
            this.json = json;
            this.day = day;
        }

        /** The day the payload's stale flags hold for: a vacancy turns stale at midnight without any change. */
        java.time.LocalDate day() {
            return day;
        }

        byte[] json() {
            return json;
        }

        /**
         * Compressed once per version, by the first request that asks: the others wait for it rather than each
         * compressing the same megabyte (every accepted placement makes a new version, and many officers ask for
         * it at once).
         */
        byte[] gzip() {
            byte[] zipped = gzip;
            if (zipped == null) {
                synchronized (this) {
                    zipped = gzip;
                    if (zipped == null) {
                        zipped = compress(json);
                        gzip = zipped;
                    }
                }
            }
            return zipped;
        }
    }

    /**
     * The payload for the snapshot's version and today, tagged with that version (no database work under the
     * lock).
     */
    Versioned<Payload> current() {
        Versioned<List<PlacedHome>> homes = snapshot.homes();
        Versioned<Map<String, HomeAvailability.Status>> statuses = availability.statuses();
        java.time.LocalDate today = HomeAvailability.today();
        Versioned<Payload> built = payload;
        if (upToDate(built, homes, today)) {
            return built;
        }
        synchronized (this) {
            built = payload;
            if (!upToDate(built, homes, today)) {
                built = new Versioned<>(homes.version(), build(homes.value(), statuses.value(), today));
                payload = built;
            }
            return built;
        }
    }

    private static boolean upToDate(Versioned<Payload> built, Versioned<?> homes, java.time.LocalDate today) {
        return built != null
                && built.version() >= homes.version()
                && built.value().day().equals(today);
    }

    /** Called under this object's lock, so the fragments map is only touched by one thread at a time. */
    private Payload build(
            List<PlacedHome> homes, Map<String, HomeAvailability.Status> statuses, java.time.LocalDate today) {
        Map<MapHome, byte[]> reused = new HashMap<>(homes.size() * 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream(homes.size() * 330);
        out.write('[');
        for (PlacedHome home : homes) {
            MapHome view = view(home, statuses.get(home.row().homeId()), today);
            byte[] fragment = fragments.get(view);
            if (fragment == null) {
                fragment = json.writeValueAsBytes(view);
            }
            reused.put(view, fragment);
            if (out.size() > 1) {
                out.write(',');
            }
            out.writeBytes(fragment);
        }
        out.write(']');
        fragments = reused;
        return new Payload(out.toByteArray(), today);
    }

    /** A home without a status row (added since the statuses were read) shows as confirmed today, not stale. */
    private MapHome view(PlacedHome home, HomeAvailability.Status status, java.time.LocalDate today) {
        var row = home.row();
        int occupied = home.residents().size();
        String availability =
                status == null || "AVAILABLE".equals(status.availability()) ? null : status.availability();
        return new MapHome(
                row.homeId(),
                row.name(),
                row.kind().name(),
                row.provider().name(),
                row.authorityCode(),
                row.lat(),
                row.lon(),
                row.places(),
                Math.max(0, row.places() - occupied),
                row.minAge(),
                row.maxAge(),
                names(row.needsMet()),
                row.available(),
                availability,
                status == null ? null : status.availableFrom(),
                status == null
                        ? today
                        : status.vacancyConfirmedAt()
                                .atZone(HomeAvailability.ENGLAND)
                                .toLocalDate(),
                status != null && this.availability.isStale(status.vacancyConfirmedAt(), today));
    }

    private static Set<String> names(Set<Codes.Need> needs) {
        Set<String> names = new LinkedHashSet<>();
        needs.forEach(need -> names.add(need.name()));
        return names;
    }

    private static byte[] compress(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 6);
        // Fastest deflate level: a new registry version (every accepted placement) is compressed once for all
        // officers, and level 1 takes about a third of the default level's time for a slightly larger body.
        try (GZIPOutputStream zip = new GZIPOutputStream(out, 65536) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_SPEED);
            }
        }) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
