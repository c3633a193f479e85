package cn.cpsx.ingestion.sftp;

import cn.cpsx.schemas.Uscc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The SFTP intake in {@code actuator/health} (component {@code sftpIntake}): the last file taken,
 * how many completed uploads wait in the inboxes (backlog) and since when the oldest waits. It is
 * DOWN when a completed upload has waited longer than {@code cpsx.sftp.stall-after}: a stall shows
 * here, whatever its cause. The figures are counted on disk, not taken from the intake, so they
 * stay true when the intake itself is stuck.
 */
@Component("sftpIntakeHealthIndicator") // shown as sftpIntake
// the property too, read while scanning: SftpIntakeOff, under the same name, stands in when off
@ConditionalOnBooleanProperty(name = "cpsx.sftp.enabled", matchIfMissing = true)
@ConditionalOnBean(SftpGateway.class)
class SftpIntakeHealth implements HealthIndicator {

  /** What waits: completed uploads (closed, not an in-progress name) still in an inbox. */
  record Backlog(int files, Instant oldest) {}

  private final SftpIntake intake;
  private final OpenUploads openUploads;
  private final SftpProperties properties;
  private final Clock clock;

  SftpIntakeHealth(SftpIntake intake, SftpGateway gateway, SftpProperties properties, Clock clock) {
    this.intake = intake;
    this.openUploads = gateway.openUploads();
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public Health health() {
    Backlog backlog = backlog();
    Instant now = clock.instant();
    Map<String, Object> details = new LinkedHashMap<>();
    SftpIntake.Taken last = intake.lastTaken();
    details.put("lastTakenAt", last == null ? null : last.at().toString());
    details.put("lastTakenFile", last == null ? null : last.uscc() + "/inbox/" + last.fileName());
    details.put("lastOutcome", last == null ? null : last.outcome());
    details.put("takenSinceStart", intake.takenCount());
    details.put("setAsideSinceStart", intake.setAsideCount());
    details.put("backlog", backlog.files());
    details.put(
        "oldestWaitingSince", backlog.oldest() == null ? null : backlog.oldest().toString());
    long oldestSeconds =
        backlog.oldest() == null ? 0 : Duration.between(backlog.oldest(), now).toSeconds();
    details.put("oldestWaitingSeconds", oldestSeconds);
    details.put("stallAfterSeconds", properties.stallAfter().toSeconds());
    boolean stalled = oldestSeconds > properties.stallAfter().toSeconds();
    return (stalled ? Health.down() : Health.up()).withDetails(details).build();
  }

  Backlog backlog() {
    Path root = intake.folders().root();
    int files = 0;
    Instant oldest = null;
    if (!Files.isDirectory(root)) {
      return new Backlog(0, null);
    }
    try (DirectoryStream<Path> homes = Files.newDirectoryStream(root)) {
      for (Path home : homes) {
        String uscc = home.getFileName().toString();
        Path inbox = home.resolve("inbox");
        if (!Uscc.isValid(uscc) || !Files.isDirectory(inbox)) {
          continue;
        }
        try (DirectoryStream<Path> waiting = Files.newDirectoryStream(inbox)) {
          for (Path file : waiting) {
            String name = file.getFileName().toString();
            if (SettledUploads.isInProgressName(name)
                || openUploads.isOpen(uscc, name)
                || !Files.isRegularFile(file)) {
              continue;
            }
            files++;
            Instant modified = Files.getLastModifiedTime(file).toInstant();
            if (oldest == null || modified.isBefore(oldest)) {
              oldest = modified;
            }
          }
        } catch (java.nio.file.NoSuchFileException gone) {
          // a file taken while counting
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Backlog(files, oldest);
  }
}
