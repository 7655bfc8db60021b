package uk.rcc.placementsreturn;

import static uk.rcc.placementsreturn.ReturnFields.Kind.*;
import static uk.rcc.placementsreturn.ReturnFields.Section.*;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import uk.rcc.exchange.Codes.CulturalNeeds;
import uk.rcc.exchange.Codes.HomeKind;
import uk.rcc.exchange.Codes.Need;
import uk.rcc.exchange.Codes.OutOfAreaReason;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.matching.policy.Geo;
import uk.rcc.placementsreturn.Vocabulary.CommunicationNeed;
import uk.rcc.placementsreturn.Vocabulary.CulturalNeed;
import uk.rcc.placementsreturn.Vocabulary.LivingArrangement;
import uk.rcc.placementsreturn.Vocabulary.OutOfLaReason;
import uk.rcc.placementsreturn.Vocabulary.PetsAllowance;
import uk.rcc.placementsreturn.Vocabulary.PlacementType;
import uk.rcc.placementsreturn.Vocabulary.Presence;
import uk.rcc.placementsreturn.Vocabulary.RiskLevel;
import uk.rcc.placementsreturn.Vocabulary.Suitability;
import uk.rcc.placementsreturn.Vocabulary.SupportType;
import uk.rcc.placementsreturn.Vocabulary.Urgency;

/**
 * The one definition of the return's mapping: every field of the standard's {@code Placement}, in the column order of
 * its Data Collection layout, with the spreadsheet column it fills and how its value comes from our data. The JSON-LD,
 * spreadsheet and CSV writers all read this list. A value of null means our data does not hold it.
 */
final class ReturnFields {
    private ReturnFields() {}

    /** The parts of a {@code Placement}: the property linking each to the record, its class, its node's id suffix. */
    enum Section {
        PLACEMENT(null, "Placement", null, null),
        AVAILABILITY(
                "placementAvailability",
                "PlacementAvailability",
                "availability",
                "Determinants of placement availability"),
        REQUIREMENTS("placementRequirements", "PlacementRequirements", "requirements", null),
        RECOMMENDATION(
                "placementRecommendation", "PlacementRecommendation", "recommendation", "Placement Recommendation"),
        RISK("riskAssessment", "RiskAssessment", "risk", "Risks"),
        ACTUAL("actualPlacement", "ActualPlacement", "actual", "Actual Placement"),
        QUALITY_ASSURANCE("qualityAssurance", "QualityAssurance", "qa", "Quality Assurance");

        final String property;
        final String type;
        final String idSuffix;
        /** The heading the layout's first row shows above this section's first column. */
        final String heading;

        Section(String property, String type, String idSuffix, String heading) {
            this.property = property;
            this.type = type;
            this.idSuffix = idSuffix;
            this.heading = heading;
        }
    }

    enum Kind {
        TEXT,
        TEXTS,
        COUNT,
        BOOLEAN,
        /** A yes/no whose spreadsheet question is the opposite of the shape's property. */
        BOOLEAN_INVERTED_IN_SHEET,
        DATE,
        MONEY,
        CONCEPT,
        CONCEPTS,
        /** A concept the context types {@code @id}: written as a compact IRI. */
        CONCEPT_IRI
    }

    /**
     * @param column the Data Collection column, or null when the layout has none
     * @param inSpreadsheet false for the one column the standard's CSV has and its spreadsheet does not
     * @param required the shape requires a value (minCount 1) and its code list has no "not known" to write instead
     * @param whyMissing what the data lacks when the value is null and required
     */
    record Field(
            Section section,
            String property,
            String column,
            boolean inSpreadsheet,
            Kind kind,
            boolean required,
            String whyMissing,
            Function<FoundPlacement, Object> value) {}

    static final List<Field> ALL = fields();

    /** The 44 columns of the standard's spreadsheet, in order. */
    static final List<Field> SPREADSHEET =
            ALL.stream().filter(f -> f.column() != null && f.inSpreadsheet()).toList();

    /** The 45 columns of the standard's CSV layout, in order (the spreadsheet's and the sexual-exploitation risk). */
    static final List<Field> CSV = ALL.stream().filter(f -> f.column() != null).toList();

    private static List<Field> fields() {
        List<Field> f = new ArrayList<>();
        f.add(field(PLACEMENT, "childId", "child_ID", TEXT, p -> p.child().childId()));
        f.add(field(PLACEMENT, "placementId", null, TEXT, FoundPlacement::placementId));
        f.add(required(
                AVAILABILITY,
                "neededBy",
                "when_placement_is_needed_by",
                CONCEPT,
                "needs both the child's referral_date and needed_by (children.csv) on or before the placement's start",
                ReturnFields::urgency));
        f.add(field(
                AVAILABILITY,
                "siblingCount",
                "number_of_siblings_to_place_with",
                COUNT,
                FoundPlacement::siblingsToPlaceWith));
        f.add(field(
                AVAILABILITY,
                "isPreferredLocationLocal",
                "is_preferred_location_local",
                BOOLEAN,
                ReturnFields::preferredLocationLocal));
        f.add(field(AVAILABILITY, "outOfLAReason", "out_of_LA_reason", CONCEPT_IRI, ReturnFields::outOfLaReason));
        f.add(field(AVAILABILITY, "outOfLAReasonOther", null, TEXTS, ReturnFields::outOfLaReasonText));
        f.add(field(
                REQUIREMENTS,
                "communicationNeeds",
                "communication_language_learning_needs",
                CONCEPT,
                p -> communicationNeeds(p).isEmpty() ? Presence.NotSpecified : Presence.Yes));
        f.add(field(
                REQUIREMENTS,
                "specificCommunicationRequirement",
                "specific_communication_and_language_requirements",
                CONCEPTS,
                ReturnFields::communicationNeedsOrNone));
        f.add(field(
                REQUIREMENTS,
                "homeAdaptationRequired",
                "adaptation_to_the_home",
                BOOLEAN,
                p -> needs(p).contains(Need.ADAPTATIONS)));
        f.add(field(REQUIREMENTS, "culturalNeeds", "cultural_needs", CONCEPT, ReturnFields::culturalNeeds));
        f.add(field(
                REQUIREMENTS,
                "livingCompanions",
                "who_can_the_child_be_cared_for_alongside",
                CONCEPT,
                ReturnFields::livingCompanions));
        f.add(field(REQUIREMENTS, "pets", "can_child_live_with_pets", CONCEPT, ReturnFields::pets));
        f.add(field(
                REQUIREMENTS,
                "additionalSupport",
                "additional_support",
                CONCEPTS,
                p -> needs(p).contains(Need.EMOTIONAL) ? List.of(SupportType.TherapeuticSupport) : null));
        f.add(field(REQUIREMENTS, "additionalSupportOther", "additional_support_other", TEXTS, p -> null));
        f.add(field(REQUIREMENTS, "deprivationOfLiberty", "dol", BOOLEAN, p -> null));
        f.add(field(
                RECOMMENDATION,
                "fosterCareSuitability",
                "foster_care_suitability",
                CONCEPT,
                p -> suitability(p.child(), HomeKind.FOSTER)));
        f.add(field(
                RECOMMENDATION,
                "residentialCareSuitability",
                "residential_care_suitability",
                CONCEPT,
                p -> suitability(p.child(), HomeKind.CHILDRENS_HOME)));
        f.add(field(
                RECOMMENDATION,
                "supportedAccommodationSuitability",
                "supported_accommodation",
                CONCEPT,
                p -> suitability(p.child(), HomeKind.SUPPORTED)));
        f.add(risk("riskSelfHarm", "risk_to_child_self_harm", Need.SELF_HARM));
        f.add(risk(
                "riskCriminalExploitation",
                "risk_to_child_criminal_exploitation",
                Need.CRIMINAL_EXPLOITATION,
                Need.EXPLOITATION_RISK));
        f.add(risk("riskDrugAlcohol", "risk_to_child_drug_and_alcohol_use", Need.DRUG_ALCOHOL));
        f.add(risk("riskEatingDisorder", "risk_to_child_eating_disorder", Need.EATING_DISORDER));
        f.add(risk("riskMissing", "risk_to_child_going_missing", Need.GOING_MISSING));
        // The standard's CSV has this column; its spreadsheet does not (see docs/placements-return.md).
        Field sexualExploitation = risk(
                "riskSexualExploitation",
                "risk_to_child_sexual_exploitation",
                Need.SEXUAL_EXPLOITATION,
                Need.EXPLOITATION_RISK);
        f.add(new Field(
                RISK,
                sexualExploitation.property(),
                sexualExploitation.column(),
                false,
                CONCEPT,
                false,
                null,
                sexualExploitation.value()));
        f.add(risk("riskToOthersPhysical", "risk_to_others_physical_harm", Need.HARM_TO_OTHERS));
        f.add(risk("riskToOthersSexual", "risk_to_others_sexual_harm", Need.HSB));
        f.add(risk("riskToOthersFire", "risk_to_others_fire_setting", Need.FIRE_SETTING));
        f.add(risk("riskToOthersAnimals", "risk_to_others_harm_to_animals", Need.HARM_TO_ANIMALS));
        f.add(risk("riskToOthersCriminal", "risk_to_others_criminal_exploitation", Need.CRIMINAL_BEHAVIOUR));
        f.add(field(ACTUAL, "coreWeeklyCost", "cost_core_weekly", MONEY, p -> null));
        f.add(field(ACTUAL, "additionalSupportWeeklyCost", "cost_additional_support_weekly", MONEY, p -> null));
        f.add(field(ACTUAL, "educationWeeklyCost", "cost_education_weekly", MONEY, p -> null));
        f.add(field(ACTUAL, "otherWeeklyCost", "cost_other_weekly", MONEY, p -> null));
        f.add(field(ACTUAL, "totalWeeklyCost", "cost_total_weekly", MONEY, FoundPlacement::weeklyCost));
        f.add(required(
                ACTUAL,
                "placementLocation",
                "placement_location",
                TEXT,
                "the home has no postcode_district (homes.csv)",
                p -> p.home().postcodeDistrict()));
        f.add(field(
                ACTUAL,
                "isLocationPreferred",
                "preferrability_of_placement_location",
                BOOLEAN,
                p -> inOwnCouncil(p) == preferredLocationLocal(p)));
        f.add(field(
                ACTUAL,
                "isEducationContinuous",
                "education_continuity",
                BOOLEAN_INVERTED_IN_SHEET,
                ReturnFields::educationContinuous));
        f.add(required(
                ACTUAL,
                "providerURN",
                "provider_URN",
                TEXT,
                "the home has no ofsted_urn (homes.csv)",
                p -> p.home().ofstedUrn()));
        f.add(field(
                ACTUAL,
                "siblingsPlacedTogether",
                "how_many_siblings_were_placed_together",
                COUNT,
                FoundPlacement::siblingsPlacedTogether));
        f.add(field(
                ACTUAL,
                "placementType",
                "placement_type",
                CONCEPT,
                p -> placementType(p.home().kind())));
        f.add(field(QUALITY_ASSURANCE, "referralOfficerName", "name_of_officer_referral", TEXT, p -> null));
        f.add(required(
                QUALITY_ASSURANCE,
                "referralDate",
                "Date_entry_referral",
                DATE,
                "the child has no referral_date (children.csv) on or before the placement's start",
                ReturnFields::referralDate));
        f.add(required(
                QUALITY_ASSURANCE,
                "placementOfficerName",
                "name_of_officer_placement",
                TEXT,
                "no officer decided this placement in the service (it came from a data set)",
                FoundPlacement::placementOfficer));
        f.add(field(QUALITY_ASSURANCE, "placementDate", "date_entry_placement", DATE, FoundPlacement::startedOn));
        f.add(field(QUALITY_ASSURANCE, "costOfficerName", "name_of_officer_placement_cost", TEXT, p -> null));
        f.add(field(QUALITY_ASSURANCE, "costDate", "date_entry_placement_cost", DATE, FoundPlacement::costRecordedOn));
        return List.copyOf(f);
    }

    private static Field field(
            Section section, String property, String column, Kind kind, Function<FoundPlacement, Object> value) {
        return new Field(section, property, column, true, kind, false, null, value);
    }

    private static Field required(
            Section section,
            String property,
            String column,
            Kind kind,
            String whyMissing,
            Function<FoundPlacement, Object> value) {
        return new Field(section, property, column, true, kind, true, whyMissing, value);
    }

    /** A risk is present when the child has any of its need codes; an unlisted risk is "no known risk". */
    private static Field risk(String property, String column, Need... codes) {
        return field(
                RISK,
                property,
                column,
                CONCEPT,
                p -> List.of(codes).stream().anyMatch(needs(p)::contains)
                        ? RiskLevel.RiskPresent
                        : RiskLevel.NoKnownRisk);
    }

    // ---- the rules behind the values -------------------------------------------------------------------------

    private static Set<Need> needs(FoundPlacement p) {
        return p.child().needs();
    }

    /** Days from referral to the date needed by: 0 or fewer today, 1 to 5 within five days, more after that. */
    private static Urgency urgency(FoundPlacement p) {
        LocalDate referral = referralDate(p);
        LocalDate neededBy = p.child().neededBy();
        if (referral == null || neededBy == null) {
            return null;
        }
        long days = ChronoUnit.DAYS.between(referral, neededBy);
        return days <= 0 ? Urgency.Today : days <= 5 ? Urgency.WithinFiveDays : Urgency.MoreThanFiveDays;
    }

    /** The child's referral, unless it was made after this placement began (it then belongs to a later one). */
    private static LocalDate referralDate(FoundPlacement p) {
        LocalDate referral = p.child().details().referralDate();
        return referral == null || referral.isAfter(p.startedOn()) ? null : referral;
    }

    /** The care plan looks for a home in the child's own council unless it gives a reason to look outside. */
    private static boolean preferredLocationLocal(FoundPlacement p) {
        return p.child().details().outOfAreaReason() == null;
    }

    private static boolean inOwnCouncil(FoundPlacement p) {
        return p.home().authorityCode().equals(p.child().authorityCode());
    }

    private static OutOfLaReason outOfLaReason(FoundPlacement p) {
        String reason = p.child().details().outOfAreaReason();
        if (reason == null) {
            return null;
        }
        OutOfAreaReason coded = codedReason(reason);
        if (coded == null) {
            return OutOfLaReason.OutOfLAReasonOther;
        }
        return switch (coded) {
            case SAFEGUARDING -> OutOfLaReason.SafeguardingConcerns;
            case BAIL_CONDITIONS -> OutOfLaReason.BailConditions;
            case COURT_ORDER -> OutOfLaReason.CourtOrder;
        };
    }

    private static List<String> outOfLaReasonText(FoundPlacement p) {
        String reason = p.child().details().outOfAreaReason();
        return reason == null || codedReason(reason) != null ? null : List.of(reason);
    }

    private static OutOfAreaReason codedReason(String reason) {
        for (OutOfAreaReason code : OutOfAreaReason.values()) {
            if (code.name().equals(reason)) {
                return code;
            }
        }
        return null;
    }

    private static List<CommunicationNeed> communicationNeeds(FoundPlacement p) {
        List<CommunicationNeed> result = new ArrayList<>();
        if (needs(p).contains(Need.BSL)) {
            result.add(CommunicationNeed.BSL);
        }
        if (needs(p).contains(Need.MAKATON)) {
            result.add(CommunicationNeed.Makaton);
        }
        return result;
    }

    /** The exchange format records BSL and Makaton; a child with neither has none it records. */
    private static List<CommunicationNeed> communicationNeedsOrNone(FoundPlacement p) {
        List<CommunicationNeed> needs = communicationNeeds(p);
        return needs.isEmpty() ? List.of(CommunicationNeed.None) : needs;
    }

    private static CulturalNeed culturalNeeds(FoundPlacement p) {
        CulturalNeeds value = p.child().details().culturalNeeds();
        return switch (value) {
            case REQUIRED -> CulturalNeed.Required;
            case NOT_REQUIRED -> CulturalNeed.NotRequired;
            case NOT_KNOWN -> CulturalNeed.NotKnown;
        };
    }

    private static LivingArrangement livingCompanions(FoundPlacement p) {
        return switch (p.child().alongside()) {
            case SOLO -> LivingArrangement.SoloPlacement;
            case OLDER_ONLY -> LivingArrangement.OnlyWithOlderChildren;
            case YOUNGER_ONLY -> LivingArrangement.OnlyWithYoungerChildren;
            case ANY -> LivingArrangement.NoPreference;
        };
    }

    private static PetsAllowance pets(FoundPlacement p) {
        return switch (p.child().pets()) {
            case MUST -> PetsAllowance.YesMust;
            case NO -> PetsAllowance.No;
            case ANY -> PetsAllowance.YesCan;
        };
    }

    private static Suitability suitability(ChildRow child, HomeKind kind) {
        return child.preferredKinds().contains(kind)
                ? Suitability.Preferred
                : child.placementKinds().contains(kind) ? Suitability.SuitableButNotPreferred : Suitability.Unsuitable;
    }

    /**
     * A child placed within the DfE's 20 miles of their school can stay at it; a child without a school place has
     * none the placement could disrupt.
     */
    private static boolean educationContinuous(FoundPlacement p) {
        ChildRow child = p.child();
        return !child.hasSchool()
                || Geo.haversineKm(
                                child.schoolLat(),
                                child.schoolLon(),
                                p.home().lat(),
                                p.home().lon())
                        <= Geo.TWENTY_MILES_KM;
    }

    static PlacementType placementType(HomeKind kind) {
        return switch (kind) {
            case FOSTER -> PlacementType.Foster;
            case CHILDRENS_HOME -> PlacementType.Residential;
            case SUPPORTED -> PlacementType.SupportedAccommodation;
        };
    }
}
