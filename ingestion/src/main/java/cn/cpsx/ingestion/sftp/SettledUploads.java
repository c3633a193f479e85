package cn.cpsx.ingestion.sftp;

import cn.cpsx.schemas.Uscc;
import java.io.File;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

/**
 * Which files under the gateway root the intake may take now (§9): a file directly in an
 * institution's {@code inbox/}, not an in-progress name, whose upload the institution has closed,
 * and whose size and modification time have stood still for 2 seconds.
 *
 * <p>The wait is decided here, in the filter, and never by blocking the poll (Camel's {@code
 * readLock=changed} sleeps in the poll until a file settles, so one file that never does, such as
 * an empty one, holds up everyone's). A file that is not ready yet is simply skipped and looked at
 * again at the next poll.
 */
class SettledUploads implements GenericFileFilter<File> {

  static final Duration STABLE_FOR = Duration.ofSeconds(2);
  private static final Duration FORGET_AFTER = Duration.ofMinutes(10);

  /** One look at a waiting file: its size and time, first seen like this at {@code since}. */
  private record Seen(long size, long lastModified, long since, long lastLook) {}

  private final OpenUploads openUploads;
  private final Clock clock;
  private final Map<String, Seen> seen = new ConcurrentHashMap<>();
  private final Map<String, Long> notBefore = new ConcurrentHashMap<>();

  SettledUploads(OpenUploads openUploads, Clock clock) {
    this.openUploads = openUploads;
    this.clock = clock;
  }

  @Override
  public boolean accept(GenericFile<File> file) {
    String[] parts = file.getRelativeFilePath().replace('\\', '/').split("/");
    if (file.isDirectory()) {
      // Only institutions' homes and their inboxes: never .received/, .failed/ or outbox/.
      return parts.length == 1 && Uscc.isValid(parts[0])
          || parts.length == 2 && Uscc.isValid(parts[0]) && parts[1].equals("inbox");
    }
    if (parts.length != 3 || !Uscc.isValid(parts[0]) || !parts[1].equals("inbox")) {
      return false;
    }
    String key = parts[0] + "/" + parts[2];
    if (isInProgressName(parts[2]) || openUploads.isOpen(parts[0], parts[2])) {
      seen.remove(key);
      return false;
    }
    long now = clock.millis();
    Long wait = notBefore.get(key);
    if (wait != null && now < wait) {
      return false;
    }
    Seen before = seen.get(key);
    if (before == null
        || before.size() != file.getFileLength()
        || before.lastModified() != file.getLastModified()) {
      seen.put(key, new Seen(file.getFileLength(), file.getLastModified(), now, now));
      return false;
    }
    seen.put(key, new Seen(before.size(), before.lastModified(), before.since(), now));
    return now - before.since() >= STABLE_FOR.toMillis();
  }

  /** The file has its outcome and left the inbox. */
  void taken(String uscc, String fileName) {
    seen.remove(uscc + "/" + fileName);
    notBefore.remove(uscc + "/" + fileName);
  }

  /** The file stays in the inbox (the database is away, say): look again after {@code pause}. */
  void retryLater(String uscc, String fileName, Duration pause) {
    notBefore.put(uscc + "/" + fileName, clock.millis() + pause.toMillis());
  }

  /** Forgets files not looked at for a while (deleted by their institution before taken). */
  void forgetStale() {
    long cutoff = clock.millis() - FORGET_AFTER.toMillis();
    seen.values().removeIf(s -> s.lastLook() < cutoff);
    notBefore.values().removeIf(t -> t < cutoff);
  }

  /** §9: a name starting with {@code .} or ending in {@code .part}/{@code .filepart}. */
  static boolean isInProgressName(String name) {
    return name.startsWith(".") || name.endsWith(".part") || name.endsWith(".filepart");
  }
}
