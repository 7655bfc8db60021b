package uk.rcc.matching.policy;

/** Great-circle distance as exchange format v1 defines it. */
public final class Geo {
    public static final double EARTH_RADIUS_KM = 6371.0088;
    /** The DfE's "placed more than 20 miles from home" threshold. */
    public static final double TWENTY_MILES_KM = 32.187;

    private Geo() {}

    public static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1))
                        * Math.cos(Math.toRadians(lat2))
                        * Math.sin(dLon / 2)
                        * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
