package cn.cpsx.portal;

import cn.cpsx.schemas.database.SchemaAtStart;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The supervision portal: the regulator's workspace (search, analysis, review), the institutions'
 * own area, and the public pages of published ratings and reports.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PortalApplication {

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
    SpringApplication.run(PortalApplication.class, args);
  }

  /** "Now" for overdue cases and staleness; tests may fix it. */
  @Bean
  Clock clock() {
    return Clock.systemDefaultZone();
  }
}
