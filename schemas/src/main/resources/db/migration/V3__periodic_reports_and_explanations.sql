-- Accepted live STATS_Q and SELF_ASSESSMENT documents (§2.2, §2.3). Every accepted filing of a
-- period is kept; the one received last counts (§4.1 amendments), the others stay as history.
CREATE TABLE periodic_report (
    filing_id         TEXT PRIMARY KEY REFERENCES filing (filing_id),
    filing_seq        BIGINT   NOT NULL,
    institution_uscc  CHAR(18) NOT NULL,
    filing_type       TEXT     NOT NULL CHECK (filing_type IN ('STATS_Q', 'SELF_ASSESSMENT')),
    period            TEXT     NOT NULL,
    supersedes        TEXT REFERENCES filing (filing_id),
    document          JSONB    NOT NULL
);
CREATE INDEX periodic_report_by_period ON periodic_report (institution_uscc, filing_type, period, filing_seq DESC);

-- Institutions' answers to WARNING findings (§4.1), carried by a later filing or an amendment.
CREATE TABLE filing_explanation (
    id         BIGSERIAL PRIMARY KEY,
    filing_id  TEXT NOT NULL REFERENCES filing (filing_id),
    rule       TEXT NOT NULL,
    record     TEXT NOT NULL,
    text       TEXT NOT NULL
);
CREATE INDEX filing_explanation_by_filing ON filing_explanation (filing_id);
CREATE INDEX complaint_case_by_received ON complaint_case (institution_uscc, received_at);
