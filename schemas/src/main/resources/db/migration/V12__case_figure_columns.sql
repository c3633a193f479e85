-- The fields of a current case version that the reports count by, as columns PostgreSQL derives
-- from the record itself (never written by an application, so they cannot disagree with it).
-- At millions of cases, reading them from the JSONB record on every report costs more than the
-- scan; stored, a report's figures are one pass over plain columns.
--
-- A generated column must be immutable. A date-time text cast to timestamptz is not in general
-- (it depends on the TimeZone setting), but every accepted record's date-times carry an explicit
-- offset (case-record.schema.json: `dateTime` requires Z or ±hh:mm, and rule F002 parses each one),
-- so for them the cast does not depend on the session: that is what this function promises.
CREATE FUNCTION cpsx_offset_instant(text) RETURNS timestamptz
    LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT
    AS 'SELECT $1::timestamptz';

ALTER TABLE complaint_case
    ADD COLUMN business_category TEXT GENERATED ALWAYS AS (record ->> 'businessCategory') STORED,
    ADD COLUMN reason            TEXT GENERATED ALWAYS AS (record ->> 'reason') STORED,
    ADD COLUMN channel           TEXT GENERATED ALWAYS AS (record ->> 'channel') STORED,
    ADD COLUMN region            TEXT GENERATED ALWAYS AS (record ->> 'region') STORED,
    ADD COLUMN satisfaction      TEXT GENERATED ALWAYS AS (record ->> 'satisfaction') STORED,
    ADD COLUMN extended          BOOLEAN GENERATED ALWAYS AS ((record ->> 'extended')::boolean) STORED,
    ADD COLUMN resolved_at       TIMESTAMPTZ
        GENERATED ALWAYS AS (cpsx_offset_instant(record ->> 'resolvedAt')) STORED;
