package cn.cpsx.schemas.database;

import java.time.Duration;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * Exactly one process applies the Flyway migrations ({@code db/migration} of this module):
 * batch-jobs, at its start. Ingestion and the portal only validate that the database is at the
 * version they were built with, and wait for it while batch-jobs migrates, so the three may start
 * together on an empty database (scripts/cpsx does). A database newer than an app (a later
 * migration, during a rolling upgrade) validates; one older, or with an edited migration, does not,
 * and that app refuses to start once the wait is over. See schemas/README.md, "Who migrates".
 */
public final class SchemaMigrations {

  /** The one process that migrates. */
  public static final String APPLIED_BY = "batch-jobs";

  private static final System.Logger log = System.getLogger(SchemaMigrations.class.getName());

  private SchemaMigrations() {}

  /**
   * Validates the database against the app's migrations until it passes or {@code patience} is
   * over, asking again every {@code interval}.
   *
   * @throws IllegalStateException the database did not reach the app's version in time, with
   *     Flyway's reasons
   */
  public static void awaitValidated(Flyway flyway, Duration patience, Duration interval) {
    Instant until = Instant.now().plus(patience);
    boolean said = false;
    while (true) {
      ValidateResult result = flyway.validateWithResult();
      if (result.validationSuccessful) {
        log.log(System.Logger.Level.INFO, "database schema valid (applied by " + APPLIED_BY + ")");
        return;
      }
      String reasons = result.getAllErrorMessages();
      if (Instant.now().isAfter(until)) {
        throw new IllegalStateException(
            "the database schema is not at this app's version after "
                + patience
                + " (it is migrated by "
                + APPLIED_BY
                + ", which must run this version or a later one): "
                + reasons);
      }
      if (!said) {
        log.log(
            System.Logger.Level.INFO,
            "waiting for " + APPLIED_BY + " to migrate the database: " + reasons);
        said = true;
      }
      try {
        Thread.sleep(interval);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the database schema", e);
      }
    }
  }
}
