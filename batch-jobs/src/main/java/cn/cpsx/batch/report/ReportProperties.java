package cn.cpsx.batch.report;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How report versions are drawn and retried. The TrueType fonts embedded (as subsets) in every
 * report PDF. Nothing is assumed installed but what {@code scripts/cpsx} installs with apt:
 * Debian's {@code fonts-droid-fallback} (Apache 2.0) for Chinese — it has no Latin letters or
 * digits — and {@code fonts-dejavu-core} (free licence) for those.
 *
 * @param font the Chinese font
 * @param latinFont the font of Latin letters, digits and punctuation
 * @param latinBoldFont its bold face
 * @param retries how many times the sweep retries a FAILED version on its own (default 5): a
 *     failure of a moment (the database restarted, a node killed) heals without a supervisor; one
 *     that persists stays FAILED, with its cause, for a supervisor to retry in the portal
 * @param retryAfter how long after a failed run the sweep retries it (default 1 minute)
 */
@ConfigurationProperties("cpsx.report")
record ReportProperties(
    String font, String latinFont, String latinBoldFont, Integer retries, Duration retryAfter) {

  ReportProperties {
    font = orDefault(font, "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");
    latinFont = orDefault(latinFont, "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    latinBoldFont =
        orDefault(latinBoldFont, "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");
    retries = retries == null ? 5 : retries;
    retryAfter = retryAfter == null ? Duration.ofMinutes(1) : retryAfter;
  }

  private static String orDefault(String path, String otherwise) {
    return path == null || path.isBlank() ? otherwise : path;
  }
}
