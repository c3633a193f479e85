package cn.cpsx.ingestion.sftp;

import cn.cpsx.schemas.SftpFileName;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an institution may do in its folder: read everything, write only files directly in {@code
 * inbox/} with names the server accepts (§9: no path, no control characters, at most 255 bytes),
 * and nothing above the size limit (F003). The gateway's own user is not restricted.
 */
class InboxOnlyUploads implements SftpEventListener {

  private static final Logger log = LoggerFactory.getLogger(InboxOnlyUploads.class);

  private final String gatewayUser;
  private final long maxFilingBytes;
  private final OpenUploads openUploads;
  private final BiConsumer<String, String> onCutOff;

  InboxOnlyUploads(
      String gatewayUser,
      long maxFilingBytes,
      OpenUploads openUploads,
      BiConsumer<String, String> onCutOff) {
    this.gatewayUser = gatewayUser;
    this.maxFilingBytes = maxFilingBytes;
    this.openUploads = openUploads;
    this.onCutOff = onCutOff;
  }

  @Override
  public void opening(ServerSession session, String remoteHandle, Handle localHandle)
      throws IOException {
    if (localHandle instanceof FileHandle file && writes(file)) {
      checkUpload(session, file.getFile());
      if (!isGateway(session)) {
        openUploads.opened(session.getUsername(), name(file));
      }
    }
  }

  /** The institution closed its upload: from now on the 2-second stability rule decides. */
  @Override
  public void closed(
      ServerSession session, String remoteHandle, Handle localHandle, Throwable thrown) {
    if (localHandle instanceof FileHandle file && writes(file) && !isGateway(session)) {
      openUploads.closed(session.getUsername(), name(file));
    }
  }

  /**
   * The session ended with the upload still open (connection lost, client killed): what arrived is
   * a truncated file, so it is deleted unread; the outbox gets a result naming F001 and no receipt.
   * The institution files it again.
   */
  @Override
  public void exiting(ServerSession session, Handle localHandle) throws IOException {
    if (localHandle instanceof FileHandle file && writes(file) && !isGateway(session)) {
      Files.deleteIfExists(file.getFile());
      openUploads.closed(session.getUsername(), name(file));
      onCutOff.accept(session.getUsername(), name(file));
      log.warn(
          "upload of {} by {} ended without being closed: truncated file deleted, nothing filed",
          name(file),
          session.getUsername());
    }
  }

  private static String name(FileHandle file) {
    Path name = file.getFile().getFileName();
    return name == null ? "" : name.toString();
  }

  @Override
  public void writing(
      ServerSession session,
      String remoteHandle,
      FileHandle localHandle,
      long offset,
      byte[] data,
      int dataOffset,
      int dataLen)
      throws IOException {
    if (!isGateway(session) && offset + dataLen > maxFilingBytes) {
      throw new AccessDeniedException(
          localHandle.getFile().toString(),
          null,
          "F003: a filing is at most " + maxFilingBytes + " bytes");
    }
  }

  @Override
  public void creating(ServerSession session, Path path, Map<String, ?> attrs) throws IOException {
    if (!isGateway(session)) {
      throw new AccessDeniedException(
          path.toString(), null, "folders are fixed: inbox/ and outbox/");
    }
  }

  @Override
  public void moving(ServerSession session, Path src, Path dst, Collection<CopyOption> opts)
      throws IOException {
    // Renaming "x.part" to its final name when the upload is done is common practice.
    checkUpload(session, src);
    checkUpload(session, dst);
  }

  @Override
  public void removing(ServerSession session, Path path, boolean isDirectory) throws IOException {
    checkUpload(session, path);
  }

  @Override
  public void linking(ServerSession session, Path source, Path target, boolean symLink)
      throws IOException {
    if (!isGateway(session)) {
      throw new AccessDeniedException(source.toString(), null, "links are not allowed");
    }
  }

  private void checkUpload(ServerSession session, Path file) throws IOException {
    if (isGateway(session)) {
      return;
    }
    Path parent = file.getParent();
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    boolean inInbox =
        parent != null
            && parent.getFileName() != null
            && parent.getFileName().toString().equals("inbox")
            && (parent.getParent() == null || parent.getParent().getFileName() == null);
    if (!inInbox) {
      throw new AccessDeniedException(file.toString(), null, "upload into inbox/ only");
    }
    if (SftpFileName.refusedAtUpload(name)) {
      throw new AccessDeniedException(file.toString(), null, "refused file name (§9)");
    }
  }

  private static boolean writes(FileHandle file) {
    return file.getOpenOptions().stream()
        .anyMatch(
            o ->
                o == StandardOpenOption.WRITE
                    || o == StandardOpenOption.APPEND
                    || o == StandardOpenOption.CREATE
                    || o == StandardOpenOption.CREATE_NEW
                    || o == StandardOpenOption.TRUNCATE_EXISTING);
  }

  private boolean isGateway(ServerSession session) {
    return gatewayUser.equals(session.getUsername());
  }
}
