-- Named scenarios of a forecast run (entry rate change, step-downs from children's homes to foster care, foster
-- recruitment), each with its figures as compared side by side with the baseline. A scenario can be added to a
-- run later only while its SSDA903 returns are unchanged (the digest says so); a published run's scenarios never
-- change.

ALTER TABLE forecast_run ADD COLUMN inputs_digest text;

CREATE TABLE forecast_scenario (
    id                 bigserial PRIMARY KEY,
    run_id             bigint NOT NULL REFERENCES forecast_run ON DELETE CASCADE,
    name               text NOT NULL CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9 _.%()+-]{0,63}$' AND name <> 'baseline'),
    entry_rate_change  double precision NOT NULL DEFAULT 0 CHECK (entry_rate_change BETWEEN -0.9 AND 2),
    step_down_share    double precision NOT NULL DEFAULT 0 CHECK (step_down_share BETWEEN 0 AND 1),
    foster_recruitment double precision NOT NULL DEFAULT 0 CHECK (foster_recruitment BETWEEN -10000 AND 10000),
    status             text NOT NULL CHECK (status IN ('RUNNING', 'FINISHED', 'FAILED')),
    created_by         text NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    result             text,
    error              text,
    UNIQUE (run_id, name)
);

CREATE FUNCTION published_forecast_scenario_is_immutable() RETURNS trigger AS $$
DECLARE
    run bigint;
BEGIN
    IF TG_OP = 'INSERT' THEN
        run := NEW.run_id;
    ELSE
        run := OLD.run_id;
    END IF;
    IF EXISTS (SELECT 1 FROM forecast_run WHERE id = run AND review_status = 'PUBLISHED') THEN
        RAISE EXCEPTION 'a published forecast''s scenarios cannot be added, changed or deleted'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER forecast_scenario_published_immutable BEFORE INSERT OR UPDATE OR DELETE ON forecast_scenario
    FOR EACH ROW EXECUTE FUNCTION published_forecast_scenario_is_immutable();
