-- Sufficiency planning: the councils' SSDA903 returns as uploaded, forecast runs with every input and output
-- kept so a run is reproducible, and the board's review of them. Published runs never change.

CREATE TABLE ssda903_file (
    id           bigserial PRIMARY KEY,
    authority    text NOT NULL CHECK (authority <> ''),
    file_name    text NOT NULL CHECK (file_name ~ '^[A-Za-z0-9_.-]+\.csv$'),
    content      text NOT NULL,
    uploaded_by  text NOT NULL,
    uploaded_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (authority, file_name)
);

CREATE TABLE forecast_run (
    id             bigserial PRIMARY KEY,
    name           text NOT NULL,
    status         text NOT NULL CHECK (status IN ('RUNNING', 'FINISHED', 'FAILED')),
    review_status  text NOT NULL DEFAULT 'DRAFT'
                       CHECK (review_status IN ('DRAFT', 'IN_REVIEW', 'APPROVED', 'PUBLISHED')),
    trigger        text NOT NULL CHECK (trigger IN ('USER', 'NIGHTLY')),
    created_by     text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    finished_at    timestamptz,
    parameters     text NOT NULL,
    summary        text,
    error          text,
    approved_by    text,
    approved_at    timestamptz,
    published_by   text,
    published_at   timestamptz
);

CREATE TABLE forecast_output (
    run_id   bigint NOT NULL REFERENCES forecast_run ON DELETE CASCADE,
    name     text NOT NULL,
    content  text NOT NULL,
    PRIMARY KEY (run_id, name)
);

CREATE TABLE forecast_comment (
    id      bigserial PRIMARY KEY,
    run_id  bigint NOT NULL REFERENCES forecast_run ON DELETE CASCADE,
    author  text NOT NULL,
    at      timestamptz NOT NULL DEFAULT now(),
    text    text NOT NULL CHECK (length(trim(text)) > 0)
);

CREATE FUNCTION published_forecast_is_immutable() RETURNS trigger AS $$
DECLARE
    published boolean;
BEGIN
    IF TG_TABLE_NAME = 'forecast_run' THEN
        published := OLD.review_status = 'PUBLISHED';
    ELSE
        SELECT review_status = 'PUBLISHED' INTO published FROM forecast_run WHERE id = OLD.run_id;
    END IF;
    IF published THEN
        RAISE EXCEPTION 'a published forecast cannot be changed or deleted' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER forecast_run_published_immutable BEFORE UPDATE OR DELETE ON forecast_run
    FOR EACH ROW EXECUTE FUNCTION published_forecast_is_immutable();
CREATE TRIGGER forecast_output_published_immutable BEFORE UPDATE OR DELETE ON forecast_output
    FOR EACH ROW EXECUTE FUNCTION published_forecast_is_immutable();
