package cn.cpsx.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cpsx.schemas.database.SchemaMigrations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Ingestion only validates the schema that batch-jobs migrates: on an empty database it waits while
 * another process migrates, and refuses once its patience is over. Real PostgreSQL, a throwaway
 * database per test.
 */
class SchemaValidationIT {

  static final String SERVER =
      "jdbc:postgresql://127.0.0.1:" + System.getenv().getOrDefault("CPSX_PG_PORT", "15432") + "/";

  String database;

  @AfterEach
  void dropDatabase() throws Exception {
    if (database != null) {
      try (Connection c = DriverManager.getConnection(SERVER + "cpsx", "cpsx", "cpsx")) {
        c.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      }
    }
  }

  @Test
  void anEmptyDatabaseIsWaitedForWhileAnotherProcessMigratesIt() throws Exception {
    Flyway validator = flyway(emptyDatabase());
    assertThat(validator.validateWithResult().validationSuccessful)
        .as("nothing applied yet")
        .isFalse();

    // batch-jobs' part, a little later, in another thread
    CompletableFuture<?> migration =
        CompletableFuture.runAsync(
            () -> {
              try {
                Thread.sleep(3_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              flyway(database).migrate();
            });
    Instant start = Instant.now();
    SchemaMigrations.awaitValidated(validator, Duration.ofMinutes(2), Duration.ofMillis(500));

    assertThat(Duration.between(start, Instant.now())).isGreaterThan(Duration.ofSeconds(2));
    migration.join();
    assertThat(validator.info().pending()).as("the validator applied nothing").isEmpty();
  }

  @Test
  void aDatabaseNobodyMigratesIsRefusedOnceThePatienceIsOver() throws Exception {
    Flyway validator = flyway(emptyDatabase());

    assertThatThrownBy(
            () ->
                SchemaMigrations.awaitValidated(
                    validator, Duration.ofSeconds(2), Duration.ofMillis(500)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("migrated by batch-jobs");
    assertThat(validator.info().applied()).as("and it did not migrate it itself").isEmpty();
  }

  private String emptyDatabase() throws Exception {
    database = "cpsx_schema_wait_" + ThreadLocalRandom.current().nextInt(1_000_000);
    try (Connection c = DriverManager.getConnection(SERVER + "cpsx", "cpsx", "cpsx")) {
      c.createStatement().execute("CREATE DATABASE " + database);
    }
    return database;
  }

  private static Flyway flyway(String database) {
    return Flyway.configure()
        .dataSource(SERVER + database, "cpsx", "cpsx")
        .locations("classpath:db/migration")
        .load();
  }
}
