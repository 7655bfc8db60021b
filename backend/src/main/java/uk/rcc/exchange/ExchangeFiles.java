package uk.rcc.exchange;

import java.util.List;

/** File names and columns of exchange format v1 and its 1.1 additions (written after the v1 columns). */
public final class ExchangeFiles {
    private ExchangeFiles() {}

    public static final String DATASET = "dataset.csv";
    public static final String AUTHORITIES = "authorities.csv";
    public static final String HOMES = "homes.csv";
    public static final String CHILDREN = "children.csv";
    public static final String AVOID_ZONES = "avoid_zones.csv";
    public static final String KEY_PLACES = "key_places.csv";
    public static final String PROPOSALS = "proposals.csv";

    /** Files a data set must have; the others may be left out when they would be empty. */
    public static final List<String> REQUIRED = List.of(DATASET, AUTHORITIES, HOMES, CHILDREN);

    public static final List<String> ALL = List.of(DATASET, AUTHORITIES, HOMES, CHILDREN, AVOID_ZONES, KEY_PLACES);

    static final List<String> DATASET_COLUMNS = List.of("as_of", "name");
    static final List<String> AUTHORITY_COLUMNS = List.of("authority_code", "name", "lat", "lon");
    static final List<String> HOME_COLUMNS = List.of(
            "home_id",
            "name",
            "kind",
            "provider",
            "authority_code",
            "lat",
            "lon",
            "places",
            "min_age",
            "max_age",
            "sexes",
            "needs_met",
            "pets",
            "weekly_cost",
            "available",
            "ofsted_urn",
            "postcode_district");
    static final List<String> CHILD_COLUMNS = List.of(
            "child_id",
            "authority_code",
            "date_of_birth",
            "sex",
            "home_lat",
            "home_lon",
            "school_lat",
            "school_lon",
            "sibling_group",
            "needs",
            "placement_kinds",
            "preferred_kinds",
            "alongside",
            "pets",
            "needed_by",
            "current_home_id",
            "may_move",
            "referral_date",
            "placed_on",
            "placement_weekly_cost",
            "cultural_needs",
            "out_of_area_reason");
    static final List<String> AVOID_ZONE_COLUMNS = List.of("child_id", "lat", "lon", "radius_km", "reason");
    static final List<String> KEY_PLACE_COLUMNS = List.of("child_id", "lat", "lon", "kind", "visits_per_month");

    static final List<String> REQUIRED_DATASET_COLUMNS = List.of("as_of");
    static final List<String> REQUIRED_AUTHORITY_COLUMNS = AUTHORITY_COLUMNS;
    static final List<String> REQUIRED_HOME_COLUMNS = List.of(
            "home_id",
            "kind",
            "provider",
            "authority_code",
            "lat",
            "lon",
            "places",
            "min_age",
            "max_age",
            "sexes",
            "weekly_cost");
    static final List<String> REQUIRED_CHILD_COLUMNS =
            List.of("child_id", "authority_code", "date_of_birth", "sex", "home_lat", "home_lon");
    static final List<String> REQUIRED_AVOID_ZONE_COLUMNS = List.of("child_id", "lat", "lon", "radius_km");
    static final List<String> REQUIRED_KEY_PLACE_COLUMNS =
            List.of("child_id", "lat", "lon", "kind", "visits_per_month");
}
