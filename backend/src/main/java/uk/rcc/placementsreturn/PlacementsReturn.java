package uk.rcc.placementsreturn;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The national placements return for a period: one record per child and placement that started in it, and every
 * field the standard requires that our data does not hold for a record.
 *
 * @param authority the council whose children it covers, or null for every council of the co-operative
 * @param qualityAssurance whether the QualityAssurance section (officers and dates) is written: it is the council's
 *        own record, so only when asked
 */
public record PlacementsReturn(
        LocalDate from,
        LocalDate to,
        String authority,
        boolean qualityAssurance,
        List<FoundPlacement> placements,
        List<MissingField> missing) {

    /** A field the shape requires, whose code list has no "not known", and that our data does not hold. */
    public record MissingField(String childId, String placementId, String field, String column, String why) {
        @Override
        public String toString() {
            return "child " + childId + ", placement " + placementId + ": " + field + " (" + column + ") is missing: "
                    + why;
        }
    }

    static PlacementsReturn of(
            LocalDate from, LocalDate to, String authority, boolean qualityAssurance, List<FoundPlacement> found) {
        List<FoundPlacement> placements = found.stream()
                .sorted(Comparator.comparing((FoundPlacement p) -> p.child().childId())
                        .thenComparing(FoundPlacement::startedOn))
                .toList();
        List<MissingField> missing = new ArrayList<>();
        for (FoundPlacement placement : placements) {
            for (ReturnFields.Field field : written(qualityAssurance)) {
                if (field.required() && field.value().apply(placement) == null) {
                    missing.add(new MissingField(
                            placement.child().childId(),
                            placement.placementId(),
                            field.property(),
                            field.column(),
                            field.whyMissing()));
                }
            }
        }
        return new PlacementsReturn(from, to, authority, qualityAssurance, placements, List.copyOf(missing));
    }

    /** The fields a return writes: all of them, or all but the quality-assurance section's. */
    static List<ReturnFields.Field> written(boolean qualityAssurance) {
        return ReturnFields.ALL.stream()
                .filter(f -> qualityAssurance || f.section() != ReturnFields.Section.QUALITY_ASSURANCE)
                .toList();
    }

    /** A file name such as {@code placements-return-2026-04-01-2026-06-30-E06000063}. */
    public String baseName() {
        return "placements-return-" + from + "-" + to + (authority == null ? "" : "-" + authority);
    }
}
