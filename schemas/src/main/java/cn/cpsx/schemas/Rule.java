package cn.cpsx.schemas;

/**
 * The rule ids of REPORTING-SPEC §5. Their messages live in {@code messages/findings*.properties}.
 */
public enum Rule {
  F001(Severity.ERROR),
  F002(Severity.ERROR),
  F003(Severity.ERROR),
  F004(Severity.ERROR),
  F005(Severity.ERROR),
  F006(Severity.ERROR),
  F007(Severity.ERROR),
  F008(Severity.WARNING),
  F009(Severity.ERROR),
  F010(Severity.ERROR),
  C001(Severity.ERROR),
  C002(Severity.ERROR),
  C003(Severity.ERROR),
  C004(Severity.ERROR),
  C005(Severity.ERROR),
  C006(Severity.ERROR),
  C007(Severity.WARNING),
  C008(Severity.WARNING),
  C009(Severity.WARNING),
  S001(Severity.ERROR),
  S002(Severity.ERROR),
  S003(Severity.WARNING),
  A001(Severity.ERROR),
  A002(Severity.WARNING);

  private final Severity severity;

  Rule(Severity severity) {
    this.severity = severity;
  }

  public Severity severity() {
    return severity;
  }
}
