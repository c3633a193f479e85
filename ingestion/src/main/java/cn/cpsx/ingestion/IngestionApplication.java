package cn.cpsx.ingestion;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Takes filings from institutions over REST, SOAP and SFTP, stores each durably in the PostgreSQL
 * inbox and answers with a receipt. Validation happens later, in batch-jobs.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IngestionApplication {

  public static void main(String[] args) {
    SpringApplication.run(IngestionApplication.class, args);
  }
}
