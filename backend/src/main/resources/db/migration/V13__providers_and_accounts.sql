-- Providers keep their homes' vacancies current; administrators manage accounts; commissioners manage homes.

-- A provider organisation: an independent fostering agency, a children's home provider or a council's in-house
-- fostering team. Its accounts see and edit only its own homes.
CREATE TABLE provider_org (
    provider_org_id text PRIMARY KEY CHECK (provider_org_id ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$'),
    name            text NOT NULL CHECK (name <> ''),
    kind            text NOT NULL CHECK (kind IN ('INDEPENDENT_FOSTERING_AGENCY', 'CHILDRENS_HOME_PROVIDER',
                        'COUNCIL_IN_HOUSE'))
);

-- Availability as a provider states it. `available` (the exchange format's column, which matching reads) follows
-- from it: only an AVAILABLE home whose place is free today takes referrals; set by a trigger so that every writer
-- (the API, an import, the daily roll-over of "free from" dates) keeps the two in step.
ALTER TABLE home
    ADD COLUMN provider_org_id      text REFERENCES provider_org,
    ADD COLUMN availability         text NOT NULL DEFAULT 'AVAILABLE'
                                    CHECK (availability IN ('AVAILABLE', 'ON_HOLD', 'SUSPENDED', 'CLOSED')),
    ADD COLUMN available_from       date,
    ADD COLUMN vacancy_confirmed_at timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN vacancy_confirmed_by text;
CREATE INDEX home_provider_org ON home (provider_org_id);
CREATE INDEX home_vacancy_confirmed ON home (vacancy_confirmed_at);
UPDATE home SET availability = 'ON_HOLD' WHERE NOT available;

CREATE FUNCTION home_availability() RETURNS trigger AS $$
DECLARE
    old_available    boolean := true;
    old_availability text := 'AVAILABLE';
BEGIN
    IF TG_OP = 'UPDATE' THEN
        old_available := OLD.available;
        old_availability := OLD.availability;
    END IF;
    -- A writer of the exchange format's column alone (an import) puts a home on hold or takes it off hold;
    -- a suspended or closed home stays so until a provider or commissioner says otherwise.
    IF NEW.availability = old_availability AND NEW.available IS DISTINCT FROM old_available THEN
        IF NOT NEW.available AND NEW.availability = 'AVAILABLE' THEN
            NEW.availability := 'ON_HOLD';
        ELSIF NEW.available AND NEW.availability = 'ON_HOLD' THEN
            NEW.availability := 'AVAILABLE';
        END IF;
    END IF;
    NEW.available := NEW.availability = 'AVAILABLE' AND (NEW.available_from IS NULL OR NEW.available_from <= current_date);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER home_available_follows_availability BEFORE INSERT OR UPDATE ON home
    FOR EACH ROW EXECUTE FUNCTION home_availability();

-- Accounts: providers belong to one organisation; administrators reset passwords that must be changed at the next
-- sign-in; the last sign-in is shown to administrators.
ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
ALTER TABLE app_user
    ADD CONSTRAINT app_user_role_check CHECK (role IN ('OFFICER', 'COMMISSIONER', 'BOARD', 'ADMIN', 'PROVIDER')),
    ADD COLUMN provider_org_id      text REFERENCES provider_org,
    ADD COLUMN must_change_password boolean NOT NULL DEFAULT false,
    ADD COLUMN last_sign_in_at      timestamptz,
    ADD COLUMN created_at           timestamptz NOT NULL DEFAULT now(),
    ADD CONSTRAINT app_user_provider_has_org CHECK (role <> 'PROVIDER' OR provider_org_id IS NOT NULL);

-- Referrals offered to providers. A waiting child is shown to providers under a random reference that says
-- nothing about the child's id; a provider answers with a home it offers or that it cannot, with a note.
CREATE TABLE referral_ref (
    child_id text PRIMARY KEY REFERENCES child ON DELETE CASCADE,
    ref      uuid NOT NULL UNIQUE DEFAULT gen_random_uuid()
);

CREATE TABLE referral_answer (
    id              bigserial PRIMARY KEY,
    child_id        text NOT NULL REFERENCES child ON DELETE CASCADE,
    provider_org_id text NOT NULL REFERENCES provider_org,
    answer          text NOT NULL CHECK (answer IN ('OFFER', 'CANNOT')),
    home_id         text REFERENCES home,
    note            text CHECK (length(note) <= 2000),
    answered_by     text NOT NULL,
    answered_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (answer <> 'OFFER' OR home_id IS NOT NULL)
);
CREATE INDEX referral_answer_child ON referral_answer (child_id, provider_org_id, answered_at DESC);
