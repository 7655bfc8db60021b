-- Two-factor sign-in for local accounts (TOTP, RFC 6238). An account is enrolled once its first code confirmed the
-- secret; until then the secret is only offered. Recovery codes are stored as password hashes and used once.
-- Failed codes count towards a lock-out of the account, as failed passwords do.
CREATE TABLE two_factor (
    username       text PRIMARY KEY REFERENCES app_user ON DELETE CASCADE ON UPDATE CASCADE,
    secret         text NOT NULL,
    confirmed_at   timestamptz,
    last_step      bigint,
    failed_codes   integer NOT NULL DEFAULT 0
);

CREATE TABLE two_factor_recovery_code (
    id         bigserial PRIMARY KEY,
    username   text NOT NULL REFERENCES app_user ON DELETE CASCADE ON UPDATE CASCADE,
    code_hash  text NOT NULL,
    used_at    timestamptz
);
CREATE INDEX two_factor_recovery_code_user ON two_factor_recovery_code (username);
