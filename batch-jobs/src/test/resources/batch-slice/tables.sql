-- The columns the batch slice tests' steps read themselves, in H2 (BatchSlice); Flyway's
-- migrations own the real tables in PostgreSQL.
CREATE TABLE rating_run (
  id BIGINT PRIMARY KEY,
  period VARCHAR(7) NOT NULL,
  data_cutoff TIMESTAMP WITH TIME ZONE NOT NULL
);
