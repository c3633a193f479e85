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

  public FilingRejection(int httpStatus, Finding finding) {
    this(
        httpStatus,
        new IntakeError(finding.rule().name(), finding.messageZh(), finding.messageEn()));
  }

  public FilingRejection(int httpStatus, IntakeError error) {
    super((error.rule() == null ? "" : error.rule() + ": ") + error.messageEn());
    this.httpStatus = httpStatus;
    this.error = error;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public IntakeError error() {
    return error;
  }
}
