-- The audit log becomes tamper-evident: every entry is sealed with a SHA-256 hash over its fields
-- and the hash of the entry before it, so changing, removing or slipping in an entry breaks the
-- chain at that entry. The database seals every entry itself, at commit, whoever writes it (portal,
-- ingestion, an operator's psql), so no writer can forget or get it wrong. Format and verification:
-- supervision-portal/README.md "Audit log"; batch-jobs' auditChainVerificationJob walks the chain.

ALTER TABLE audit_log
    ADD COLUMN seq        BIGINT,   -- position in the chain, 1, 2, … without gaps (NULL only until commit)
    ADD COLUMN prev_hash  TEXT,     -- entry_hash of the entry at seq - 1 (64 zeros for seq 1)
    ADD COLUMN entry_hash TEXT;     -- audit_entry_hash(prev_hash, seq, the entry's fields)
CREATE UNIQUE INDEX audit_log_by_seq ON audit_log (seq);
CREATE INDEX audit_log_by_at ON audit_log (at DESC, id DESC);

-- The end of the chain: the one row every sealing transaction locks, so entries are chained one
-- after the other in commit order, never two onto the same predecessor. It also records how long
-- the chain is, so entries removed from its end are noticed.
CREATE TABLE audit_chain_head (
    singleton  BOOLEAN PRIMARY KEY DEFAULT true CHECK (singleton),
    seq        BIGINT NOT NULL,
    entry_hash TEXT   NOT NULL
);

-- The hash of one entry: lower-case hex SHA-256 of the UTF-8 bytes of the JSON array
--   ["cpsx-audit-v1", seq, id, at, actor, action, subject, detail, prev_hash]
-- as PostgreSQL's jsonb prints it (", " between elements, ": " in objects, detail's keys in jsonb
-- order, only '"', '\' and control characters escaped), with `at` in UTC as
-- yyyy-MM-ddTHH:mm:ss.ffffffZ (always 6 fraction digits) and a NULL subject as null.
CREATE FUNCTION audit_entry_hash(prev_hash TEXT, seq BIGINT, id BIGINT, at TIMESTAMPTZ,
                                 actor TEXT, action TEXT, subject TEXT, detail JSONB)
    RETURNS TEXT LANGUAGE sql STABLE PARALLEL SAFE AS
$$
SELECT encode(sha256(convert_to(jsonb_build_array(
           'cpsx-audit-v1'::text, seq, id,
           to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           actor, action, subject, detail, prev_hash)::text, 'UTF8')), 'hex')
$$;

-- Existing entries are chained in id order (the order they were written in), once, here.
DO
$$
    DECLARE
        e    audit_log;
        n    BIGINT := 0;
        prev TEXT   := repeat('0', 64);
        h    TEXT;
    BEGIN
        FOR e IN SELECT * FROM audit_log ORDER BY id
            LOOP
                n := n + 1;
                h := audit_entry_hash(prev, n, e.id, e.at, e.actor, e.action, e.subject, e.detail);
                UPDATE audit_log SET seq = n, prev_hash = prev, entry_hash = h WHERE id = e.id;
                prev := h;
            END LOOP;
        INSERT INTO audit_chain_head (seq, entry_hash) VALUES (n, prev);
    END
$$;

-- Seals a new entry at commit (a deferred constraint trigger): the head is locked only from then to
-- the end of the commit, so a long transaction that writes an entry early does not hold up every
-- other writer, and no lock-order deadlock with the writer's own row locks can arise. The entry
-- takes the next seq and the head's hash as its prev_hash. Under READ COMMITTED (what the apps
-- use) a waiting writer reads the head as its predecessor committed it; under REPEATABLE READ or
-- SERIALIZABLE a concurrent writer fails with a serialization error instead of forking the chain.
CREATE FUNCTION audit_log_seal() RETURNS trigger LANGUAGE plpgsql AS
$$
DECLARE
    head audit_chain_head;
    h    TEXT;
BEGIN
    SELECT * INTO STRICT head FROM audit_chain_head FOR UPDATE;
    h := audit_entry_hash(head.entry_hash, head.seq + 1, NEW.id, NEW.at, NEW.actor, NEW.action,
                          NEW.subject, NEW.detail);
    UPDATE audit_log SET seq = head.seq + 1, prev_hash = head.entry_hash, entry_hash = h
     WHERE id = NEW.id;
    UPDATE audit_chain_head SET seq = head.seq + 1, entry_hash = h;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER audit_log_seal AFTER INSERT ON audit_log
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_log_seal();

-- Append-only: UPDATE, DELETE and TRUNCATE are refused, except the seal's own update of a new
-- entry's chain columns. This stops mistakes, not an owner who disables triggers; what such a
-- person changes, the chain shows.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 THEN
        IF TG_TABLE_NAME = 'audit_chain_head' THEN
            RETURN NEW;
        END IF;
        IF OLD.seq IS NULL AND (NEW.id, NEW.at, NEW.actor, NEW.action, NEW.subject, NEW.detail)
            IS NOT DISTINCT FROM (OLD.id, OLD.at, OLD.actor, OLD.action, OLD.subject, OLD.detail) THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_chain_head_guard BEFORE INSERT OR UPDATE OR DELETE ON audit_chain_head
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- One verification of the chain (batch-jobs' auditChainVerificationJob, identifying parameter
-- verificationId): requested by a supervisor in the portal, by the schedule, or by an operator;
-- finished with the outcome. head_seq/head_hash of a verified run are an anchor: a later run checks
-- that the entry at head_seq still has head_hash, which catches a chain rewritten from the start.
CREATE TABLE audit_chain_verification (
    id              BIGSERIAL PRIMARY KEY,
    requested_by    TEXT        NOT NULL,
    requested_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at     TIMESTAMPTZ,
    verified        BOOLEAN,            -- NULL until finished
    entries         BIGINT,             -- entries walked
    head_seq        BIGINT,             -- the last entry walked
    head_hash       TEXT,
    broken_entry_id BIGINT,             -- the first broken link: the entry where it shows
    broken_seq      BIGINT,
    problem         TEXT CHECK (problem IN ('CONTENT_CHANGED', 'LINK_BROKEN', 'ENTRIES_MISSING',
                                            'UNSEALED', 'BEYOND_HEAD', 'TAIL_MISSING',
                                            'HEAD_MISMATCH', 'ANCHOR_MISMATCH')),
    expected        TEXT,               -- what the chain says should be there
    found           TEXT,               -- what is there
    CHECK ((finished_at IS NULL) = (verified IS NULL))
);
CREATE INDEX audit_chain_verification_pending ON audit_chain_verification (id)
    WHERE finished_at IS NULL;
