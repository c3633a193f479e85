-- Weekly hot spots: institution × business category pairs whose cases received in one week jump
-- against the same pair's own baseline of the 8 weeks before (rule: batch-jobs HotSpotRule).
-- Written once per week and pair by batch-jobs' hotSpotSweepJob; analysts dismiss them in the portal.
CREATE TABLE hot_spot (
    id                 BIGSERIAL PRIMARY KEY,
    week_start         DATE          NOT NULL,   -- a Monday, Asia/Shanghai
    institution_uscc   CHAR(18)      NOT NULL,
    business_category  TEXT          NOT NULL,
    week_count         INTEGER       NOT NULL,
    baseline_mean      NUMERIC(10,2) NOT NULL,   -- cases per week over the 8 weeks before
    score              NUMERIC(10,2) NOT NULL,   -- (week_count - baseline) / sqrt(max(baseline, 1))
    flagged_at         TIMESTAMPTZ   NOT NULL DEFAULT now(),
    dismissed_at       TIMESTAMPTZ,
    dismissed_by       TEXT,
    dismiss_note       TEXT,
    CONSTRAINT hot_spot_once UNIQUE (week_start, institution_uscc, business_category)
);
CREATE INDEX hot_spot_open ON hot_spot (week_start DESC) WHERE dismissed_at IS NULL;
