package cn.cpsx.ingestion.sftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes receipts and results into an institution's {@code outbox/}. A file appears whole or not at
 * all: written under a hidden name, then renamed.
 */
@Component
@ConditionalOnBean(SftpGateway.class)
public class SftpOutbox {

  private final SftpGateway gateway;

  SftpOutbox(SftpGateway gateway) {
    this.gateway = gateway;
  }

  public void write(String uscc, String fileName, Object document) {
    Path outbox = gateway.outbox(uscc);
    Path target = outbox.resolve(fileName);
    Path temp = outbox.resolve("." + fileName + ".tmp");
    try {
      Files.write(
          temp, JsonMapper.shared().writerWithDefaultPrettyPrinter().writeValueAsBytes(document));
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
