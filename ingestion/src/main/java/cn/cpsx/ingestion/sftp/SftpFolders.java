package cn.cpsx.ingestion.sftp;

import cn.cpsx.schemas.Uscc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Where the gateway keeps files, all under one root. An institution's home ({@code <USCC>/} with
 * {@code inbox/} and {@code outbox/}) is all it can see; the regulator's own areas sit beside the
 * homes in folders whose names start with a dot, which no login can reach:
 *
 * <ul>
 *   <li>{@code .received/<USCC>/} the raw copy of every file taken from the inbox;
 *   <li>{@code .failed/<USCC>/} files that could not be processed, each with a {@code .reason.txt};
 *   <li>{@code .duplicates/<USCC>/} names whose bytes an earlier filing holds, until that filing's
 *       result is written for them too.
 * </ul>
 *
 * Every folder is 0700 and every file 0600: uploads hold personal data (issue 11).
 */
record SftpFolders(Path root) {

  static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  SftpFolders {
    root = root.toAbsolutePath().normalize();
  }

  /** The institution's home with its inbox and outbox, made on first use. */
  Path home(String uscc) {
    Path home = root.resolve(requireUscc(uscc));
    ownerOnlyDirectory(home.resolve("inbox"));
    ownerOnlyDirectory(home.resolve("outbox"));
    return home;
  }

  Path inbox(String uscc) {
    return home(uscc).resolve("inbox");
  }

  Path outbox(String uscc) {
    return home(uscc).resolve("outbox");
  }

  Path received(String uscc) {
    return ownerOnlyDirectory(root.resolve(".received").resolve(requireUscc(uscc)));
  }

  Path failed(String uscc) {
    return ownerOnlyDirectory(root.resolve(".failed").resolve(requireUscc(uscc)));
  }

  Path duplicates(String uscc) {
    return ownerOnlyDirectory(root.resolve(".duplicates").resolve(requireUscc(uscc)));
  }

  /**
   * Creates the folder (inside the root) and makes it and every folder above it up to the root
   * 0700.
   */
  Path ownerOnlyDirectory(Path dir) {
    Path target = dir.toAbsolutePath().normalize();
    if (!target.startsWith(root)) {
      throw new IllegalArgumentException(dir + " is outside " + root);
    }
    try {
      Files.createDirectories(target);
      for (Path p = target; p != null && p.startsWith(root); p = p.getParent()) {
        if (POSIX && !Files.getPosixFilePermissions(p).equals(OWNER_DIR)) {
          Files.setPosixFilePermissions(p, OWNER_DIR);
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes the file readable and writable by this process's user only. */
  static void ownerOnlyFile(Path file) throws IOException {
    if (POSIX && Files.isRegularFile(file)) {
      Files.setPosixFilePermissions(file, OWNER_FILE);
    }
  }

  private static String requireUscc(String uscc) {
    if (!Uscc.isValid(uscc)) {
      throw new IllegalArgumentException("not a USCC: " + uscc);
    }
    return uscc;
  }
}
