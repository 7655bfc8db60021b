package uk.rcc.exchange;

import static uk.rcc.exchange.ExchangeFiles.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import uk.rcc.exchange.Codes.Alongside;
import uk.rcc.exchange.Codes.CulturalNeeds;
import uk.rcc.exchange.Codes.HomeKind;
import uk.rcc.exchange.Codes.KeyPlaceKind;
import uk.rcc.exchange.Codes.Need;
import uk.rcc.exchange.Codes.OutOfAreaReason;
import uk.rcc.exchange.Codes.PetsRule;
import uk.rcc.exchange.Codes.Provider;
import uk.rcc.exchange.Codes.Sex;
import uk.rcc.exchange.Codes.SexesAccepted;
import uk.rcc.exchange.ExchangeDataset.AuthorityRow;
import uk.rcc.exchange.ExchangeDataset.AvoidZoneRow;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;
import uk.rcc.exchange.ExchangeDataset.KeyPlaceRow;
import uk.rcc.exchange.ExchangeDataset.PlacementDetails;

/**
 * Reads and validates a data set in exchange format v1 or v1.1 (v1.1 only adds optional columns and codes). Either the whole set is valid and returned, or an
 * {@link InvalidDatasetException} lists every error found in every file.
 */
public final class ExchangeReader {
    private static final Pattern AUTHORITY_CODE = Pattern.compile("[EWSN]\\d{8}");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}");
    /** v1.1: the outward part of a UK postcode, the pattern the placements standard's shape checks. */
    public static final Pattern POSTCODE_DISTRICT = Pattern.compile("[A-Z]{1,2}[0-9][0-9A-Z]?");

    private static final Pattern OFSTED_URN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9\\-]{0,19}");
    private static final int MAX_REASON_LENGTH = 500;
    static final int MAX_AGE = 25;

    private final List<DatasetError> errors = new ArrayList<>();

    private ExchangeReader() {}

    public static ExchangeDataset readDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new InvalidDatasetException(
                    List.of(new DatasetError(directory.toString(), 0, "-", "is not a directory")));
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : ALL) {
            Path file = directory.resolve(name);
            if (Files.isRegularFile(file)) {
                try {
                    files.put(name, Files.readAllBytes(file));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
            }
        }
        return read(files);
    }

    /** @param files file contents by file name ({@code homes.csv}, ...); other names are ignored */
    public static ExchangeDataset read(Map<String, byte[]> files) {
        return new ExchangeReader().readAll(files);
    }

    /**
     * One home given as the columns of a {@code homes.csv} row (values as that file writes them: needs joined
     * by ';'), checked by exactly the rules an import applies. Used where homes are edited one at a time, so a
     * home entered by hand and one imported obey one set of rules.
     *
     * @throws InvalidDatasetException listing every problem, each naming its column
     */
    public static HomeRow home(Map<String, String> columns) {
        ExchangeReader reader = new ExchangeReader();
        List<String> names = new ArrayList<>(columns.keySet());
        java.io.StringWriter csv = new java.io.StringWriter();
        try (org.apache.commons.csv.CSVPrinter printer =
                new org.apache.commons.csv.CSVPrinter(csv, org.apache.commons.csv.CSVFormat.RFC4180)) {
            printer.printRecord(names);
            printer.printRecord(names.stream()
                    .map(name -> columns.get(name) == null ? "" : columns.get(name))
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CsvTable table = CsvTable.parse(
                HOMES,
                csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                REQUIRED_HOME_COLUMNS,
                reader.errors);
        List<HomeRow> homes = reader.homes(table);
        if (!reader.errors.isEmpty() || homes.size() != 1) {
            throw new InvalidDatasetException(reader.errors);
        }
        return homes.get(0);
    }

    private ExchangeDataset readAll(Map<String, byte[]> files) {
        for (String name : REQUIRED) {
            if (!files.containsKey(name)) {
                errors.add(new DatasetError(name, 0, "-", "file is missing from the data set"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidDatasetException(errors);
        }
        CsvTable datasetTable = table(files, DATASET, REQUIRED_DATASET_COLUMNS);
        LocalDate asOf = null;
        String name = null;
        if (datasetTable.rows().size() != 1) {
            errors.add(new DatasetError(
                    DATASET,
                    2,
                    "as_of",
                    "the file must have exactly one data row, found "
                            + datasetTable.rows().size()));
        } else {
            CsvTable.Row row = datasetTable.rows().get(0);
            asOf = row.requiredDate("as_of");
            name = row.text("name");
        }
        List<AuthorityRow> authorities = authorities(table(files, AUTHORITIES, REQUIRED_AUTHORITY_COLUMNS));
        CsvTable homeTable = table(files, HOMES, REQUIRED_HOME_COLUMNS);
        List<HomeRow> homes = homes(homeTable);
        Set<String> authorityCodes = new HashSet<>();
        authorities.forEach(a -> authorityCodes.add(a.authorityCode()));
        Map<String, HomeRow> homesById = new HashMap<>();
        homes.forEach(h -> homesById.put(h.homeId(), h));
        CsvTable childTable = table(files, CHILDREN, REQUIRED_CHILD_COLUMNS);
        List<ChildRow> children =
                children(childTable, asOf, authorityCodes, homesById, declaredIds(homeTable, "home_id"));
        // References are checked against every id a file declares, so one bad row does not cascade into others.
        Set<String> childIds = declaredIds(childTable, "child_id");
        List<AvoidZoneRow> avoidZones = avoidZones(table(files, AVOID_ZONES, REQUIRED_AVOID_ZONE_COLUMNS), childIds);
        List<KeyPlaceRow> keyPlaces = keyPlaces(table(files, KEY_PLACES, REQUIRED_KEY_PLACE_COLUMNS), childIds);
        if (!errors.isEmpty()) {
            throw new InvalidDatasetException(errors);
        }
        return new ExchangeDataset(asOf, name, authorities, homes, children, avoidZones, keyPlaces);
    }

    private static Set<String> declaredIds(CsvTable table, String column) {
        Set<String> ids = new HashSet<>();
        table.rows().forEach(row -> {
            String id = row.text(column);
            if (id != null) {
                ids.add(id);
            }
        });
        return ids;
    }

    private CsvTable table(Map<String, byte[]> files, String name, List<String> requiredColumns) {
        byte[] content = files.getOrDefault(name, headerOnly(name));
        return CsvTable.parse(name, content, requiredColumns, errors);
    }

    private static byte[] headerOnly(String name) {
        List<String> columns = name.equals(AVOID_ZONES) ? AVOID_ZONE_COLUMNS : KEY_PLACE_COLUMNS;
        return (String.join(",", columns) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private List<AuthorityRow> authorities(CsvTable table) {
        List<AuthorityRow> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            String code = authorityCode(row, "authority_code");
            String name = row.requiredText("name");
            Double lat = latitude(row, "lat", true);
            Double lon = longitude(row, "lon", true);
            if (code != null && !seen.add(code)) {
                row.error("authority_code", "duplicate authority '" + code + "'");
                continue;
            }
            if (code != null && name != null && lat != null && lon != null) {
                result.add(new AuthorityRow(code, name, lat, lon));
            }
        }
        if (table.rows().isEmpty()) {
            errors.add(new DatasetError(AUTHORITIES, 2, "authority_code", "at least one member council is needed"));
        }
        return result;
    }

    private List<HomeRow> homes(CsvTable table) {
        List<HomeRow> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            String id = identifier(row, "home_id");
            HomeKind kind = row.requiredEnum("kind", HomeKind.class);
            Provider provider = row.requiredEnum("provider", Provider.class);
            String authority = authorityCode(row, "authority_code");
            Double lat = latitude(row, "lat", true);
            Double lon = longitude(row, "lon", true);
            Integer places = row.requiredInt("places", 1, 1000);
            Integer minAge = row.requiredInt("min_age", 0, MAX_AGE);
            Integer maxAge = row.requiredInt("max_age", 0, MAX_AGE);
            SexesAccepted sexes = row.requiredEnum("sexes", SexesAccepted.class);
            Set<Need> needsMet = row.enumSet("needs_met", Need.class, EnumSet.noneOf(Need.class));
            boolean pets = row.optionalBoolean("pets", false);
            Double weeklyCost = row.requiredDouble("weekly_cost", 0, 100_000);
            boolean available = row.optionalBoolean("available", true);
            String ofstedUrn = matching(row, "ofsted_urn", OFSTED_URN, "an Ofsted URN (letters and digits)");
            String postcodeDistrict = matching(
                    row, "postcode_district", POSTCODE_DISTRICT, "the outward part of a postcode, e.g. CA1 or DL14");
            if (minAge != null && maxAge != null && minAge > maxAge) {
                row.error("max_age", "max_age " + maxAge + " is below min_age " + minAge);
                continue;
            }
            if (id != null && !seen.add(id)) {
                row.error("home_id", "duplicate home '" + id + "'");
                continue;
            }
            if (allPresent(id, kind, provider, authority, lat, lon, places, minAge, maxAge, sexes, weeklyCost)) {
                result.add(new HomeRow(
                        id,
                        row.text("name"),
                        kind,
                        provider,
                        authority,
                        lat,
                        lon,
                        places,
                        minAge,
                        maxAge,
                        sexes,
                        needsMet,
                        pets,
                        weeklyCost,
                        available,
                        ofstedUrn,
                        postcodeDistrict));
            }
        }
        return result;
    }

    private List<ChildRow> children(
            CsvTable table,
            LocalDate asOf,
            Set<String> authorityCodes,
            Map<String, HomeRow> homes,
            Set<String> declaredHomeIds) {
        List<ChildRow> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, Integer> livingIn = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String id = identifier(row, "child_id");
            String authority = authorityCode(row, "authority_code");
            if (authority != null && !authorityCodes.isEmpty() && !authorityCodes.contains(authority)) {
                row.error("authority_code", "'" + authority + "' is not a member council in " + AUTHORITIES);
            }
            LocalDate dob = row.requiredDate("date_of_birth");
            if (dob != null && asOf != null && dob.isAfter(asOf)) {
                row.error("date_of_birth", dob + " is after the data set's as_of date " + asOf);
            }
            if (dob != null && asOf != null && dob.plusYears(MAX_AGE + 1).isBefore(asOf)) {
                row.error("date_of_birth", dob + " makes the child older than " + MAX_AGE);
            }
            Sex sex = row.requiredEnum("sex", Sex.class);
            Double homeLat = latitude(row, "home_lat", true);
            Double homeLon = longitude(row, "home_lon", true);
            Double schoolLat = latitude(row, "school_lat", false);
            Double schoolLon = longitude(row, "school_lon", false);
            if ((row.text("school_lat") == null) != (row.text("school_lon") == null)) {
                row.error(
                        row.text("school_lat") == null ? "school_lat" : "school_lon",
                        "school_lat and school_lon must be given together");
            }
            String siblingGroup = row.text("sibling_group");
            if (siblingGroup != null && !IDENTIFIER.matcher(siblingGroup).matches()) {
                row.error("sibling_group", "'" + siblingGroup + "' is not a valid identifier");
            }
            Set<Need> needs = row.enumSet("needs", Need.class, EnumSet.noneOf(Need.class));
            Set<HomeKind> kinds = row.enumSet("placement_kinds", HomeKind.class, EnumSet.of(HomeKind.FOSTER));
            if (kinds.isEmpty()) {
                row.error("placement_kinds", "at least one kind is needed");
            }
            Set<HomeKind> preferred = row.enumSet("preferred_kinds", HomeKind.class, kinds);
            if (!kinds.containsAll(preferred)) {
                row.error(
                        "preferred_kinds", "preferred kinds " + preferred + " must be among placement_kinds " + kinds);
            }
            Alongside alongside = row.optionalEnum("alongside", Alongside.class, Alongside.ANY);
            PetsRule pets = row.optionalEnum("pets", PetsRule.class, PetsRule.ANY);
            LocalDate neededBy = row.optionalDate("needed_by");
            String currentHome = row.text("current_home_id");
            if (currentHome != null && !declaredHomeIds.contains(currentHome)) {
                row.error("current_home_id", "unknown home '" + currentHome + "' (not in " + HOMES + ")");
            } else if (currentHome != null && homes.containsKey(currentHome)) {
                int count = livingIn.merge(currentHome, 1, Integer::sum);
                int places = homes.get(currentHome).places();
                if (count > places) {
                    row.error(
                            "current_home_id",
                            "home '" + currentHome + "' has " + places + " place(s) and this is child number " + count
                                    + " living there");
                }
            }
            boolean mayMove = row.optionalBoolean("may_move", false);
            if (mayMove && currentHome == null) {
                row.error("may_move", "may_move is only for a child who has a current_home_id");
            }
            PlacementDetails details = placementDetails(row, asOf, dob, currentHome);
            if (id != null && !seen.add(id)) {
                row.error("child_id", "duplicate child '" + id + "'");
                continue;
            }
            if (allPresent(id, authority, dob, sex, homeLat, homeLon)) {
                result.add(new ChildRow(
                        id,
                        authority,
                        dob,
                        sex,
                        homeLat,
                        homeLon,
                        schoolLat,
                        schoolLon,
                        siblingGroup,
                        needs,
                        kinds,
                        preferred,
                        alongside,
                        pets,
                        neededBy,
                        currentHome,
                        mayMove,
                        details));
            }
        }
        return result;
    }

    /** The v1.1 columns of a child's row; every one is optional. */
    private static PlacementDetails placementDetails(
            CsvTable.Row row, LocalDate asOf, LocalDate dob, String currentHome) {
        LocalDate referralDate = row.optionalDate("referral_date");
        if (referralDate != null && asOf != null && referralDate.isAfter(asOf)) {
            row.error("referral_date", referralDate + " is after the data set's as_of date " + asOf);
        }
        LocalDate placedOn = row.optionalDate("placed_on");
        if (placedOn != null && currentHome == null) {
            row.error("placed_on", "placed_on is only for a child who has a current_home_id");
        }
        if (placedOn != null && asOf != null && placedOn.isAfter(asOf)) {
            row.error("placed_on", placedOn + " is after the data set's as_of date " + asOf);
        }
        if (placedOn != null && dob != null && placedOn.isBefore(dob)) {
            row.error("placed_on", placedOn + " is before the child's date_of_birth " + dob);
        }
        Double cost = row.optionalDouble("placement_weekly_cost", 0, 100_000);
        if (cost != null && currentHome == null) {
            row.error("placement_weekly_cost", "placement_weekly_cost is only for a child who has a current_home_id");
        }
        CulturalNeeds cultural = row.optionalEnum("cultural_needs", CulturalNeeds.class, CulturalNeeds.NOT_KNOWN);
        return new PlacementDetails(referralDate, placedOn, cost, cultural, outOfAreaReason(row));
    }

    /** A coded reason in its code's spelling; any other text as given. */
    private static String outOfAreaReason(CsvTable.Row row) {
        String value = row.text("out_of_area_reason");
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_REASON_LENGTH) {
            row.error("out_of_area_reason", "is longer than " + MAX_REASON_LENGTH + " characters");
            return null;
        }
        for (OutOfAreaReason code : OutOfAreaReason.values()) {
            if (code.name().equalsIgnoreCase(value)) {
                return code.name();
            }
        }
        return value;
    }

    private static String matching(CsvTable.Row row, String column, Pattern pattern, String what) {
        String value = row.text(column);
        if (value != null && !pattern.matcher(value).matches()) {
            row.error(column, "'" + value + "' is not " + what);
            return null;
        }
        return value;
    }

    private List<AvoidZoneRow> avoidZones(CsvTable table, Set<String> childIds) {
        List<AvoidZoneRow> result = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String childId = knownChild(row, childIds);
            Double lat = latitude(row, "lat", true);
            Double lon = longitude(row, "lon", true);
            Double radius = row.requiredDouble("radius_km", 0.001, 1000);
            if (allPresent(childId, lat, lon, radius)) {
                result.add(new AvoidZoneRow(childId, lat, lon, radius, row.text("reason")));
            }
        }
        return result;
    }

    private List<KeyPlaceRow> keyPlaces(CsvTable table, Set<String> childIds) {
        List<KeyPlaceRow> result = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String childId = knownChild(row, childIds);
            Double lat = latitude(row, "lat", true);
            Double lon = longitude(row, "lon", true);
            KeyPlaceKind kind = row.requiredEnum("kind", KeyPlaceKind.class);
            Double visits = row.requiredDouble("visits_per_month", 0, 100);
            if (allPresent(childId, lat, lon, kind, visits)) {
                result.add(new KeyPlaceRow(childId, lat, lon, kind, visits));
            }
        }
        return result;
    }

    private String knownChild(CsvTable.Row row, Set<String> childIds) {
        String childId = row.requiredText("child_id");
        if (childId != null && !childIds.contains(childId)) {
            row.error("child_id", "unknown child '" + childId + "' (not in " + CHILDREN + ")");
            return null;
        }
        return childId;
    }

    private static String identifier(CsvTable.Row row, String column) {
        String value = row.requiredText(column);
        if (value != null && !IDENTIFIER.matcher(value).matches()) {
            row.error(column, "'" + value + "' is not a valid identifier (letters, digits, '_', '-', '.')");
            return null;
        }
        return value;
    }

    private static String authorityCode(CsvTable.Row row, String column) {
        String value = row.requiredText(column);
        if (value != null && !AUTHORITY_CODE.matcher(value).matches()) {
            row.error(column, "'" + value + "' is not an ONS council code such as E06000057");
            return null;
        }
        return value;
    }

    private static Double latitude(CsvTable.Row row, String column, boolean required) {
        return required ? row.requiredDouble(column, -90, 90) : row.optionalDouble(column, -90, 90);
    }

    private static Double longitude(CsvTable.Row row, String column, boolean required) {
        return required ? row.requiredDouble(column, -180, 180) : row.optionalDouble(column, -180, 180);
    }

    private static boolean allPresent(Object... values) {
        for (Object value : values) {
            if (value == null) {
                return false;
            }
        }
        return true;
    }
}
