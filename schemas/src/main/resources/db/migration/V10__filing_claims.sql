-- Any number of batch-jobs processes share the filing queue: a node works on a filing only while it
-- holds the filing's claim, and keeps it by renewing the lease. A dead node's claims lapse when the
-- lease expires and another node takes the filing over (batch-jobs FilingClaims).
CREATE TABLE filing_claim (
    filing_id    TEXT        PRIMARY KEY,
    owner        TEXT        NOT NULL,   -- node id (cpsx.node.id; host:port by default)
    lease_until  TIMESTAMPTZ NOT NULL
);
CREATE INDEX filing_claim_by_owner ON filing_claim (owner);

-- The queue: filings still to validate, or accepted live CASES filings not indexed yet.
CREATE INDEX filing_pending ON filing (seq)
 WHERE validated_at IS NULL
    OR (filing_type = 'CASES' AND mode = 'LIVE' AND accepted_count > 0 AND indexed_at IS NULL);
-- An institution's filings are validated in receipt order: "is an earlier one still unvalidated?"
CREATE INDEX filing_unvalidated_by_institution ON filing (institution_uscc, seq)
 WHERE validated_at IS NULL;
