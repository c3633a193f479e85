package cn.cpsx.schemas;

/**
 * One finding of a validation report.
 *
 * @param record index of the record (0-based position in {@code cases}), or null for the filing
 * @param field the field concerned, or null
 */
public record Finding(
    Rule rule,
    Severity severity,
    Integer record,
    String field,
    String messageZh,
    String messageEn) {

  public static Finding of(Rule rule, Integer record, String field, Object... args) {
    return new Finding(
        rule,
        rule.severity(),
        record,
        field,
        FindingMessages.zh(rule, field, args),
        FindingMessages.en(rule, field, args));
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
