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
    return variant(rule, null, record, field, args);
  }

  /** A finding whose message is the rule's variant text ({@code F009.unknown}, say). */
  public static Finding variant(
      Rule rule, String variant, Integer record, String field, Object... args) {
    String key = variant == null ? rule.name() : rule.name() + "." + variant;
    return new Finding(
        rule,
        rule.severity(),
        record,
        field,
        FindingMessages.zh(key, field, args),
        FindingMessages.en(key, field, args));
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
