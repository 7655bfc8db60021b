package uk.rcc.matching.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeDataset.AuthorityRow;
import uk.rcc.exchange.ExchangeDataset.AvoidZoneRow;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;
import uk.rcc.exchange.ExchangeDataset.KeyPlaceRow;
import uk.rcc.matching.policy.MatchingPolicy;
import uk.rcc.matching.shortlist.ShortlistService;
import uk.rcc.registry.RegistrySnapshot;
import uk.rcc.registry.RegistrySnapshot.PlacedHome;

/**
 * Times the shortlist for one child — the ranking and explanation code the HTTP shortlist runs
 * ({@link ShortlistService#rank}) — over a generated co-operative held in memory the way the service holds it
 * ({@link RegistrySnapshot#placedHomes}). What the service reads from the database per request (the child, their key
 * places and avoid zones, the as-of date, the council's name) is looked up in maps here, so the figures leave out
 * those queries, the audit insert, the session and HTTP.
 */
final class ShortlistBenchmark {

    /**
     * @param validHomes valid homes (not excluded) for each timed call, in call order
     * @param nanos      time of each timed call
     */
    record Result(int homes, int children, int awaiting, int k, int warmup, int[] validHomes, long[] nanos, long seed) {

        int calls() {
            return nanos.length;
        }

        double percentileMs(double p) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100 * sorted.length); // nearest-rank percentile
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
        }

        double meanMs() {
            return Arrays.stream(nanos).average().orElse(Double.NaN) / 1e6;
        }

        double callsPerSecond() {
            return nanos.length / (Arrays.stream(nanos).sum() / 1e9);
        }

        double meanValidHomes() {
            return Arrays.stream(validHomes).average().orElse(Double.NaN);
        }
    }

    /** A co-operative in memory, as the service holds it, and the per-child rows it reads per request. */
    static final class Registry {
        final List<PlacedHome> homes;
        final List<ChildRow> awaiting;
        final int children;
        private final Map<String, ChildRow> childById = new HashMap<>();
        private final Map<String, List<AvoidZoneRow>> zones = new HashMap<>();
        private final Map<String, List<KeyPlaceRow>> keyPlaces = new HashMap<>();
        private final Map<String, String> councilNames = new HashMap<>();
        private final java.time.LocalDate asOf;
        private final MatchingPolicy policy;

        Registry(ExchangeDataset dataset, MatchingPolicy policy) {
            // The snapshot reads homes ORDER BY home_id; every home has version 0 in a freshly imported registry.
            List<HomeRow> sorted = dataset.homes().stream()
                    .sorted(Comparator.comparing(HomeRow::homeId))
                    .toList();
            this.homes = RegistrySnapshot.placedHomes(sorted, id -> 0, dataset.children());
            this.awaiting = dataset.children().stream()
                    .filter(ChildRow::awaiting)
                    .sorted(Comparator.comparing(ChildRow::childId))
                    .toList();
            this.children = dataset.children().size();
            dataset.children().forEach(c -> childById.put(c.childId(), c));
            dataset.avoidZones()
                    .forEach(z -> zones.computeIfAbsent(z.childId(), c -> new ArrayList<>())
                            .add(z));
            dataset.keyPlaces()
                    .forEach(p -> keyPlaces
                            .computeIfAbsent(p.childId(), c -> new ArrayList<>())
                            .add(p));
            dataset.authorities().forEach((AuthorityRow a) -> councilNames.put(a.authorityCode(), a.name()));
            this.asOf = dataset.asOf();
            this.policy = policy;
        }

        /** What {@link ShortlistService#forChild} returns for this child, without the database. */
        ShortlistService.Shortlist shortlist(String childId, int k) {
            ChildRow child = childById.get(childId);
            if (child == null) {
                throw new IllegalArgumentException("no child " + childId);
            }
            return ShortlistService.rank(
                    child,
                    homes,
                    zones.getOrDefault(childId, List.of()),
                    keyPlaces.getOrDefault(childId, List.of()),
                    asOf,
                    policy,
                    k,
                    code -> councilNames.getOrDefault(code, code));
        }
    }

    private ShortlistBenchmark() {}

    /** Warm-up calls, then timed calls, each for an awaiting child drawn at random (seeded), on this thread. */
    static Result measure(Registry registry, int k, int warmup, int calls, long seed) {
        if (registry.awaiting.isEmpty()) {
            throw new IllegalArgumentException("the co-operative has no awaiting child to shortlist");
        }
        Random random = new Random(seed);
        long checksum = 0;
        for (int i = 0; i < warmup; i++) {
            checksum +=
                    registry.shortlist(pick(registry, random), k).candidates().size();
        }
        long[] nanos = new long[calls];
        int[] valid = new int[calls];
        for (int i = 0; i < calls; i++) {
            String childId = pick(registry, random);
            long start = System.nanoTime();
            ShortlistService.Shortlist shortlist = registry.shortlist(childId, k);
            nanos[i] = System.nanoTime() - start;
            valid[i] = shortlist.homesConsidered() - shortlist.excluded().total();
            checksum += shortlist.candidates().size();
        }
        if (checksum < 0) { // keeps the results live; never true
            throw new AssertionError(checksum);
        }
        return new Result(
                registry.homes.size(), registry.children, registry.awaiting.size(), k, warmup, valid, nanos, seed);
    }

    private static String pick(Registry registry, Random random) {
        return registry.awaiting.get(random.nextInt(registry.awaiting.size())).childId();
    }

    static String line(Result r) {
        return String.format(
                Locale.ROOT,
                "  shortlist: %d calls, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, "
                        + "%.0f calls/s; %.0f valid homes per child (mean)",
                r.calls(),
                r.percentileMs(50),
                r.percentileMs(95),
                r.percentileMs(99),
                r.percentileMs(100),
                r.callsPerSecond(),
                r.meanValidHomes());
    }

    static String table(Result r) {
        int minValid = Arrays.stream(r.validHomes()).min().orElse(0);
        int maxValid = Arrays.stream(r.validHomes()).max().orElse(0);
        StringBuilder md = new StringBuilder();
        md.append("| homes / children | awaiting children | K | warm-up calls | timed calls | valid homes per child, "
                + "mean (min–max) | p50 ms | p95 ms | p99 ms | max ms | mean ms | calls/s (1 thread) |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        md.append(String.format(
                Locale.ROOT,
                "| %,d / %,d | %,d | %d | %,d | %,d | %.0f (%d–%d) | %.2f | %.2f | %.2f " + "| %.2f | %.2f | %.0f |%n",
                r.homes(),
                r.children(),
                r.awaiting(),
                r.k(),
                r.warmup(),
                r.calls(),
                r.meanValidHomes(),
                minValid,
                maxValid,
                r.percentileMs(50),
                r.percentileMs(95),
                r.percentileMs(99),
                r.percentileMs(100),
                r.meanMs(),
                r.callsPerSecond()));
        md.append("\nShortlist for one awaiting child drawn at random (seed ")
                .append(r.seed())
                .append("), one thread: `ShortlistService.rank`, the ranking and explanation the HTTP shortlist "
                        + "runs, over the registry held in memory as `RegistrySnapshot` holds it. Not included: the "
                        + "service's per-request queries (child, key places, avoid zones, as-of date, council name), "
                        + "the audit insert, the session and HTTP.\n");
        return md.toString();
    }
}
