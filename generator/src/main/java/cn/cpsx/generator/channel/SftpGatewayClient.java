package cn.cpsx.generator.channel;

import cn.cpsx.generator.filing.Filing;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import tools.jackson.databind.JsonNode;

/**
 * The regulator's SFTP gateway as an institution uses it (schemas/README "Filing over SFTP"): log
 * in with the USCC and the demo secret, upload into {@code inbox/} under a temporary name and
 * rename, read the receipt and the result from {@code outbox/}.
 */
public final class SftpGatewayClient implements AutoCloseable {

  private final SshClient ssh = SshClient.setUpDefaultClient();
  private final String host;
  private final int port;
  private final Map<String, SftpClient> sessions = new HashMap<>();

  public SftpGatewayClient(String host, int port) {
    this.host = host;
    this.port = port;
    ssh.start();
  }

  /** Uploads the filing into the institution's inbox (a temporary name, then the real one). */
  public void upload(Filing filing) {
    try {
      SftpClient sftp = sftp(filing.uscc());
      String part = "inbox/" + filing.fileName() + ".part";
      try (OutputStream out = sftp.write(part)) {
        out.write(filing.bytes());
      }
      sftp.rename(part, "inbox/" + filing.fileName());
    } catch (IOException e) {
      forget(filing.uscc());
      throw new UncheckedIOException(
          "SFTP upload of " + filing.fileName() + ": " + e.getMessage(), e);
    }
  }

  /** {@code outbox/{name}.receipt.json} or {@code .result.json}, once there. */
  public Optional<JsonNode> outbox(String uscc, String fileName, String suffix) {
    try {
      SftpClient sftp = sftp(uscc);
      String wanted = fileName + suffix;
      for (SftpClient.DirEntry entry : sftp.readDir("outbox")) {
        if (entry.getFilename().equals(wanted)) {
          try (var in = sftp.read("outbox/" + wanted)) {
            return Optional.of(
                Http.JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
          }
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      forget(uscc);
      throw new UncheckedIOException("SFTP outbox of " + uscc + ": " + e.getMessage(), e);
    }
  }

  /** One logged-in session per institution, kept until {@link #close()}. */
  private SftpClient sftp(String uscc) throws IOException {
    SftpClient open = sessions.get(uscc);
    if (open != null) {
      return open;
    }
    ClientSession session =
        ssh.connect(uscc, host, port).verify(Duration.ofSeconds(10)).getSession();
    session.addPasswordIdentity(KeycloakTokens.demoSecret(uscc));
    session.auth().verify(Duration.ofSeconds(20));
    SftpClient sftp = SftpClientFactory.instance().createSftpClient(session);
    sessions.put(uscc, sftp);
    return sftp;
  }

  /**
   * Drops the institution's session after a failure (the gateway restarted, the connection broke):
   * the next call logs in again instead of reusing a dead session.
   */
  private void forget(String uscc) {
    SftpClient dead = sessions.remove(uscc);
    if (dead != null) {
      try {
        dead.close();
        dead.getClientSession().close();
      } catch (IOException | RuntimeException e) {
        // already broken
      }
    }
  }

  @Override
  public void close() {
    for (SftpClient sftp : sessions.values()) {
      try {
        sftp.close();
        sftp.getClientSession().close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    ssh.stop();
  }
}
