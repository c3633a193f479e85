package cn.cpsx.ingestion.sftp;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

/**
 * Uploads whose file handle the institution has not closed yet, as the gateway sees them, so the
 * Camel consumer in the same process skips them (§9: a file is taken only after its upload is
 * closed, not merely when its size has stood still for 2 seconds). Keys are paths as the consumer
 * sees them: {@code <USCC>/inbox/<name>}.
 */
public class OpenUploads implements GenericFileFilter<Object> {

  private final Set<String> open = ConcurrentHashMap.newKeySet();

  static String key(String uscc, String fileName) {
    return uscc + "/inbox/" + fileName;
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

  @Override
  public boolean accept(GenericFile<Object> file) {
    return file.isDirectory() || !open.contains(file.getRelativeFilePath().replace('\\', '/'));
  }
}
