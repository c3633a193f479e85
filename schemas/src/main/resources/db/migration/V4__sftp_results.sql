-- When the validation report of an SFTP filing was written to its outbox (§4: {file}.result.json).
ALTER TABLE filing ADD COLUMN result_delivered_at TIMESTAMPTZ;
CREATE INDEX filing_results_to_deliver ON filing (seq)
    WHERE channel = 'SFTP' AND validated_at IS NOT NULL AND result_delivered_at IS NULL;
