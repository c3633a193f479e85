package cn.cpsx.schemas.database;

/**
 * The filing inbox as the apps share it: ingestion puts a filing in (table {@value #TABLE}) and
 * notifies {@value #CHANNEL} once it is committed; batch-jobs listens there, validates and indexes;
 * the portal shows what is still {@link #WAITING}. Defined once, here, so the three cannot drift.
 */
public final class FilingQueue {

  /** The inbox table: one row per filing, the system of record for receipts and statuses. */
  public static final String TABLE = "filing";

  /** PostgreSQL {@code NOTIFY} channel; the payload is the filing id. */
  public static final String CHANNEL = "cpsx_filing_received";

  /**
   * A filing still on its way to the index, as a condition on {@code filing f}: not validated, or
   * accepted live cases not indexed. batch-jobs' queue claims these, the portal's progress page
   * lists them and the search's staleness flag counts them.
   */
  public static final String WAITING =
      """
      (f.validated_at IS NULL
       OR (f.filing_type = 'CASES' AND f.mode = 'LIVE' AND f.accepted_count > 0
           AND f.indexed_at IS NULL))""";

  private FilingQueue() {}
}
