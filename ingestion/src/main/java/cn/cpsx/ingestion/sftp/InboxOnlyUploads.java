package cn.cpsx.ingestion.sftp;

import cn.cpsx.schemas.SftpFileName;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.CopyOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Map;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;

/**
 * What an institution may do in its folder: read everything, write only files directly in {@code
 * inbox/} with names the server accepts (§9: no path, no control characters, at most 255 bytes),
 * and nothing above the size limit (F003). The gateway's own user is not restricted.
 */
class InboxOnlyUploads implements SftpEventListener {

  private final String gatewayUser;
  private final long maxFilingBytes;

  InboxOnlyUploads(String gatewayUser, long maxFilingBytes) {
    this.gatewayUser = gatewayUser;
    this.maxFilingBytes = maxFilingBytes;
  }

  @Override
  public void opening(ServerSession session, String remoteHandle, Handle localHandle)
      throws IOException {
    if (localHandle instanceof FileHandle file && writes(file)) {
      checkUpload(session, file.getFile());
    }
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
