package cn.cpsx.portal.publicsite;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Draws a report card's XHTML as a PDF, as batch-jobs' ReportDocument draws the reports: the same
 * library (openhtmltopdf on PDFBox), the same fonts embedded as subsets (Chinese from Debian's
 * fonts-droid-fallback, Latin letters and digits from fonts-dejavu-core, installed by scripts/cpsx)
 * and the same settings ({@code cpsx.report.font}, {@code latin-font}, {@code latin-bold-font}).
 */
@Component
class ReportCardPdf {

  /** The font settings shared with batch-jobs' reports. */
  @ConfigurationProperties("cpsx.report")
  record Fonts(String font, String latinFont, String latinBoldFont) {
    Fonts {
      font = orDefault(font, "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");
      latinFont = orDefault(latinFont, "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
      latinBoldFont =
          orDefault(latinBoldFont, "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");
    }

    private static String orDefault(String path, String otherwise) {
      return path == null || path.isBlank() ? otherwise : path;
    }
  }

  private final Fonts fonts;

  ReportCardPdf(Fonts fonts) {
    this.fonts = fonts;
  }

  byte[] draw(String xhtml) {
    File chinese = readable(fonts.font());
    File latin = readable(fonts.latinFont());
    File latinBold = readable(fonts.latinBoldFont());
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      // "cpsx-latin, cpsx": each glyph from the first font that has it; every weight registered,
      // so nothing falls back to a standard PDF font (not embedded, no Chinese)
      builder.useFont(latin, "cpsx-latin", 400, FontStyle.NORMAL, true);
      builder.useFont(latinBold, "cpsx-latin", 700, FontStyle.NORMAL, true);
      builder.useFont(chinese, "cpsx", 400, FontStyle.NORMAL, true);
      builder.useFont(chinese, "cpsx", 700, FontStyle.NORMAL, true);
      builder.withHtmlContent(xhtml, null);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("could not draw the report card PDF", e);
    }
    return out.toByteArray();
  }

  private static File readable(String path) {
    File file = new File(path);
    if (!file.canRead()) {
      throw new IllegalStateException(
          "the report font "
              + file
              + " is missing: install Debian's fonts-droid-fallback and fonts-dejavu-core"
              + " (scripts/cpsx does) or set cpsx.report.font / latin-font / latin-bold-font");
    }
    return file;
  }
}
