package cn.cpsx.ingestion.sftp;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.stereotype.Component;

/**
 * The raw copies of taken files ({@code .received/}, {@code .failed/}) hold personal data and are
 * kept only for {@code cpsx.sftp.retention} (default 30 days) after they were taken: the filing
 * itself lives on in PostgreSQL, these copies are for the regulator's look at what arrived. An
 * hourly sweep deletes older ones.
 */
@Component
@ConditionalOnBean(SftpGateway.class)
class SftpRetention extends RouteBuilder {

  private static final Logger log = LoggerFactory.getLogger(SftpRetention.class);

  private final SftpGateway gateway;
  private final SftpProperties properties;
  private final Clock clock;

  SftpRetention(SftpGateway gateway, SftpProperties properties, Clock clock) {
    this.gateway = gateway;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void configure() {
    from("timer:sftp-retention?period=3600000&delay=60000")
        .routeId("sftp-retention-sweep")
        .process(exchange -> sweep());
  }

  /** Deletes raw copies taken longer ago than the retention period; returns how many. */
  int sweep() {
    Instant cutoff = clock.instant().minus(properties.retention());
    int deleted = 0;
    for (String area : List.of(".received", ".failed")) {
      Path dir = gateway.root().resolve(area);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.filter(f -> !Files.isDirectory(f, NOFOLLOW_LINKS)).toList()) {
          if (Files.getLastModifiedTime(file, NOFOLLOW_LINKS).toInstant().isBefore(cutoff)) {
            Files.deleteIfExists(file);
            deleted++;
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (deleted > 0) {
      log.info(
          "SFTP retention: {} raw copies older than {} deleted", deleted, properties.retention());
    }
    return deleted;
  }
}
