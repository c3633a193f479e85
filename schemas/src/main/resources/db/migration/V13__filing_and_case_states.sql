-- The database as a contract (schemas/README.md): a filing's status and a case's status are the
-- shared enums cn.cpsx.schemas.database.FilingStatus and CaseStatus, and the columns hold nothing
-- else. V1 foresaw the filing states VALIDATING and INDEXING; nothing ever wrote them (validation
-- and indexing are told by validated_at and indexed_at), so they go, with the index that listed them.
DROP INDEX IF EXISTS filing_by_status;

ALTER TABLE filing ADD CONSTRAINT filing_status_known
    CHECK (status IN ('RECEIVED', 'ACCEPTED', 'ACCEPTED_WITH_WARNINGS', 'PARTIALLY_ACCEPTED', 'REJECTED'));

ALTER TABLE complaint_case ADD CONSTRAINT complaint_case_status_known
    CHECK (status IN ('RECEIVED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED_UNRESOLVED', 'ESCALATED'));
