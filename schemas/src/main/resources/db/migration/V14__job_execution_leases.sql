-- Which batch-jobs node runs each job execution, kept alive by renewing the lease. A node killed
-- mid-run stops renewing; once its lease has expired (or the same node is back after a restart) any
-- node marks the execution FAILED, so the job's sweep restarts it where it stopped instead of
-- finding it "STARTED" for ever (batch-jobs JobExecutionLeases, InterruptedRuns).
CREATE TABLE job_execution_lease (
    job_execution_id  BIGINT      PRIMARY KEY
                                  REFERENCES batch_job_execution (job_execution_id) ON DELETE CASCADE,
    owner             TEXT        NOT NULL,   -- node id (cpsx.node.id; host:port by default)
    process           TEXT        NOT NULL,   -- one start of that node: tells a restart from itself
    lease_until       TIMESTAMPTZ NOT NULL
);
CREATE INDEX job_execution_lease_by_owner ON job_execution_lease (owner);
