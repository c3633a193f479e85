package cn.cpsx.portal;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The supervision portal: the regulator's workspace (search, analysis, review), the institutions'
 * own area, and the public pages of published ratings and reports.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PortalApplication {

  public static void main(String[] args) {
    SpringApplication.run(PortalApplication.class, args);
  }

  /** "Now" for overdue cases and staleness; tests may fix it. */
  @Bean
  Clock clock() {
    return Clock.systemDefaultZone();
  }
}
