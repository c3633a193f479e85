package cn.cpsx.ingestion.sftp;

import cn.cpsx.ingestion.IntakeError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes receipts and results into an institution's {@code outbox/}. A file appears whole or not at
 * all: written under a hidden name, then renamed; it is owner-only like every file of the gateway.
 */
@Component
@ConditionalOnBooleanProperty(name = "cpsx.sftp.enabled", matchIfMissing = true)
public class SftpOutbox {

  private final SftpFolders folders;

  SftpOutbox(SftpProperties properties) {
    this.folders = new SftpFolders(properties.root());
  }

  SftpFolders folders() {
    return folders;
  }

  public void write(String uscc, String fileName, Object document) {
    Path outbox = folders.outbox(uscc);
    Path target = outbox.resolve(fileName);
    Path temp = outbox.resolve("." + fileName + ".tmp");
    try {
      Files.write(
          temp, JsonMapper.shared().writerWithDefaultPrettyPrinter().writeValueAsBytes(document));
      SftpFolders.ownerOnlyFile(temp);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A result without a receipt: the file was never filed, and this says which rule refused it. */
  void writeRefusal(String uscc, String fileName, IntakeError error) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("fileName", fileName);
    result.put("status", "REJECTED");
    Map<String, Object> finding = new LinkedHashMap<>();
    finding.put("rule", error.rule());
    finding.put("severity", "ERROR");
    finding.put("messageZh", error.messageZh());
    finding.put("messageEn", error.messageEn());
    result.put("findings", List.of(finding));
    write(uscc, fileName + ".result.json", result);
  }
}
