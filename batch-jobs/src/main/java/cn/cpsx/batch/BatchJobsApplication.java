package cn.cpsx.batch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The regulator's back office: validates every filing of the inbox against the reporting
 * specification and projects accepted cases into the Elasticsearch search index.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class BatchJobsApplication {

  public static void main(String[] args) {
    SpringApplication.run(BatchJobsApplication.class, args);
  }
}
