package cn.cpsx.ingestion.filing;

import cn.cpsx.ingestion.IntakeError;
import cn.cpsx.schemas.Finding;

/**
 * A request refused at the door, before anything is stored: the HTTP status (or SOAP fault) and the
 * error that names the rule, in both languages.
 */
public class FilingRejection extends RuntimeException {

  private final int httpStatus;
  private final IntakeError error;
  private final long retryAfterSeconds;

  public FilingRejection(int httpStatus, Finding finding) {
    this(
        httpStatus,
        new IntakeError(finding.rule().name(), finding.messageZh(), finding.messageEn()));
  }

  public FilingRejection(int httpStatus, IntakeError error) {
    this(httpStatus, error, 0);
  }

  /** A refusal that clears by itself: the caller may send again after {@code retryAfterSeconds}. */
  public FilingRejection(int httpStatus, IntakeError error, long retryAfterSeconds) {
    super((error.rule() == null ? "" : error.rule() + ": ") + error.messageEn());
    this.httpStatus = httpStatus;
    this.error = error;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Seconds until sending again can succeed; 0 when waiting does not help. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public IntakeError error() {
    return error;
  }
}
