-- The home capacity check (V1) counted a home's children without a lock: two transactions that each put a child
-- into the same last place, without going through the application's lock on the home, could both pass the check
-- before either committed. The check now locks the home's row first, so such transactions take turns, and the
-- second counts (with a fresh snapshot) the child the first has just committed.
CREATE OR REPLACE FUNCTION check_home_capacity() RETURNS trigger AS $$
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
    SELECT places INTO allowed FROM home WHERE home_id = target FOR NO KEY UPDATE;
    SELECT count(*) INTO living FROM child WHERE current_home_id = target;
    IF living > allowed THEN
        RAISE EXCEPTION 'home % has % place(s) but % children would live there', target, allowed, living
            USING ERRCODE = 'check_violation', CONSTRAINT = 'home_capacity';
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
