package cn.cpsx.batch;

import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.configuration.annotation.EnableJdbcJobRepository;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What a {@code @SpringBatchTest} of one job needs without a server: Spring Batch's own JDBC job
 * repository on an in-memory H2 database (so a failed run can be restarted and a completed one is
 * refused, as on PostgreSQL), with the few columns the job's steps read themselves ({@code
 * batch-slice/*.sql}; Flyway's migrations own the real tables). Import it next to the job's
 * configuration class; the job's collaborators are the test's mocks.
 */
// a test component: the apps' @SpringBootTest contexts scan this package and must not pick it up
@TestConfiguration(proxyBeanMethods = false)
@EnableBatchProcessing
@EnableJdbcJobRepository
public class BatchSlice {

  @Bean
  DataSource dataSource() {
    return new EmbeddedDatabaseBuilder()
        .generateUniqueName(true)
        .setType(EmbeddedDatabaseType.H2)
        .addScript("/org/springframework/batch/core/schema-h2.sql")
        .addScript("/batch-slice/tables.sql")
        .build();
  }

  @Bean
  PlatformTransactionManager transactionManager(DataSource dataSource) {
    return new JdbcTransactionManager(dataSource);
  }

  @Bean
  JdbcClient jdbcClient(DataSource dataSource) {
    return JdbcClient.create(dataSource);
  }
}
