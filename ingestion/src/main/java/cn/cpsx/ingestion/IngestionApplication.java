package cn.cpsx.ingestion;

import cn.cpsx.schemas.database.SchemaAtStart;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Takes filings from institutions over REST, SOAP and SFTP, stores each durably in the PostgreSQL
 * inbox and answers with a receipt. Validation happens later, in batch-jobs.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IngestionApplication {

  /**
   * batch-jobs alone migrates the database: this app validates it at start, waiting while
   * batch-jobs migrates ({@code cpsx.schema.*}, {@link SchemaAtStart}).
   */
  @Bean
  FlywayMigrationStrategy schemaAtStart(Environment environment) {
    return Binder.get(environment).bindOrCreate(SchemaAtStart.PROPERTIES, SchemaAtStart.class)
        ::apply;
  }

  public static void main(String[] args) {
    SpringApplication.run(IngestionApplication.class, args);
  }
}
