package cn.cpsx.portal;

import cn.cpsx.schemas.database.SchemaMigrations;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database schema is migrated by batch-jobs alone ({@link SchemaMigrations}); this app only
 * validates it at start, waiting up to {@code cpsx.schema.patience} while batch-jobs migrates an
 * empty or older database. Tests that run this app on a database of their own set {@code
 * cpsx.schema.migrate} (their test profile), being their own migrate step.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseSchemaConfiguration.SchemaProperties.class)
class DatabaseSchemaConfiguration {

  /**
   * @param migrate apply the migrations here (tests only; batch-jobs migrates everywhere else)
   * @param patience how long to wait for batch-jobs to migrate before refusing to start
   */
  @ConfigurationProperties("cpsx.schema")
  record SchemaProperties(
      @DefaultValue("false") boolean migrate, @DefaultValue("PT3M") Duration patience) {}

  @Bean
  FlywayMigrationStrategy validateOnly(SchemaProperties schema) {
    return flyway -> {
      if (schema.migrate()) {
        flyway.migrate();
      } else {
        SchemaMigrations.awaitValidated(flyway, schema.patience(), Duration.ofSeconds(2));
      }
    };
  }
}
