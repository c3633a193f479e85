package cn.cpsx.ingestion.sftp;

import cn.cpsx.ingestion.IntakeError;
import cn.cpsx.ingestion.filing.IntakeLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * and {@code outbox/} for receipts and results. Institutions are its only users: the intake in this
 * process reads the folders directly ({@link FilingSftpRoute}), so there is no internal login to
 * guard.
 */
@Component
@ConditionalOnBooleanProperty(name = "cpsx.sftp.enabled", matchIfMissing = true)
public class SftpGateway implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SftpGateway.class);

  private final SftpProperties properties;
  private final IntakeLimits limits;
  private final SftpOutbox outbox;
  private final SftpFolders folders;
  private final OpenUploads openUploads = new OpenUploads();
  private SshServer server;

  SftpGateway(SftpProperties properties, IntakeLimits limits, SftpOutbox outbox) {
    this.properties = properties;
    this.limits = limits;
    this.outbox = outbox;
    this.folders = outbox.folders();
  }

  /** Uploads not closed yet, which the intake leaves alone. */
  OpenUploads openUploads() {
    return openUploads;
  }

  SftpFolders folders() {
    return folders;
  }

  public Path root() {
    return folders.root();
  }

  @Override
  public void start() {
    try {
      folders.ownerOnlyDirectory(folders.root());
      Files.createDirectories(properties.hostKey().toAbsolutePath().getParent());
      VirtualFileSystemFactory files = new VirtualFileSystemFactory(root());
      server = SshServer.setUpDefaultServer();
      server.setHost("127.0.0.1");
      server.setPort(properties.port());
      server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(properties.hostKey()));
      InstitutionSftpLogin login = new InstitutionSftpLogin(properties);
      server.setPasswordAuthenticator(
          (username, password, session) -> {
            boolean ok = login.authenticate(username, password, session);
            if (ok) {
              files.setUserHomeDir(username, folders.home(username));
            }
            return ok;
          });
      server.setPublickeyAuthenticator(
          (username, key, session) -> {
            boolean ok = login.authenticate(username, key, session);
            if (ok) {
              files.setUserHomeDir(username, folders.home(username));
            }
            return ok;
          });
      server.setFileSystemFactory(files);
      SftpSubsystemFactory sftp = new SftpSubsystemFactory.Builder().build();
      sftp.addSftpEventListener(
          new InboxOnlyUploads(
              limits.maxFilingBytes(),
              openUploads,
              // An upload deleted unread (cut off, or over the limit) gets its result all the same.
              (uscc, fileName, finding) ->
                  outbox.writeRefusal(
                      uscc,
                      fileName,
                      new IntakeError(
                          finding.rule().name(), finding.messageZh(), finding.messageEn()))));
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
