package cn.cpsx.schemas;

/** ERROR rejects the record or filing; WARNING does not (REPORTING-SPEC §5). */
public enum Severity {
  ERROR,
  WARNING
}
