package cn.cpsx.generator.filing;

/** The intake channels of §4 and the format each carries a filing in. */
public enum Channel {
  REST,
  SOAP,
  SFTP;

  /** REST carries JSON, SOAP XML; over SFTP cases go as CSV, statistics as XML, the rest JSON. */
  public Format format(String filingType) {
    return switch (this) {
      case REST -> Format.JSON;
      case SOAP -> Format.XML;
      case SFTP ->
          switch (filingType) {
            case "CASES" -> Format.CSV;
            case "STATS_Q" -> Format.XML;
            default -> Format.JSON;
          };
    };
  }
}
