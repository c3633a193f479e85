package cn.cpsx.batch.execution;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a node's hold on a job execution lasts without renewal, and how often every node looks
 * for executions whose node is gone.
 *
 * @param lease renewed every third of it while the execution runs; a killed node's executions are
 *     recovered once it has expired (default 30 s)
 * @param recoveryInterval how often the look happens besides start-up (default 15 s)
 */
@ConfigurationProperties("cpsx.jobs")
record JobExecutionProperties(Duration lease, Duration recoveryInterval) {

  JobExecutionProperties {
    lease = lease == null ? Duration.ofSeconds(30) : lease;
    recoveryInterval = recoveryInterval == null ? Duration.ofSeconds(15) : recoveryInterval;
  }
}
