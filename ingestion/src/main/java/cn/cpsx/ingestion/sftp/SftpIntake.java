package cn.cpsx.ingestion.sftp;

import cn.cpsx.ingestion.IntakeError;
import cn.cpsx.ingestion.filing.FilingEnvelope;
import cn.cpsx.ingestion.filing.FilingReceipt;
import cn.cpsx.ingestion.filing.FilingRejection;
import cn.cpsx.ingestion.filing.FilingReports;
import cn.cpsx.ingestion.filing.IncomingFiling;
import cn.cpsx.ingestion.filing.IntakeLimits;
import cn.cpsx.schemas.Finding;
import cn.cpsx.schemas.ReportingTime;
import cn.cpsx.schemas.Rule;
import cn.cpsx.schemas.SftpFileName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes one settled upload from an institution's {@code inbox/} and gives it its outcome in {@code
 * outbox/}: a receipt (and later the result), or at once a result naming the rule that refused it
 * (F010 name, F001 empty, F003 size, F004/F005 institution). The file then leaves the inbox for
 * {@code .received/<USCC>/}. A file that cannot be processed for any other reason goes to {@code
 * .failed/<USCC>/} with its reason; only an unreachable database leaves it where it is, to be taken
 * again. Nothing one file does stops the next one.
 */
@Component
@ConditionalOnBean(SftpGateway.class)
class SftpIntake {

  private static final Logger log = LoggerFactory.getLogger(SftpIntake.class);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ReportingTime.ZONE);
  static final Duration DATABASE_PAUSE = Duration.ofSeconds(10);

  /** The last file taken, for the health report. */
  record Taken(String uscc, String fileName, Instant at, String outcome) {}

  private final SftpFolders folders;
  private final SftpOutbox outbox;
  private final SettledUploads settled;
  private final IntakeLimits limits;
  private final FilingReports reports;
  private final JdbcClient jdbc;
  private final ProducerTemplate camel;
  private final Clock clock;
  private final AtomicReference<Taken> lastTaken = new AtomicReference<>();
  private final AtomicLong takenCount = new AtomicLong();
  private final AtomicLong setAsideCount = new AtomicLong();

  SftpIntake(
      SftpGateway gateway,
      SftpOutbox outbox,
      IntakeLimits limits,
      FilingReports reports,
      JdbcClient jdbc,
      ProducerTemplate camel,
      Clock clock) {
    this.folders = gateway.folders();
    this.outbox = outbox;
    this.settled = new SettledUploads(gateway.openUploads(), clock);
    this.limits = limits;
    this.reports = reports;
    this.jdbc = jdbc;
    this.camel = camel;
    this.clock = clock;
  }

  SettledUploads settled() {
    return settled;
  }

  SftpFolders folders() {
    return folders;
  }

  Taken lastTaken() {
    return lastTaken.get();
  }

  long takenCount() {
    return takenCount.get();
  }

  long setAsideCount() {
    return setAsideCount.get();
  }

  /** Takes {@code <USCC>/inbox/<name>} (relative to the gateway root). */
  void take(String relativePath) {
    String[] parts = relativePath.replace('\\', '/').split("/");
    String uscc = parts[0];
    String fileName = parts[2];
    Path file = folders.root().resolve(uscc).resolve("inbox").resolve(fileName);
    try {
      String outcome = outcome(uscc, fileName, file);
      moveAside(file, folders.received(uscc).resolve(fileName + "." + stamp()));
      settled.taken(uscc, fileName);
      lastTaken.set(new Taken(uscc, fileName, clock.instant(), outcome));
      takenCount.incrementAndGet();
      log.info("SFTP {}/{} taken: {}", uscc, fileName, outcome);
    } catch (NoSuchFileException gone) {
      if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        setAside(uscc, fileName, file, gone); // there, but unreadable (a dangling link, say)
      } else {
        settled.taken(uscc, fileName); // its institution removed it first: nothing to answer
      }
    } catch (DataAccessResourceFailureException | TransientDataAccessException database) {
      settled.retryLater(uscc, fileName, DATABASE_PAUSE);
      log.warn(
          "SFTP {}/{} stays in the inbox, database away: {}", uscc, fileName, database.toString());
    } catch (RuntimeException | IOException e) {
      setAside(uscc, fileName, file, e);
    }
  }

  /** Files the upload or refuses it; says which in a word for the log and the health report. */
  private String outcome(String uscc, String fileName, Path file) throws IOException {
    SftpFileName.Parsed parsed =
        SftpFileName.parse(fileName, LocalDate.now(clock.withZone(ReportingTime.ZONE)));
    if (parsed instanceof SftpFileName.Invalid invalid) {
      return refuse(uscc, fileName, invalid.finding());
    }
    if (!(parsed instanceof SftpFileName.Valid valid)) {
      return "ignored"; // in-progress names never reach here: the filter skips them
    }
    if (Files.size(file) > limits.maxFilingBytes()) {
      return refuse(
          uscc,
          fileName,
          Finding.of(Rule.F003, null, null, "more than " + limits.maxFilingBytes() + " bytes"));
    }
    byte[] raw = Files.readAllBytes(file);
    if (raw.length == 0) {
      return refuse(
          uscc,
          fileName,
          Finding.of(Rule.F001, null, null, valid.name().extension().toUpperCase(), "empty file"));
    }
    IncomingFiling filing =
        new IncomingFiling(
            uscc,
            IncomingFiling.Channel.SFTP,
            format(valid.name()),
            fileName,
            envelope(valid.name(), raw),
            raw);
    FilingReceipt receipt;
    try {
      receipt = camel.requestBody("direct:receive-filing", filing, FilingReceipt.class);
    } catch (CamelExecutionException e) {
      if (e.getCause() instanceof FilingRejection rejection) {
        outbox.writeRefusal(uscc, fileName, rejection.error());
        return rejection.error().rule();
      }
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    outbox.write(uscc, fileName + ".receipt.json", receipt);
    String firstName =
        jdbc.sql("SELECT original_name FROM filing WHERE filing_id = ?")
            .param(receipt.filingId())
            .query(String.class)
            .optional()
            .orElse(null);
    if (!fileName.equals(firstName)) {
      // The same bytes were filed before under another name (or channel): this name gets a result
      // of its own once that filing has one, saying plainly whose outcome it is.
      Path pending = folders.duplicates(uscc).resolve(fileName);
      Files.writeString(pending, receipt.filingId());
      SftpFolders.ownerOnlyFile(pending);
      return "duplicate of " + receipt.filingId();
    }
    return "filed as " + receipt.filingId();
  }

  private String refuse(String uscc, String fileName, Finding finding) {
    outbox.writeRefusal(
        uscc,
        fileName,
        new IntakeError(finding.rule().name(), finding.messageZh(), finding.messageEn()));
    return finding.rule().name();
  }

  private static FilingEnvelope envelope(SftpFileName name, byte[] raw) {
    if (name.extension().equals("json")) {
      return FilingEnvelope.probeJson(raw);
    }
    // A CSV's envelope is its name; an XML's institution is checked by the validation job (F005).
    return new FilingEnvelope(
        name.uscc(),
        name.filingType(),
        name.test() ? "TEST" : "LIVE",
        name.filingType().equals("CASES") ? null : name.period());
  }

  private static IncomingFiling.Format format(SftpFileName name) {
    return switch (name.extension()) {
      case "csv" -> IncomingFiling.Format.CSV;
      case "xml" -> IncomingFiling.Format.XML;
      default -> IncomingFiling.Format.JSON;
    };
  }

  /**
   * The file could not be processed: it leaves the inbox for {@code .failed/<USCC>/} with a {@code
   * .reason.txt} the regulator reads, and the institution gets a result saying so (without the
   * internal reason). If even that fails, the file is left alone for a minute.
   */
  private void setAside(String uscc, String fileName, Path file, Throwable reason) {
    log.error("SFTP {}/{} could not be processed: set aside", uscc, fileName, reason);
    try {
      Path target = folders.failed(uscc).resolve(fileName + "." + stamp());
      moveAside(file, target);
      Path why = target.resolveSibling(target.getFileName() + ".reason.txt");
      Files.writeString(
          why,
          clock.instant() + " " + uscc + "/inbox/" + fileName + "\n" + reason + "\n",
          StandardCharsets.UTF_8);
      SftpFolders.ownerOnlyFile(why);
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("fileName", fileName);
      result.put("status", "NOT_PROCESSED");
      result.put("messageZh", "文件未能处理，已转交监管机构人工核查；未作报送。如需报送，请稍后重新上传，或联系监管机构。");
      result.put(
          "messageEn",
          "The file could not be processed and was set aside for the regulator to examine; nothing"
              + " was filed. Upload it again later, or contact the regulator.");
      result.put("findings", List.of());
      outbox.write(uscc, fileName + ".result.json", result);
      settled.taken(uscc, fileName);
      setAsideCount.incrementAndGet();
      lastTaken.set(new Taken(uscc, fileName, clock.instant(), "set aside"));
    } catch (IOException | RuntimeException e) {
      settled.retryLater(uscc, fileName, Duration.ofMinutes(1));
      log.error("SFTP {}/{} could not even be set aside: {}", uscc, fileName, e.toString());
    }
  }

  /**
   * Moves a file out of the inbox; its time becomes the time taken, which retention counts from.
   */
  private void moveAside(Path file, Path target) throws IOException {
    Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      SftpFolders.ownerOnlyFile(target);
      Files.setLastModifiedTime(target, FileTime.from(clock.instant()));
    }
  }

  private String stamp() {
    return STAMP.format(clock.instant());
  }

  /**
   * Writes the result of every SFTP filing validated since the last round, once; then the results
   * of names whose bytes an earlier filing holds, once that filing is validated.
   */
  void deliverResults() {
    List<Map<String, Object>> due =
        jdbc.sql(
                """
                SELECT filing_id, institution_uscc, original_name FROM filing
                 WHERE channel = 'SFTP' AND validated_at IS NOT NULL AND result_delivered_at IS NULL
                 ORDER BY seq LIMIT 200
                """)
            .query()
            .listOfRows();
    for (Map<String, Object> filing : due) {
      String filingId = (String) filing.get("filing_id");
      String uscc = ((String) filing.get("institution_uscc")).trim();
      reports
          .find(filingId, uscc)
          .ifPresent(
              report -> outbox.write(uscc, filing.get("original_name") + ".result.json", report));
      jdbc.sql("UPDATE filing SET result_delivered_at = now() WHERE filing_id = ?")
          .param(filingId)
          .update();
    }
    deliverDuplicateResults();
    settled.forgetStale();
  }

  private void deliverDuplicateResults() {
    Path all = folders.root().resolve(".duplicates");
    if (!Files.isDirectory(all)) {
      return;
    }
    try (DirectoryStream<Path> institutions = Files.newDirectoryStream(all)) {
      for (Path institution : institutions) {
        String uscc = institution.getFileName().toString();
        try (DirectoryStream<Path> names = Files.newDirectoryStream(institution)) {
          for (Path pending : names) {
            deliverDuplicateResult(uscc, pending);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void deliverDuplicateResult(String uscc, Path pending) throws IOException {
    String fileName = pending.getFileName().toString();
    String filingId = Files.readString(pending).strip();
    boolean validated =
        jdbc.sql(
                "SELECT validated_at IS NOT NULL FROM filing WHERE filing_id = ? AND institution_uscc = ?")
            .params(filingId, uscc)
            .query(Boolean.class)
            .optional()
            .orElse(false);
    if (!validated) {
      return;
    }
    var report = reports.find(filingId, uscc);
    if (report.isEmpty()) {
      return;
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("fileName", fileName);
    result.put("duplicateOf", filingId);
    result.put(
        "messageZh", "本文件与已受理的报送 " + filingId + " 字节完全相同，未作为新报送受理；以下为报送 " + filingId + " 的校验结果。");
    result.put(
        "messageEn",
        "This file holds exactly the same bytes as filing "
            + filingId
            + ", received earlier, so it was not filed again; the outcome below is that of "
            + filingId
            + ".");
    @SuppressWarnings("unchecked")
    Map<String, Object> outcome = JsonMapper.shared().convertValue(report.get(), Map.class);
    result.putAll(outcome);
    outbox.write(uscc, fileName + ".result.json", result);
    Files.deleteIfExists(pending);
  }
}
