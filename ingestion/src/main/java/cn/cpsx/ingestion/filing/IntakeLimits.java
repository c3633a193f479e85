package cn.cpsx.ingestion.filing;

import cn.cpsx.schemas.Finding;
import cn.cpsx.schemas.Rule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Size limit of REPORTING-SPEC §3, enforced while the body is read so an oversized upload is cut
 * off after the limit instead of being held in memory whole; and how many filings one institution
 * may send a minute over REST and SOAP ({@code filingsPerMinute}, 1,200 by default: far above any
 * real filer's day, low enough that one runaway client cannot starve the others).
 */
@ConfigurationProperties("cpsx.intake")
public record IntakeLimits(long maxFilingBytes, int filingsPerMinute) {

  public IntakeLimits {
    if (maxFilingBytes <= 0) {
      maxFilingBytes = 20L * 1024 * 1024;
    }
    if (filingsPerMinute <= 0) {
      filingsPerMinute = 1200;
    }
  }

  public byte[] readBounded(InputStream in) {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      for (int n; (n = in.read(buffer)) > 0; ) {
        total += n;
        if (total > maxFilingBytes) {
          throw tooLarge();
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public FilingRejection tooLarge() {
    return new FilingRejection(
        413, Finding.of(Rule.F003, null, null, "more than " + maxFilingBytes + " bytes"));
  }
}
