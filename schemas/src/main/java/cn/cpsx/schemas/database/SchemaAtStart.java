package cn.cpsx.schemas.database;

import java.time.Duration;
import org.flywaydb.core.Flyway;

/**
 * What ingestion and the portal do with the database schema at their start, set by {@code
 * cpsx.schema.*} ({@value #PROPERTIES}): validate it, waiting while batch-jobs migrates ({@link
 * SchemaMigrations}), or, in a test on a database of its own, apply the migrations themselves. Each
 * app hands {@link #apply} to Spring Boot's Flyway as its migration strategy.
 *
 * @param migrate apply the migrations here (tests only; batch-jobs migrates everywhere else)
 * @param patience how long to wait for batch-jobs to migrate before refusing to start; 3 minutes
 *     when not set
 */
public record SchemaAtStart(boolean migrate, Duration patience) {

  /** The prefix of the apps' properties. */
  public static final String PROPERTIES = "cpsx.schema";

  private static final Duration ASK_EVERY = Duration.ofSeconds(2);

  public SchemaAtStart {
    patience = patience == null ? Duration.ofMinutes(3) : patience;
  }

  /** Migrates, or waits until the database validates. */
  public void apply(Flyway flyway) {
    if (migrate) {
      flyway.migrate();
    } else {
      SchemaMigrations.awaitValidated(flyway, patience, ASK_EVERY);
    }
  }
}
