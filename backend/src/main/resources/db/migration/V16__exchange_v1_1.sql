-- Exchange format v1.1 (shared/formats/README.md): what the national placements return needs that v1 does not
-- hold. Every column is optional, so rows imported from v1 data sets stay valid.

ALTER TABLE home
    ADD COLUMN ofsted_urn        text CHECK (ofsted_urn <> ''),
    ADD COLUMN postcode_district text CHECK (postcode_district ~ '^[A-Z]{1,2}[0-9][0-9A-Z]?$');

ALTER TABLE child
    ADD COLUMN referral_date         date,
    ADD COLUMN placed_on             date,
    ADD COLUMN placement_weekly_cost numeric(10, 2) CHECK (placement_weekly_cost >= 0),
    ADD COLUMN cultural_needs        text NOT NULL DEFAULT 'NOT_KNOWN'
        CHECK (cultural_needs IN ('REQUIRED', 'NOT_REQUIRED', 'NOT_KNOWN')),
    ADD COLUMN out_of_area_reason    text CHECK (out_of_area_reason <> ''),
    ADD CONSTRAINT child_placement_details_need_a_home
        CHECK (current_home_id IS NOT NULL OR (placed_on IS NULL AND placement_weekly_cost IS NULL));

-- v1.1's new risk codes.
ALTER TABLE home DROP CONSTRAINT home_needs_met_check;
ALTER TABLE home ADD CONSTRAINT home_needs_met_check CHECK (needs_met <@ ARRAY['DISABILITY', 'EMOTIONAL',
    'PARENT_AND_CHILD', 'UASC', 'ADAPTATIONS', 'BSL', 'MAKATON', 'HSB', 'EXPLOITATION_RISK', 'SELF_HARM',
    'GOING_MISSING', 'FIRE_SETTING', 'CRIMINAL_EXPLOITATION', 'SEXUAL_EXPLOITATION', 'DRUG_ALCOHOL',
    'EATING_DISORDER', 'HARM_TO_OTHERS', 'HARM_TO_ANIMALS', 'CRIMINAL_BEHAVIOUR']::text[]);
ALTER TABLE child DROP CONSTRAINT child_needs_check;
ALTER TABLE child ADD CONSTRAINT child_needs_check CHECK (needs <@ ARRAY['DISABILITY', 'EMOTIONAL',
    'PARENT_AND_CHILD', 'UASC', 'ADAPTATIONS', 'BSL', 'MAKATON', 'HSB', 'EXPLOITATION_RISK', 'SELF_HARM',
    'GOING_MISSING', 'FIRE_SETTING', 'CRIMINAL_EXPLOITATION', 'SEXUAL_EXPLOITATION', 'DRUG_ALCOHOL',
    'EATING_DISORDER', 'HARM_TO_OTHERS', 'HARM_TO_ANIMALS', 'CRIMINAL_BEHAVIOUR']::text[]);

-- The return counts placements that started in a quarter.
CREATE INDEX placement_start ON placement (start_date);
