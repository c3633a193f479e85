package cn.cpsx.ingestion.sftp;

import cn.cpsx.ingestion.filing.IntakeLimits;
import cn.cpsx.schemas.Uscc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The regulator's SFTP gateway (REPORTING-SPEC §4): each institution logs in with its USCC and
 * lands in its own folder, confined there by a virtual file system, with {@code inbox/} for uploads
 * and {@code outbox/} for receipts and results. Camel's sftp consumer logs in as the gateway user,
 * whose random password lives only in this process.
 */
@Component
@ConditionalOnBooleanProperty(name = "cpsx.sftp.enabled", matchIfMissing = true)
public class SftpGateway implements SmartLifecycle {

  static final String GATEWAY_USER = "cpsx-gateway";
  private static final Logger log = LoggerFactory.getLogger(SftpGateway.class);

  private final SftpProperties properties;
  private final IntakeLimits limits;
  private final String gatewayPassword;
  private final OpenUploads openUploads = new OpenUploads();
  private volatile BiConsumer<String, String> onCutOff = (uscc, fileName) -> {};
  private SshServer server;

  SftpGateway(SftpProperties properties, IntakeLimits limits) {
    this.properties = properties;
    this.limits = limits;
    byte[] secret = new byte[24];
    new SecureRandom().nextBytes(secret);
    this.gatewayPassword = HexFormat.of().formatHex(secret);
  }

  /** Told (USCC, file name) of every upload cut off before it was closed, after its deletion. */
  public void onCutOffUpload(BiConsumer<String, String> listener) {
    this.onCutOff = listener;
  }

  /** Uploads not closed yet: the Camel consumer's file filter. */
  public OpenUploads openUploads() {
    return openUploads;
  }

  /** The gateway user's password, for the Camel consumer in this process. */
  public String gatewayPassword() {
    return gatewayPassword;
  }

  public Path root() {
    return properties.root().toAbsolutePath();
  }

  /** An institution's outbox, created on first use. */
  public Path outbox(String uscc) {
    return folder(uscc).resolve("outbox");
  }

  @Override
  public void start() {
    try {
      Files.createDirectories(root());
      Files.createDirectories(properties.hostKey().toAbsolutePath().getParent());
      VirtualFileSystemFactory files = new VirtualFileSystemFactory(root());
      server = SshServer.setUpDefaultServer();
      server.setHost("127.0.0.1");
      server.setPort(properties.port());
      server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(properties.hostKey()));
      InstitutionSftpLogin login =
          new InstitutionSftpLogin(properties, GATEWAY_USER, gatewayPassword);
      server.setPasswordAuthenticator(
          (username, password, session) -> {
            boolean ok = login.authenticate(username, password, session);
            if (ok && !GATEWAY_USER.equals(username)) {
              files.setUserHomeDir(username, folder(username));
            }
            return ok;
          });
      server.setPublickeyAuthenticator(
          (username, key, session) -> {
            boolean ok = login.authenticate(username, key, session);
            if (ok) {
              files.setUserHomeDir(username, folder(username));
            }
            return ok;
          });
      server.setFileSystemFactory(files);
      SftpSubsystemFactory sftp = new SftpSubsystemFactory.Builder().build();
      sftp.addSftpEventListener(
          new InboxOnlyUploads(
              GATEWAY_USER,
              limits.maxFilingBytes(),
              openUploads,
              (uscc, fileName) -> onCutOff.accept(uscc, fileName)));
      server.setSubsystemFactories(List.of(sftp));
      server.setShellFactory(null);
      server.setCommandFactory(null);
      server.start();
      log.info(
          "SFTP gateway listening on 127.0.0.1:{}, folders under {}", properties.port(), root());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "SFTP gateway could not start on port " + properties.port(), e);
    }
  }

  /** The institution's folder with its inbox and outbox, made when it first logs in. */
  private Path folder(String uscc) {
    if (!Uscc.isValid(uscc)) {
      throw new IllegalArgumentException("not a USCC: " + uscc);
    }
    Path folder = root().resolve(uscc);
    try {
      Files.createDirectories(folder.resolve("inbox"));
      Files.createDirectories(folder.resolve("outbox"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return folder;
  }

  @Override
  public void stop() {
    if (server != null) {
      try {
        server.stop(true);
      } catch (IOException e) {
        log.warn("SFTP gateway did not stop cleanly: {}", e.toString());
      }
    }
  }

  @Override
  public boolean isRunning() {
    return server != null && server.isStarted();
  }

  /** Before Camel's consumer starts, after it stops. */
  @Override
  public int getPhase() {
    return Integer.MIN_VALUE + 1000;
  }
}
