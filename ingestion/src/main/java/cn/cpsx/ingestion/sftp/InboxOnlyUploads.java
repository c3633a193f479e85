package cn.cpsx.ingestion.sftp;

import cn.cpsx.schemas.Finding;
import cn.cpsx.schemas.Rule;
import cn.cpsx.schemas.SftpFileName;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an institution may do in its folder: read everything, write only files directly in {@code
 * inbox/} with names the server accepts (§9: no path, no control characters, at most 255 bytes),
 * and nothing above the size limit (F003). Every upload is made owner-only (0600) as soon as it
 * exists, whatever permissions the client asked for: it holds personal data.
 */
class InboxOnlyUploads implements SftpEventListener {

  /** Told of every upload the gateway deleted unread, with the rule that says why. */
  @FunctionalInterface
  interface Refusals {
    void refused(String uscc, String fileName, Finding finding);
  }

  private static final Logger log = LoggerFactory.getLogger(InboxOnlyUploads.class);

  private final long maxFilingBytes;
  private final OpenUploads openUploads;
  private final Refusals refusals;

  /** Uploads that went past the size limit: deleted when closed, never left in the inbox. */
  private final Set<Path> oversize = ConcurrentHashMap.newKeySet();

  InboxOnlyUploads(long maxFilingBytes, OpenUploads openUploads, Refusals refusals) {
    this.maxFilingBytes = maxFilingBytes;
    this.openUploads = openUploads;
    this.refusals = refusals;
  }

  @Override
  public void opening(ServerSession session, String remoteHandle, Handle localHandle)
      throws IOException {
    if (localHandle instanceof FileHandle file && writes(file)) {
      checkUpload(file.getFile());
      openUploads.opened(session.getUsername(), name(file.getFile()));
    }
  }

  @Override
  public void open(ServerSession session, String remoteHandle, Handle localHandle)
      throws IOException {
    if (localHandle instanceof FileHandle file && writes(file)) {
      SftpFolders.ownerOnlyFile(file.getFile());
    }
  }

  @Override
  public void modifyingAttributes(ServerSession session, Path path, Map<String, ?> attrs)
      throws IOException {
    if (Files.isDirectory(path)) {
      throw new AccessDeniedException(
          path.toString(), null, "folders are fixed: inbox/ and outbox/");
    }
  }

  /** A client that sets permissions (put -p) does not get to open the file to others. */
  @Override
  public void modifiedAttributes(
      ServerSession session, Path path, Map<String, ?> attrs, Throwable thrown) throws IOException {
    SftpFolders.ownerOnlyFile(path);
  }

  /**
   * The institution closed its upload: from now on the 2-second stability rule decides. An upload
   * refused for its size is deleted first, so the part that arrived is never taken.
   */
  @Override
  public void closed(
      ServerSession session, String remoteHandle, Handle localHandle, Throwable thrown)
      throws IOException {
    if (localHandle instanceof FileHandle file && writes(file)) {
      String uscc = session.getUsername();
      if (oversize.remove(file.getFile())) {
        Files.deleteIfExists(file.getFile());
        refusals.refused(uscc, name(file.getFile()), tooLarge());
        log.warn(
            "upload of {} by {} went past {} bytes: deleted unread",
            name(file.getFile()),
            uscc,
            maxFilingBytes);
      }
      openUploads.closed(uscc, name(file.getFile()));
    }
  }

  /**
   * The session ended with the upload still open (connection lost, client killed): what arrived is
   * a truncated file, so it is deleted unread; the outbox gets a result naming F001 (F003 if it was
   * already over the limit) and no receipt. The institution files it again.
   */
  @Override
  public void exiting(ServerSession session, Handle localHandle) throws IOException {
    if (localHandle instanceof FileHandle file && writes(file)) {
      String uscc = session.getUsername();
      Files.deleteIfExists(file.getFile());
      boolean tooBig = oversize.remove(file.getFile());
      openUploads.closed(uscc, name(file.getFile()));
      refusals.refused(
          uscc,
          name(file.getFile()),
          tooBig ? tooLarge() : Finding.variant(Rule.F001, "interrupted", null, null));
      log.warn(
          "upload of {} by {} ended without being closed: truncated file deleted, nothing filed",
          name(file.getFile()),
          uscc);
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
    if (offset + dataLen > maxFilingBytes) {
      oversize.add(localHandle.getFile());
      throw new AccessDeniedException(
          localHandle.getFile().toString(),
          null,
          "F003: a filing is at most " + maxFilingBytes + " bytes");
    }
  }

  @Override
  public void creating(ServerSession session, Path path, Map<String, ?> attrs) throws IOException {
    throw new AccessDeniedException(path.toString(), null, "folders are fixed: inbox/ and outbox/");
  }

  @Override
  public void moving(ServerSession session, Path src, Path dst, Collection<CopyOption> opts)
      throws IOException {
    // Renaming "x.part" to its final name when the upload is done is common practice.
    checkUpload(src);
    checkUpload(dst);
  }

  @Override
  public void removing(ServerSession session, Path path, boolean isDirectory) throws IOException {
    checkUpload(path);
  }

  @Override
  public void linking(ServerSession session, Path source, Path target, boolean symLink)
      throws IOException {
    throw new AccessDeniedException(source.toString(), null, "links are not allowed");
  }

  private Finding tooLarge() {
    return Finding.of(Rule.F003, null, null, "more than " + maxFilingBytes + " bytes");
  }

  private static void checkUpload(Path file) throws IOException {
    Path parent = file.getParent();
    String name = name(file);
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

  private static String name(Path file) {
    Path name = file.getFileName();
    return name == null ? "" : name.toString();
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
}
