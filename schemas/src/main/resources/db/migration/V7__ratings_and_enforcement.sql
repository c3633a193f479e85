-- Integrity ratings (REPORTING-SPEC §7, §10), enforcement actions (§11) and what the public may see
-- of them (§12). Only PUBLISHED / SUPERSEDED ratings and PUBLISHED actions are ever public.

-- Enforcement actions: master data entered and published by a supervisor. A published action is
-- immutable; a correction is a new action that names the one it corrects.
CREATE TABLE enforcement_action (
    id                BIGSERIAL PRIMARY KEY,
    institution_uscc  CHAR(18)      NOT NULL REFERENCES institution (uscc),
    decision_no       TEXT          NOT NULL UNIQUE,           -- 文号
    decision_date     DATE          NOT NULL,                  -- Asia/Shanghai
    severity          TEXT          NOT NULL CHECK (severity IN ('MINOR', 'SERIOUS', 'MAJOR')),
    measure           TEXT          NOT NULL CHECK (measure IN ('WARNING', 'FINE', 'CONFISCATION',
                                                               'SUSPENSION', 'LICENCE_REVOKED', 'OTHER')),
    fine_cny          NUMERIC(16, 2) CHECK (fine_cny >= 0),
    legal_basis       TEXT          NOT NULL,
    summary_zh        TEXT          NOT NULL,
    summary_en        TEXT,
    corrects          BIGINT REFERENCES enforcement_action (id),
    status            TEXT          NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED')),
    created_by        TEXT          NOT NULL,
    created_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    published_by      TEXT,
    published_at      TIMESTAMPTZ,
    CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL))
);
CREATE INDEX enforcement_action_by_institution ON enforcement_action (institution_uscc, decision_date);
-- An action is corrected at most once: a second correction corrects the correction.
CREATE UNIQUE INDEX enforcement_action_corrected_once ON enforcement_action (corrects) WHERE corrects IS NOT NULL;

-- One computation of every licensed institution's rating for a period, as of a data cut-off.
-- (period, cut-off, methodology) identifies it: the same three always give the same figures.
CREATE TABLE rating_run (
    id                   BIGSERIAL PRIMARY KEY,
    period               TEXT        NOT NULL,                 -- YYYY, or YYYY-Qn (provisional)
    provisional          BOOLEAN     NOT NULL,
    data_cutoff          TIMESTAMPTZ NOT NULL,
    methodology_version  TEXT        NOT NULL,
    requested_by         TEXT        NOT NULL,
    requested_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    computed_at          TIMESTAMPTZ,                          -- set when every draft is written
    CONSTRAINT rating_run_once UNIQUE (period, data_cutoff, methodology_version)
);

-- The figures behind every factor, per institution of a run, straight from the system of record
-- (ratingJob's first step); the scoring step turns them into ratings.
CREATE TABLE rating_figures (
    run_id                  BIGINT   NOT NULL REFERENCES rating_run (id),
    institution_uscc        CHAR(18) NOT NULL,
    institution_type        TEXT     NOT NULL,
    complaints              BIGINT   NOT NULL,
    retail_customers        BIGINT   NOT NULL,
    closed                  BIGINT   NOT NULL,
    closed_within_deadline  BIGINT   NOT NULL,
    surveyed                BIGINT   NOT NULL,
    satisfied               BIGINT   NOT NULL,
    escalated               BIGINT   NOT NULL,
    due                     INTEGER  NOT NULL,
    good_filings            INTEGER  NOT NULL,
    self_score_sum          NUMERIC,                           -- sum of the six self-scores; null: none filed
    supervisor_adjustment   NUMERIC(4, 2) NOT NULL DEFAULT 0 CHECK (supervisor_adjustment >= 0),
    adjustment_reason       TEXT,                              -- required when the adjustment is > 0
    minor                   INTEGER  NOT NULL,
    serious                 INTEGER  NOT NULL,
    major                   INTEGER  NOT NULL,
    PRIMARY KEY (run_id, institution_uscc)
);

-- A rating. DRAFT (the institution sees its own) → PUBLISHED (public, immutable), or SENT_BACK by a
-- supervisor, or REPLACED by the draft of a later run. Publishing a correction turns the version it
-- corrects SUPERSEDED; both stay public. `version` is given on publication: 1, 2, … per
-- institution and period, so public version numbers have no gaps.
CREATE TABLE rating (
    id                   BIGSERIAL PRIMARY KEY,
    run_id               BIGINT        NOT NULL REFERENCES rating_run (id),
    institution_uscc     CHAR(18)      NOT NULL REFERENCES institution (uscc),
    period               TEXT          NOT NULL,
    provisional          BOOLEAN       NOT NULL,
    status               TEXT          NOT NULL CHECK (status IN ('DRAFT', 'SENT_BACK', 'REPLACED',
                                                                   'PUBLISHED', 'SUPERSEDED')),
    version              INTEGER,
    supersedes           INTEGER,
    -- the registry as it stood at computation: a later rename does not rewrite a published rating
    name_zh              TEXT          NOT NULL,
    name_en              TEXT          NOT NULL,
    institution_type     TEXT          NOT NULL,
    province             CHAR(6)       NOT NULL,
    score                NUMERIC(4, 1) NOT NULL,
    grade                CHAR(1)       NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D')),
    capped               BOOLEAN       NOT NULL,
    limited_data         BOOLEAN       NOT NULL,
    methodology_version  TEXT          NOT NULL,
    data_cutoff          TIMESTAMPTZ   NOT NULL,
    factors              JSONB         NOT NULL,
    computed_at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    objection_deadline   DATE          NOT NULL,               -- last day (Shanghai) to object
    acknowledged_at      TIMESTAMPTZ,                          -- the institution has no objection
    acknowledged_by      TEXT,
    review_comment       TEXT,
    reviewed_by          TEXT,
    reviewed_at          TIMESTAMPTZ,
    published_at         TIMESTAMPTZ,
    published_by         TEXT,
    CONSTRAINT rating_once_per_run UNIQUE (run_id, institution_uscc),
    CONSTRAINT rating_version_once UNIQUE (institution_uscc, period, version),
    CHECK ((status IN ('PUBLISHED', 'SUPERSEDED')) = (version IS NOT NULL))
);
-- At most one open draft and one current published rating per institution and period.
CREATE UNIQUE INDEX rating_one_draft ON rating (institution_uscc, period) WHERE status = 'DRAFT';
CREATE UNIQUE INDEX rating_one_published ON rating (institution_uscc, period) WHERE status = 'PUBLISHED';
CREATE INDEX rating_public ON rating (period, grade) WHERE status IN ('PUBLISHED', 'SUPERSEDED');

-- An institution's objection to its draft, filed within the window, and how the supervisor answered.
CREATE TABLE rating_objection (
    id           BIGSERIAL PRIMARY KEY,
    rating_id    BIGINT      NOT NULL REFERENCES rating (id),
    filed_by     TEXT        NOT NULL,
    filed_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    reason       TEXT        NOT NULL,
    answer       TEXT,
    answered_by  TEXT,
    answered_at  TIMESTAMPTZ
);
CREATE INDEX rating_objection_by_rating ON rating_objection (rating_id);
