package cn.cpsx.ingestion.filing;

/**
 * A filing as a channel hands it to the inbox.
 *
 * @param institutionUscc the institution the channel authenticated
 * @param envelope what could be read of the envelope without judging it
 */
public record IncomingFiling(
    String institutionUscc,
    Channel channel,
    Format format,
    String originalName,
    FilingEnvelope envelope,
    byte[] raw) {

  public enum Channel {
    REST,
    SOAP,
    SFTP
  }

  public enum Format {
    JSON,
    XML,
    CSV
  }
}
