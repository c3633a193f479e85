package cn.cpsx.generator.filing;

/** A file format of §3; {@link #CSV} only for CASES. */
public enum Format {
  JSON,
  XML,
  CSV;

  public String extension() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
