-- Matching: weight sets (constraint weights are data), runs, their proposals and officers' decisions.

CREATE TABLE weight_set (
    id         bigserial PRIMARY KEY,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL,
    note       text,
    weights    text NOT NULL
);

CREATE TABLE matching_run (
    id              bigserial PRIMARY KEY,
    status          text NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'FINISHED', 'STOPPED', 'FAILED')),
    trigger         text NOT NULL CHECK (trigger IN ('USER', 'NIGHTLY')),
    started_by      text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    started_at      timestamptz,
    ended_at        timestamptz,
    heartbeat_at    timestamptz,
    instance_id     text,
    solver_config   text NOT NULL,
    seconds_limit   integer NOT NULL CHECK (seconds_limit > 0),
    weight_set_id   bigint REFERENCES weight_set,
    weights         text NOT NULL,
    best_score      text,
    planned         integer,
    placed          integer,
    unplaced        integer,
    figures         text,
    error           text,
    version         integer NOT NULL DEFAULT 0
);
CREATE INDEX matching_run_status ON matching_run (status);

-- Proposals are written in the same transaction that ends a run, so a half-written run is never visible.
CREATE TABLE proposal (
    run_id         bigint NOT NULL REFERENCES matching_run ON DELETE CASCADE,
    child_id       text NOT NULL REFERENCES child ON DELETE CASCADE,
    authority_code text NOT NULL,
    home_id        text REFERENCES home,
    cost           numeric(12, 2),
    explanation    text,
    PRIMARY KEY (run_id, child_id)
);
CREATE INDEX proposal_authority ON proposal (run_id, authority_code);

CREATE TABLE decision (
    id         bigserial PRIMARY KEY,
    child_id   text NOT NULL REFERENCES child ON DELETE CASCADE,
    home_id    text REFERENCES home,
    run_id     bigint REFERENCES matching_run ON DELETE SET NULL,
    decision   text NOT NULL CHECK (decision IN ('ACCEPT', 'REJECT', 'OVERRIDE')),
    reason     text,
    decided_by text NOT NULL,
    decided_at timestamptz NOT NULL DEFAULT now(),
    CHECK (decision = 'ACCEPT' OR (reason IS NOT NULL AND length(trim(reason)) > 0))
);
CREATE INDEX decision_child ON decision (child_id);

-- ShedLock: one instance runs a scheduled job at a time.
CREATE TABLE shedlock (
    name       varchar(64) PRIMARY KEY,
    lock_until timestamptz NOT NULL,
    locked_at  timestamptz NOT NULL,
    locked_by  varchar(255) NOT NULL
);

-- At most one run of the co-operative is active at a time, whichever instance started it.
CREATE UNIQUE INDEX matching_run_one_active ON matching_run ((true)) WHERE status IN ('QUEUED', 'RUNNING');
