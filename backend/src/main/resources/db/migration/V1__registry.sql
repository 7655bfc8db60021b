-- The registry of the co-operative: member councils, homes, children and where they have lived.
-- Exchange format v1 (shared/formats/README.md) is the contract; the checks below are its rules that
-- the database itself can hold.

CREATE TABLE cooperative (
    id     smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    name   text,
    as_of  date NOT NULL
);

CREATE TABLE authority (
    authority_code text PRIMARY KEY CHECK (authority_code ~ '^[EWSN][0-9]{8}$'),
    name           text NOT NULL CHECK (name <> ''),
    lat            double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon            double precision NOT NULL CHECK (lon BETWEEN -180 AND 180)
);

CREATE TABLE home (
    home_id        text PRIMARY KEY CHECK (home_id <> ''),
    name           text,
    kind           text NOT NULL CHECK (kind IN ('FOSTER', 'CHILDRENS_HOME', 'SUPPORTED')),
    provider       text NOT NULL CHECK (provider IN ('IN_HOUSE', 'COOPERATIVE', 'INDEPENDENT')),
    authority_code text NOT NULL CHECK (authority_code ~ '^[EWSN][0-9]{8}$'),
    lat            double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon            double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
    places         integer NOT NULL CHECK (places >= 1),
    min_age        integer NOT NULL CHECK (min_age >= 0),
    max_age        integer NOT NULL CHECK (max_age <= 25),
    sexes          text NOT NULL CHECK (sexes IN ('ANY', 'F', 'M')),
    needs_met      text[] NOT NULL DEFAULT '{}' CHECK (needs_met <@ ARRAY['DISABILITY', 'EMOTIONAL',
                       'PARENT_AND_CHILD', 'UASC', 'ADAPTATIONS', 'BSL', 'MAKATON', 'HSB', 'EXPLOITATION_RISK',
                       'SELF_HARM', 'GOING_MISSING', 'FIRE_SETTING']::text[]),
    pets           boolean NOT NULL DEFAULT false,
    weekly_cost    numeric(10, 2) NOT NULL CHECK (weekly_cost >= 0),
    available      boolean NOT NULL DEFAULT true,
    version        integer NOT NULL DEFAULT 0,
    CHECK (min_age <= max_age)
);
CREATE INDEX home_authority ON home (authority_code);

CREATE TABLE child (
    child_id        text PRIMARY KEY CHECK (child_id <> ''),
    authority_code  text NOT NULL REFERENCES authority,
    date_of_birth   date NOT NULL,
    sex             text NOT NULL CHECK (sex IN ('F', 'M')),
    home_lat        double precision NOT NULL CHECK (home_lat BETWEEN -90 AND 90),
    home_lon        double precision NOT NULL CHECK (home_lon BETWEEN -180 AND 180),
    school_lat      double precision CHECK (school_lat BETWEEN -90 AND 90),
    school_lon      double precision CHECK (school_lon BETWEEN -180 AND 180),
    sibling_group   text,
    needs           text[] NOT NULL DEFAULT '{}' CHECK (needs <@ ARRAY['DISABILITY', 'EMOTIONAL',
                        'PARENT_AND_CHILD', 'UASC', 'ADAPTATIONS', 'BSL', 'MAKATON', 'HSB', 'EXPLOITATION_RISK',
                        'SELF_HARM', 'GOING_MISSING', 'FIRE_SETTING']::text[]),
    placement_kinds text[] NOT NULL DEFAULT '{FOSTER}' CHECK (cardinality(placement_kinds) > 0
                        AND placement_kinds <@ ARRAY['FOSTER', 'CHILDRENS_HOME', 'SUPPORTED']::text[]),
    preferred_kinds text[] NOT NULL DEFAULT '{FOSTER}' CHECK (preferred_kinds <@ placement_kinds),
    alongside       text NOT NULL DEFAULT 'ANY' CHECK (alongside IN ('ANY', 'SOLO', 'OLDER_ONLY', 'YOUNGER_ONLY')),
    pets            text NOT NULL DEFAULT 'ANY' CHECK (pets IN ('ANY', 'MUST', 'NO')),
    needed_by       date,
    current_home_id text REFERENCES home,
    may_move        boolean NOT NULL DEFAULT false,
    referred_at     timestamptz NOT NULL DEFAULT now(),
    version         integer NOT NULL DEFAULT 0,
    CHECK ((school_lat IS NULL) = (school_lon IS NULL)),
    CHECK (NOT may_move OR current_home_id IS NOT NULL)
);
CREATE INDEX child_authority ON child (authority_code);
CREATE INDEX child_current_home ON child (current_home_id);
CREATE INDEX child_sibling_group ON child (sibling_group) WHERE sibling_group IS NOT NULL;

CREATE TABLE avoid_zone (
    id        bigserial PRIMARY KEY,
    child_id  text NOT NULL REFERENCES child ON DELETE CASCADE,
    lat       double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon       double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
    radius_km double precision NOT NULL CHECK (radius_km > 0),
    reason    text
);
CREATE INDEX avoid_zone_child ON avoid_zone (child_id);

CREATE TABLE key_place (
    id               bigserial PRIMARY KEY,
    child_id         text NOT NULL REFERENCES child ON DELETE CASCADE,
    lat              double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon              double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
    kind             text NOT NULL CHECK (kind IN ('FAMILY', 'FRIEND', 'ACTIVITY', 'OTHER')),
    visits_per_month double precision NOT NULL CHECK (visits_per_month >= 0)
);
CREATE INDEX key_place_child ON key_place (child_id);

-- Who lived where, from when to when, and why it ended.
CREATE TABLE placement (
    id         bigserial PRIMARY KEY,
    child_id   text NOT NULL REFERENCES child ON DELETE CASCADE,
    home_id    text NOT NULL REFERENCES home,
    start_date date NOT NULL,
    end_date   date,
    end_reason text,
    CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE UNIQUE INDEX placement_one_current_per_child ON placement (child_id) WHERE end_date IS NULL;
CREATE INDEX placement_home ON placement (home_id);

-- A home never holds more children than it has places. Deferred to commit so that a transaction may
-- move children between homes in any order.
CREATE FUNCTION check_home_capacity() RETURNS trigger AS $$
DECLARE
    living  integer;
    allowed integer;
    target  text;
BEGIN
    IF TG_TABLE_NAME = 'home' THEN
        target := NEW.home_id;
    ELSE
        target := NEW.current_home_id;
    END IF;
    IF target IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT count(*) INTO living FROM child WHERE current_home_id = target;
    SELECT places INTO allowed FROM home WHERE home_id = target;
    IF living > allowed THEN
        RAISE EXCEPTION 'home % has % place(s) but % children would live there', target, allowed, living
            USING ERRCODE = 'check_violation', CONSTRAINT = 'home_capacity';
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER child_within_home_capacity
    AFTER INSERT OR UPDATE OF current_home_id ON child
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION check_home_capacity();

CREATE CONSTRAINT TRIGGER home_places_cover_children
    AFTER UPDATE OF places ON home
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION check_home_capacity();

-- Accounts for local (form) login. Roles: OFFICER (of one council), COMMISSIONER, BOARD, ADMIN.
CREATE TABLE app_user (
    username        text PRIMARY KEY,
    password_hash   text NOT NULL,
    role            text NOT NULL CHECK (role IN ('OFFICER', 'COMMISSIONER', 'BOARD', 'ADMIN')),
    authority_code  text REFERENCES authority,
    display_name    text,
    enabled         boolean NOT NULL DEFAULT true,
    failed_logins   integer NOT NULL DEFAULT 0,
    locked_until    timestamptz,
    CHECK (role <> 'OFFICER' OR authority_code IS NOT NULL)
);
