-- CPSX system of record. Flyway owns this schema; every app runs the same migrations (schemas jar).

-- Institution registry: master data kept by the regulator (REPORTING-SPEC §1).
CREATE TABLE institution (
    uscc              CHAR(18) PRIMARY KEY,
    legal_name_zh     TEXT        NOT NULL,
    short_name        TEXT        NOT NULL,
    name_en           TEXT        NOT NULL,
    type              TEXT        NOT NULL,
    home_region       CHAR(6)     NOT NULL,
    retail_customers  BIGINT      NOT NULL CHECK (retail_customers >= 0),
    licence_status    TEXT        NOT NULL CHECK (licence_status IN ('ACTIVE', 'REVOKED')),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The inbox: every filing exactly as received, committed before its receipt is sent (§4).
CREATE TABLE filing (
    filing_id         TEXT PRIMARY KEY,
    seq               BIGSERIAL   NOT NULL UNIQUE,      -- receipt order: the newest version of a case wins
    institution_uscc  CHAR(18)    NOT NULL,             -- the authenticated institution
    filing_type       TEXT        NOT NULL,
    format            TEXT        NOT NULL CHECK (format IN ('JSON', 'XML', 'CSV')),
    channel           TEXT        NOT NULL CHECK (channel IN ('REST', 'SOAP', 'SFTP')),
    mode              TEXT,
    period            TEXT,
    original_name     TEXT,
    received_at       TIMESTAMPTZ NOT NULL,
    sha256            CHAR(64)    NOT NULL,
    size_bytes        BIGINT      NOT NULL,
    raw               BYTEA       NOT NULL,
    status            TEXT        NOT NULL DEFAULT 'RECEIVED',
    status_detail     TEXT,
    record_count      INTEGER,
    accepted_count    INTEGER,
    rejected_count    INTEGER,
    indexed_count     INTEGER     NOT NULL DEFAULT 0,
    validated_at      TIMESTAMPTZ,
    indexed_at        TIMESTAMPTZ,
    -- The same bytes from the same institution are the same filing: same receipt, nothing new.
    CONSTRAINT filing_same_bytes_once UNIQUE (institution_uscc, sha256)
);
CREATE INDEX filing_by_status ON filing (status) WHERE status IN ('RECEIVED', 'VALIDATING', 'INDEXING');
CREATE INDEX filing_by_institution ON filing (institution_uscc, received_at DESC);

-- The validation report of a filing (§5).
CREATE TABLE validation_finding (
    id            BIGSERIAL PRIMARY KEY,
    filing_id     TEXT    NOT NULL REFERENCES filing (filing_id),
    rule          CHAR(4) NOT NULL,
    severity      TEXT    NOT NULL CHECK (severity IN ('ERROR', 'WARNING')),
    record_index  INTEGER,
    field         TEXT,
    message_zh    TEXT    NOT NULL,
    message_en    TEXT    NOT NULL
);
CREATE INDEX validation_finding_by_filing ON validation_finding (filing_id, id);

-- Every accepted version of every case, and the current one (§2.1: a case is filed again when it changes).
CREATE TABLE complaint_case_version (
    institution_uscc  CHAR(18) NOT NULL,
    case_no           TEXT     NOT NULL,
    filing_id         TEXT     NOT NULL REFERENCES filing (filing_id),
    filing_seq        BIGINT   NOT NULL,
    record_index      INTEGER  NOT NULL,
    record            JSONB    NOT NULL,
    PRIMARY KEY (institution_uscc, case_no, filing_seq)
);
CREATE INDEX complaint_case_version_by_filing ON complaint_case_version (filing_id, record_index);

CREATE TABLE complaint_case (
    institution_uscc  CHAR(18)    NOT NULL,
    case_no           TEXT        NOT NULL,
    filing_id         TEXT        NOT NULL REFERENCES filing (filing_id),
    filing_seq        BIGINT      NOT NULL,
    received_at       TIMESTAMPTZ NOT NULL,
    status            TEXT        NOT NULL,
    record            JSONB       NOT NULL,
    PRIMARY KEY (institution_uscc, case_no)
);
