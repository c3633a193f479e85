package cn.cpsx.batch.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import tools.jackson.databind.JsonNode;

/**
 * Renders a report's figures with the one template {@code report/integrity-report.html}: the HTML
 * the portal shows is its {@code report} fragment, the PDF is the whole document drawn by
 * openhtmltopdf with the Chinese font embedded as a subset, so both say the same.
 */
@Component
class ReportDocument {

  static final String TEMPLATE = "report/integrity-report";

  /** The font families the template asks for: Chinese, and Latin letters and digits. */
  static final String FONT_FAMILY = "cpsx";

  static final String LATIN_FAMILY = "cpsx-latin";

  private static final List<String> SECTIONS =
      List.of(
          "headline",
          "monthly",
          "breakdowns",
          "timeliness",
          "satisfaction",
          "escalations",
          "ratings",
          "enforcement",
          "typical",
          "alerts");

  private final SpringTemplateEngine engine = new SpringTemplateEngine();
  private final ReportProperties properties;

  ReportDocument(ReportProperties properties) {
    this.properties = properties;
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    engine.setTemplateResolver(resolver);
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("report/messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    engine.setTemplateEngineMessageSource(messages);
  }

  /** The report in one language: the HTML fragment for the web page and the PDF. */
  record Rendered(String html, byte[] pdf) {}

  Rendered render(JsonNode figures, Locale locale) {
    Context context = new Context(locale);
    context.setVariable("r", new ReportView(figures, locale));
    context.setVariable("sections", SECTIONS);
    context.setVariable(
        "breakdowns", List.of("byBusinessCategory", "byReason", "byChannel", "byProvince"));
    context.setVariable(
        "timelinessKeys",
        List.of("closed", "withinDeadline", "late", "extended", "openPastDeadline"));
    String fragment =
        engine.process(
            new TemplateSpec(TEMPLATE, Set.of("report"), TemplateMode.HTML, null), context);
    String document = engine.process(TEMPLATE, context);
    return new Rendered(fragment, pdf(document));
  }

  byte[] pdf(String xhtml) {
    File chinese = readable(properties.font());
    File latin = readable(properties.latinFont());
    File latinBold = readable(properties.latinBoldFont());
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.useSVGDrawer(new BatikSVGDrawer());
      // the template asks for "cpsx-latin, cpsx": each glyph from the first font that has it.
      // Every weight is registered: a missing one would fall back to a standard PDF font, which
      // is not embedded and has no Chinese. The charts (ReportCharts) write only digits, in
      // cpsx-latin, so the 4 MB Chinese font is not handed to the SVG drawer as well.
      var uses = EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.SVG);
      builder.useFont(latin, LATIN_FAMILY, 400, FontStyle.NORMAL, true, uses);
      builder.useFont(latinBold, LATIN_FAMILY, 700, FontStyle.NORMAL, true, uses);
      for (int weight : new int[] {400, 700}) {
        builder.useFont(
            chinese,
            FONT_FAMILY,
            weight,
            FontStyle.NORMAL,
            true,
            EnumSet.of(FSFontUseCase.DOCUMENT));
      }
      builder.withHtmlContent(xhtml, null);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("could not draw the report PDF", e);
    }
    return out.toByteArray();
  }

  private static File readable(String path) {
    File file = new File(path);
    if (!file.canRead()) {
      // named, so a missing font is a clear failure of the job, never a PDF with empty boxes
      throw new IllegalStateException(
          "the report font "
              + file
              + " is missing: install Debian's fonts-droid-fallback and fonts-dejavu-core"
              + " (scripts/cpsx does) or set cpsx.report.font / latin-font / latin-bold-font");
    }
    return file;
  }
}
