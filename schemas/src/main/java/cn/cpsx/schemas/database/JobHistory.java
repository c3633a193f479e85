package cn.cpsx.schemas.database;

/**
 * batch-jobs' jobs as Spring Batch's own tables hold them ({@code batch_job_instance.job_name},
 * {@code batch_step_execution.step_name}, {@code batch_job_execution_params.parameter_name}):
 * batch-jobs builds its jobs with these names and the portal's progress page reads their runs by
 * them, so the two cannot drift. The names are the job repository's history: never rename one once
 * released (earlier runs would no longer be found, and the portal's progress bars would go blank).
 * Only the jobs that another app reads are here; batch-jobs names its other jobs itself.
 */
public final class JobHistory {

  private JobHistory() {}

  /** {@code filingProcessingJob(filingId)}: validates one filing, then indexes its cases. */
  public static final class FilingProcessing {

    public static final String JOB = "filingProcessingJob";

    /** The identifying parameter: the filing's id. */
    public static final String FILING_ID = "filingId";

    public static final String VALIDATE_STEP = "validateFilingStep";

    /** Writes the filing's accepted cases to the index; its write count is the cases indexed. */
    public static final String INDEX_STEP = "indexCasesStep";

    private FilingProcessing() {}
  }

  /** {@code caseReindexJob}: rebuilds the case index behind its alias. */
  public static final class CaseReindex {

    public static final String JOB = "caseReindexJob";

    public static final String CREATE_TARGET_STEP = "createTargetIndexStep";

    /** Writes every current case to the new index; its write count is the cases reindexed. */
    public static final String REINDEX_STEP = "reindexCasesStep";

    public static final String SWAP_ALIAS_STEP = "swapAliasStep";

    private CaseReindex() {}
  }
}
