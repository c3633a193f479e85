package cn.cpsx.generator.filing;

/**
 * One filing ready to send.
 *
 * @param period {@code YYYY-Qn} or {@code YYYY} for periodic types, null for CASES
 * @param fileName the SFTP name of §4 ({@code {USCC}_{TYPE}_{PERIOD or yyyyMMdd}_{SEQ}.{ext}})
 * @param bytes the document as sent (UTF-8)
 */
public record Filing(
    String uscc, String filingType, String period, Format format, String fileName, byte[] bytes) {

  public String describe() {
    return filingType + (period == null ? "" : " " + period) + " (" + format + ")";
  }
}
