package cn.cpsx.ingestion;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

  /** One clock for receipt times, replaceable in tests. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
