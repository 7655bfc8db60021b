package uk.rcc.placementsreturn;

import java.util.ArrayList;
import java.util.List;
import uk.rcc.placementsreturn.StandardValidator.Validation;

/** A return in its three forms, with the validation of its JSON-LD against the standard's shape. */
public record WrittenReturn(PlacementsReturn placementsReturn, String jsonLd, Validation validation) {

    public static WrittenReturn of(PlacementsReturn placementsReturn) {
        String json = JsonLdWriter.write(placementsReturn);
        return new WrittenReturn(
                placementsReturn, json, StandardValidator.validate(json, placementsReturn.qualityAssurance()));
    }

    public byte[] spreadsheet() {
        return DataCollectionLayout.spreadsheet(placementsReturn);
    }

    public byte[] csv() {
        return DataCollectionLayout.csv(placementsReturn);
    }

    /** The validation report: violations first, then warnings, then what was withheld or is missing. */
    public List<String> reportLines() {
        List<String> lines = new ArrayList<>();
        lines.add(placementsReturn.placements().size() + " placement(s) started " + placementsReturn.from() + " to "
                + placementsReturn.to()
                + (placementsReturn.authority() == null
                        ? " in every council"
                        : " for council " + placementsReturn.authority())
                + ": "
                + (validation.conforms() ? "conforms to" : "does NOT conform to")
                + " the Children's Social Care Placements Standard (draft 01) SHACL shape.");
        lines.add("Violations: " + validation.violations().size());
        validation.violations().forEach(v -> lines.add("  " + v));
        lines.add("Warnings: " + validation.warnings().size());
        validation.warnings().forEach(w -> lines.add("  " + w));
        if (!placementsReturn.qualityAssurance()) {
            lines.add("Withheld: the QualityAssurance section (the council's own record; ask for it to include it): "
                    + validation.withheld().size() + " record(s) without it");
        }
        lines.add("Fields our data does not hold: " + placementsReturn.missing().size());
        placementsReturn.missing().forEach(m -> lines.add("  " + m));
        return lines;
    }
}
