package cn.cpsx.ingestion.sftp;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code sftpIntake} health component of an ingestion whose SFTP intake is switched off ({@code
 * cpsx.sftp.enabled=false}): UNKNOWN, saying so. The {@code sftp} health group names this
 * component, and Spring Boot refuses to start an app whose health group names none that exists.
 */
@Component("sftpIntakeHealthIndicator") // shown as sftpIntake, like SftpIntakeHealth
@ConditionalOnBooleanProperty(name = "cpsx.sftp.enabled", havingValue = false)
class SftpIntakeOff implements HealthIndicator {

  @Override
  public Health health() {
    return Health.unknown()
        .withDetail("enabled", false)
        .withDetail("reason", "the SFTP intake is switched off (cpsx.sftp.enabled=false)")
        .build();
  }
}
