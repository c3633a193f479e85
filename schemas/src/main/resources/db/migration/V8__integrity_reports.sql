-- Integrity reports (REPORTING-SPEC §8, §12 `reports`), typical cases (典型案例) and consumer alerts
-- (消费警示). Only PUBLISHED / SUPERSEDED report versions and PUBLISHED cases and alerts are public.

-- One generation of the report of a period, as of a data cut-off. REQUESTED (by a supervisor or an
-- operator) → DRAFT (reportJob wrote figures, HTML and PDF) → PUBLISHED (public, immutable; the
-- current version of its period) → SUPERSEDED (a newer version of the same period was published;
-- still public). A draft nobody wants is ARCHIVED; a generation that failed is FAILED with its cause
-- (retrying restarts the same job instance). `version` is given on publication, 1, 2, … per period,
-- so public version numbers have no gaps.
CREATE TABLE report_version (
    id                   BIGSERIAL PRIMARY KEY,
    period               TEXT        NOT NULL CHECK (period ~ '^[0-9]{4}(-Q[1-4])?$'),
    kind                 TEXT        NOT NULL CHECK (kind IN ('QUARTERLY', 'ANNUAL')),
    status               TEXT        NOT NULL DEFAULT 'REQUESTED'
                                     CHECK (status IN ('REQUESTED', 'FAILED', 'DRAFT', 'ARCHIVED',
                                                       'PUBLISHED', 'SUPERSEDED')),
    version              INTEGER,
    data_cutoff          TIMESTAMPTZ NOT NULL,
    methodology_version  TEXT        NOT NULL,
    requested_by         TEXT        NOT NULL,
    requested_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    failure              TEXT,                                 -- why the last attempt failed
    -- generated content: every figure of the report, then the report rendered from them
    figures              JSONB,
    html_zh              TEXT,
    html_en              TEXT,
    pdf_zh               BYTEA,
    pdf_en               BYTEA,
    generated_at         TIMESTAMPTZ,
    published_by         TEXT,
    published_at         TIMESTAMPTZ,
    CHECK ((kind = 'ANNUAL') = (period !~ '-Q')),
    CHECK ((status IN ('PUBLISHED', 'SUPERSEDED')) = (version IS NOT NULL)),
    CHECK ((status IN ('PUBLISHED', 'SUPERSEDED')) = (published_at IS NOT NULL)),
    -- nothing is ever public half-made
    CHECK (status NOT IN ('DRAFT', 'PUBLISHED', 'SUPERSEDED')
           OR (figures IS NOT NULL AND html_zh IS NOT NULL AND html_en IS NOT NULL
               AND pdf_zh IS NOT NULL AND pdf_en IS NOT NULL AND generated_at IS NOT NULL)),
    CONSTRAINT report_version_once UNIQUE (period, version)
);
CREATE UNIQUE INDEX report_one_published ON report_version (period) WHERE status = 'PUBLISHED';
CREATE INDEX report_requested ON report_version (id) WHERE status = 'REQUESTED';

-- A typical case: a supervisor's short anonymised account of a case, for the public. It may name
-- the case it was drawn from (uscc, caseNo) for the regulator's own reference, which is never
-- shown publicly; nothing of the case's record is copied. The account passed PersonalDataMasker.
CREATE TABLE typical_case (
    id                 BIGSERIAL PRIMARY KEY,
    period             TEXT        NOT NULL CHECK (period ~ '^[0-9]{4}(-Q[1-4])?$'),
    business_category  TEXT        NOT NULL,
    title_zh           TEXT        NOT NULL,
    title_en           TEXT        NOT NULL,
    account_zh         TEXT        NOT NULL,
    account_en         TEXT        NOT NULL,
    institution_uscc   CHAR(18),
    case_no            TEXT,
    status             TEXT        NOT NULL DEFAULT 'DRAFT'
                                   CHECK (status IN ('DRAFT', 'PUBLISHED', 'WITHDRAWN')),
    created_by         TEXT        NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_by       TEXT,
    published_at       TIMESTAMPTZ,
    CHECK ((institution_uscc IS NULL) = (case_no IS NULL)),
    CHECK (status <> 'PUBLISHED' OR published_at IS NOT NULL),
    FOREIGN KEY (institution_uscc, case_no) REFERENCES complaint_case (institution_uscc, case_no)
);
CREATE INDEX typical_case_public ON typical_case (period) WHERE status = 'PUBLISHED';

-- A consumer alert: a short warning on a topic, linked to the business categories it concerns.
CREATE TABLE consumer_alert (
    id             BIGSERIAL PRIMARY KEY,
    period         TEXT        NOT NULL CHECK (period ~ '^[0-9]{4}(-Q[1-4])?$'),
    topic_zh       TEXT        NOT NULL,
    topic_en       TEXT        NOT NULL,
    text_zh        TEXT        NOT NULL,
    text_en        TEXT        NOT NULL,
    categories     TEXT[]      NOT NULL DEFAULT '{}',
    status         TEXT        NOT NULL DEFAULT 'DRAFT'
                               CHECK (status IN ('DRAFT', 'PUBLISHED', 'WITHDRAWN')),
    created_by     TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_by   TEXT,
    published_at   TIMESTAMPTZ,
    CHECK (status <> 'PUBLISHED' OR published_at IS NOT NULL)
);
CREATE INDEX consumer_alert_public ON consumer_alert (period) WHERE status = 'PUBLISHED';
