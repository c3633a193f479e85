package cn.cpsx.batch.report;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The TrueType fonts embedded (as subsets) in every report PDF. Nothing is assumed installed but
 * what {@code scripts/cpsx} installs with apt: Debian's {@code fonts-droid-fallback} (Apache 2.0)
 * for Chinese — it has no Latin letters or digits — and {@code fonts-dejavu-core} (free licence)
 * for those.
 *
 * @param font the Chinese font
 * @param latinFont the font of Latin letters, digits and punctuation
 * @param latinBoldFont its bold face
 */
@ConfigurationProperties("cpsx.report")
record ReportProperties(String font, String latinFont, String latinBoldFont) {

  ReportProperties {
    font = orDefault(font, "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");
    latinFont = orDefault(latinFont, "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    latinBoldFont =
        orDefault(latinBoldFont, "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");
  }

  private static String orDefault(String path, String otherwise) {
    return path == null || path.isBlank() ? otherwise : path;
  }
}
