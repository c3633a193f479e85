-- Who did what that a supervisor may need to account for later: refused foreign filings (F005),
-- reveals of personal data, approvals. Append-only.
CREATE TABLE audit_log (
    id          BIGSERIAL PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor       TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    subject     TEXT,
    detail      JSONB       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_by_action ON audit_log (action, at DESC);
