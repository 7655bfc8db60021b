package uk.rcc.registry;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The registry's change counter (table {@code registry_change}, moved on at commit by triggers on homes, children,
 * key places and avoid zones). What is built from the registry can be kept under the counter's value and reused
 * until the counter moves, on this instance or another.
 */
@Service
public class RegistryVersion {
    private final JdbcTemplate jdbc;

    public RegistryVersion(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long current() {
        return jdbc.queryForObject("SELECT version FROM registry_change WHERE id = 1", Long.class);
    }

    /** A value built from the registry, rebuilt only after the registry has changed. */
    public <T> Cached<T> cache(Supplier<T> builder) {
        return new Cached<>(this, builder);
    }

    public record Versioned<T>(long version, T value) {}

    public static final class Cached<T> {
        private final RegistryVersion registry;
        private final Supplier<T> builder;
        private final ReentrantLock building = new ReentrantLock();
        private volatile Versioned<T> latest;

        private Cached(RegistryVersion registry, Supplier<T> builder) {
            this.registry = registry;
            this.builder = builder;
        }

        /**
         * The value for the registry as it is now. The counter is read before the data, so a change committed
         * in between only causes one more rebuild, never a stale value under a new number. While one thread
         * rebuilds, the others go on with the previous value rather than queue up (a request holding a database
         * connection must never wait for a builder that needs one); callers must not hold a connection for the
         * first build.
         */
        public Versioned<T> get() {
            long version = registry.current();
            Versioned<T> value = latest;
            if (value != null && value.version() >= version) {
                return value;
            }
            if (value != null && !building.tryLock()) {
                return value;
            }
            if (value == null) {
                building.lock();
            }
            try {
                value = latest;
                if (value == null || value.version() < version) {
                    value = new Versioned<>(version, builder.get());
                    latest = value;
                }
                return value;
            } finally {
                building.unlock();
            }
        }
    }
}
