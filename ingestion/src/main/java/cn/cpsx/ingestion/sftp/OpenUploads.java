package cn.cpsx.ingestion.sftp;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Uploads whose file handle the institution has not closed yet, as the gateway sees them, so the
 * intake in the same process leaves them alone (§9: a file is taken only after its upload is
 * closed, not merely when its size has stood still for 2 seconds).
 */
class OpenUploads {

  private final Set<String> open = ConcurrentHashMap.newKeySet();

  private static String key(String uscc, String fileName) {
    return uscc + "/" + fileName;
  }

  void opened(String uscc, String fileName) {
    open.add(key(uscc, fileName));
  }

  void closed(String uscc, String fileName) {
    open.remove(key(uscc, fileName));
  }

  boolean isOpen(String uscc, String fileName) {
    return open.contains(key(uscc, fileName));
  }
}
