package uk.rcc.matching;

import java.util.Arrays;
import java.util.List;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;
import uk.rcc.exchange.ExchangeDataset.KeyPlaceRow;
import uk.rcc.matching.policy.Geo;
import uk.rcc.matching.policy.MatchingPolicy;

/**
 * The k cheapest of a child's valid homes by total cost (ties to the lower home index), without computing every
 * great-circle distance. A home's latitude difference alone bounds its distances from below (a great circle is
 * never shorter than the north–south part of it), which gives each home a cheap lower bound on its cost; exact
 * costs are computed only for homes whose bound could still put them among the k cheapest. The answer is the
 * same as ranking every home on its exact cost (tested).
 */
final class CheapestHomes {
    /** A ranked home packs its cost above its index in one long, so a primitive sort ranks them. */
    static final int INDEX_BITS = 22;

    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

    /** The cost of a child in a home: all of it, and the part that needs no distance. */
    interface ExactCost {
        long totalHundredths(ChildRow child, HomeRow home, List<KeyPlaceRow> keyPlaces);

        long termsWithoutDistance(ChildRow child, HomeRow home);
    }

    private CheapestHomes() {}

    /** @return up to k home indices from {@code homes[0..count)}, cheapest first */
    static int[] select(
            ChildRow child,
            List<KeyPlaceRow> keyPlaces,
            List<HomeRow> rows,
            int[] homes,
            int count,
            int k,
            MatchingPolicy weights,
            ExactCost exact) {
        long[] ranked = new long[count];
        boolean bounded =
                count > 2 * k && weights.pointsPerKmToSchool() >= 0 && weights.pointsPerKmPerMonthlyVisit() >= 0;
        if (!bounded) {
            for (int i = 0; i < count; i++) {
                ranked[i] = exact.totalHundredths(child, rows.get(homes[i]), keyPlaces) << INDEX_BITS | homes[i];
            }
            return firstIndices(ranked, count, k);
        }
        long[] bound = new long[count];
        for (int i = 0; i < count; i++) {
            bound[i] = lowerBound(child, keyPlaces, rows.get(homes[i]), weights, exact);
        }
        long kthBound = kthSmallest(bound.clone(), count, k);
        // exact costs of the k (or more) homes with the smallest bounds give a cost the k cheapest cannot exceed
        int computed = 0;
        boolean[] done = new boolean[count];
        for (int i = 0; i < count; i++) {
            if (bound[i] <= kthBound) {
                ranked[computed++] =
                        exact.totalHundredths(child, rows.get(homes[i]), keyPlaces) << INDEX_BITS | homes[i];
                done[i] = true;
            }
        }
        long ceiling = kthSmallest(Arrays.copyOf(ranked, computed), computed, k) >> INDEX_BITS;
        for (int i = 0; i < count; i++) {
            if (!done[i] && bound[i] <= ceiling) {
                ranked[computed++] =
                        exact.totalHundredths(child, rows.get(homes[i]), keyPlaces) << INDEX_BITS | homes[i];
            }
        }
        return firstIndices(ranked, computed, k);
    }

    /**
     * Never more than the exact total: the distance terms use only the latitude difference and each rounded term
     * may lose half a hundredth (one whole hundredth is allowed per term for floating-point error).
     */
    private static long lowerBound(
            ChildRow child, List<KeyPlaceRow> keyPlaces, HomeRow home, MatchingPolicy weights, ExactCost exact) {
        double fromLat = child.hasSchool() ? child.schoolLat() : child.homeLat();
        double points = weights.pointsPerKmToSchool() * northSouthKm(fromLat, home.lat());
        double keyPlacePoints = 0;
        for (KeyPlaceRow place : keyPlaces) {
            keyPlacePoints += weights.pointsPerKmPerMonthlyVisit()
                    * place.visitsPerMonth()
                    * northSouthKm(place.lat(), home.lat());
        }
        return (long) Math.floor(points * 100)
                + (long) Math.floor(keyPlacePoints * 100)
                - 2
                + exact.termsWithoutDistance(child, home);
    }

    private static double northSouthKm(double lat1, double lat2) {
        return Geo.EARTH_RADIUS_KM * Math.abs(Math.toRadians(lat2 - lat1));
    }

    private static int[] firstIndices(long[] ranked, int count, int k) {
        Arrays.sort(ranked, 0, count);
        int[] indices = new int[Math.min(k, count)];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = (int) (ranked[i] & INDEX_MASK);
        }
        return indices;
    }

    /** The k-th smallest of {@code values[0..count)} (1-based k, count >= k), reordering the array. */
    static long kthSmallest(long[] values, int count, int k) {
        int low = 0;
        int high = count - 1;
        int target = k - 1;
        java.util.SplittableRandom random = new java.util.SplittableRandom(count);
        while (low < high) {
            long pivot = values[low + random.nextInt(high - low + 1)];
            int i = low;
            int j = high;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long swap = values[i];
                    values[i++] = values[j];
                    values[j--] = swap;
                }
            }
            if (target <= j) {
                high = j;
            } else if (target >= i) {
                low = i;
            } else {
                return values[target];
            }
        }
        return values[target];
    }
}
