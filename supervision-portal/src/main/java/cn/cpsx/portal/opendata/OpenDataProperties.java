package cn.cpsx.portal.opendata;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the open data.
 *
 * @param licence the licence the data are published under, by name
 * @param licenceUrl where its text is
 * @param rateLimit how much one client address may ask
 */
@ConfigurationProperties("cpsx.open-data")
public record OpenDataProperties(String licence, String licenceUrl, RateLimit rateLimit) {

  public OpenDataProperties {
    if (licence == null || licence.isBlank()) {
      licence = "CC BY 4.0";
    }
    if (licenceUrl == null || licenceUrl.isBlank()) {
      licenceUrl = "https://creativecommons.org/licenses/by/4.0/";
    }
    if (rateLimit == null) {
      rateLimit = new RateLimit(0, 0, 0);
    }
  }

  /**
   * @param requestsPerMinute API requests one client address may make per minute (§12: 60)
   * @param pageRequestsPerMinute public page views one client address may make per minute; pages
   *     are read by people, who share addresses behind office and carrier NATs, so this is higher
   * @param trackedAddresses at most this many addresses are remembered at once (least recently seen
   *     forgotten first), so a flood of addresses cannot exhaust memory
   */
  public record RateLimit(int requestsPerMinute, int pageRequestsPerMinute, int trackedAddresses) {
    public RateLimit {
      requestsPerMinute = requestsPerMinute > 0 ? requestsPerMinute : 60;
      pageRequestsPerMinute = pageRequestsPerMinute > 0 ? pageRequestsPerMinute : 300;
      trackedAddresses = trackedAddresses > 0 ? trackedAddresses : 100_000;
    }
  }

  /** The {@code licence} block of every answer. */
  public Licence licenceBlock() {
    return new Licence(licence, licenceUrl);
  }

  /** How the data are licensed, as each answer states it. */
  public record Licence(String name, String url) {}
}
