package uk.rcc.placementsreturn;

import java.util.List;

/**
 * The code lists of the Children's Social Care Placements Standard (draft 01) that the return writes. Each constant
 * is named by its concept's local name, which the JSON-LD writes (the context expands it in the code list's
 * namespace); its label is what the Data Collection spreadsheet shows.
 */
final class Vocabulary {
    private Vocabulary() {}

    static final String BASE = "https://ns.socialcaredata.io/placements/";

    /** One concept: its local name and the spreadsheet's label. */
    interface Concept {
        String name();

        String label();

        /** The namespace of the concept's code list. */
        String namespace();

        default String iri() {
            return namespace() + name();
        }
    }

    enum Urgency implements Concept {
        Today("Today"),
        WithinFiveDays("< 5 days"),
        MoreThanFiveDays("> 5 days");

        private final String label;

        Urgency(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String namespace() {
            return BASE + "placement-urgency#";
        }
    }

    /** Written as a compact IRI ({@code olr:CourtOrder}): the context types this property {@code @id}. */
    enum OutOfLaReason implements Concept {
        SafeguardingConcerns("Safeguarding concerns"),
        BailConditions("Bail conditions"),
        CourtOrder("Court order"),
        OutOfLAReasonOther("Other");

        private final String label;

        OutOfLaReason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String namespace() {
            return BASE + "outof-la-reason#";
        }
    }

    enum Presence implements Concept {
        Yes("Yes"),
        No("No"),
        NotSpecified("Not Specified");

        private final String label;

        Presence(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String namespace() {
            return BASE + "presence-status#";
        }
    }

    enum CommunicationNeed implements Concept {
        ESOL,
        BSL,
        Makaton,
        Other,
        None;

        public String label() {
            return name();
        }

        public String namespace() {
            return BASE + "communication-need#";
        }
    }

    enum CulturalNeed implements Concept {
        Required("Required"),
        NotRequired("Not Required"),
        NotKnown("Not Known"),
        Other("Other");

        private final String label;

        CulturalNeed(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String namespace() {
            return BASE + "cultural-need#";
        }
    }

    enum LivingArrangement implements Concept {
        SoloPlacement("Solo placement recommended"),
        WithOtherChildren("With Other children recommended"),
        OnlyWithOlderChildren("Only With Other older children"),
        OnlyWithYoungerChildren("Only With Other younger children"),
        NoPreference("No preference");

        private final String label;

        LivingArrangement(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String namespace() {
            return BASE + "living-arrangement#";
        }
    }

    enum PetsAllowance implements Concept {
        YesMust("Yes-must"),
        YesCan("Yes-can"),
        No("No"),
        NotKnown("Not known");

        private final String label;

        PetsAllowance(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String namespace() {
            return BASE + "pets-allowance#";
        }
    }

    enum SupportType implements Concept {
        AdditionalSupervision("Additional supervision"),
        TherapeuticSupport("Therapeutic support"),
        WorkerForRespite("A worker for respite"),
        TaxisToSchool("Taxis to school"),
        NotApplicable("NA"),
        Other("Other");

        private final String label;

        SupportType(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String namespace() {
            return BASE + "support-type#";
        }
    }

    enum Suitability implements Concept {
        Preferred("Preferred"),
        SuitableButNotPreferred("Suitable but not preferred"),
        Unsuitable("Unsuitable"),
        NotSpecified("Not specified");

        private final String label;

        Suitability(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String namespace() {
            return BASE + "suitability-level#";
        }
    }

    enum RiskLevel implements Concept {
        NoKnownRisk("No known risk"),
        RiskPresent("Risk Present");

        private final String label;

        RiskLevel(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String namespace() {
            return BASE + "risk-level#";
        }
    }

    enum PlacementType implements Concept {
        Foster("Foster"),
        Residential("Residential"),
        SupportedAccommodation("Supported Accommodation");

        private final String label;

        PlacementType(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String namespace() {
            return BASE + "placement-type#";
        }
    }

    /** Every code list the return writes, for the test that the shape accepts each value. */
    static final List<Class<? extends Concept>> ALL = List.of(
            Urgency.class,
            OutOfLaReason.class,
            Presence.class,
            CommunicationNeed.class,
            CulturalNeed.class,
            LivingArrangement.class,
            PetsAllowance.class,
            SupportType.class,
            Suitability.class,
            RiskLevel.class,
            PlacementType.class);
}
