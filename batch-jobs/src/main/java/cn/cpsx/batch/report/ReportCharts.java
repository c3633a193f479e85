package cn.cpsx.batch.report;

import java.util.List;
import java.util.Locale;

/**
 * The report's charts as SVG, drawn here from the figures: the same markup is inline in the HTML
 * page and drawn as vector graphics into the PDF (openhtmltopdf's Batik SVG support), so the two
 * can never show different numbers. Every mark carries its figure in {@code data-value}. Labels
 * inside the SVG are digits only; words stay in the HTML around the chart, where they are real
 * text.
 */
final class ReportCharts {

  private ReportCharts() {}

  /** A column of a column chart: its short label (digits) and value. */
  record Column(String label, long value) {}

  /** A column chart of the monthly trend: one column per month, its count above it. */
  static String columns(List<Column> columns, String ariaLabel) {
    int width = 640;
    int height = 220;
    int top = 20;
    int bottom = 24;
    long max = Math.max(1, columns.stream().mapToLong(Column::value).max().orElse(1));
    double slot = (double) width / Math.max(1, columns.size());
    double bar = slot * 0.6;
    StringBuilder svg = open(width, height, ariaLabel);
    svg.append(
        "<line x1=\"0\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888888\" stroke-width=\"1\"/>"
            .formatted(height - bottom, width, height - bottom));
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      double h = (double) (height - top - bottom) * c.value() / max;
      double x = i * slot + (slot - bar) / 2;
      double y = height - bottom - h;
      svg.append(
          "<rect class=\"bar\" x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"#1f5fa8\" data-value=\"%d\"/>"
              .formatted(n(x), n(y), n(bar), n(h), c.value()));
      svg.append(text(x + bar / 2, y - 4, String.valueOf(c.value()), 10));
      svg.append(text(x + bar / 2, height - 8, c.label(), 10));
    }
    return svg.append("</svg>").toString();
  }

  /** A horizontal bar for a table row: its length is the value against the largest of its table. */
  static String bar(long value, long max) {
    int width = 160;
    int height = 12;
    double w = max <= 0 ? 0 : (double) width * value / max;
    return open(width, height, null)
        .append(
            "<rect class=\"bar\" x=\"0\" y=\"1\" width=\"%s\" height=\"10\" fill=\"#1f5fa8\" data-value=\"%d\"/>"
                .formatted(n(w), value))
        .append("</svg>")
        .toString();
  }

  /** A stacked bar of parts of a whole (grades, satisfaction), in the given colours. */
  static String stacked(List<Long> parts, List<String> colours) {
    int width = 240;
    int height = 14;
    long total = parts.stream().mapToLong(Long::longValue).sum();
    StringBuilder svg = open(width, height, null);
    double x = 0;
    for (int i = 0; i < parts.size(); i++) {
      double w = total == 0 ? 0 : (double) width * parts.get(i) / total;
      svg.append(
          "<rect class=\"part\" x=\"%s\" y=\"1\" width=\"%s\" height=\"12\" fill=\"%s\" data-value=\"%d\"/>"
              .formatted(n(x), n(w), colours.get(i % colours.size()), parts.get(i)));
      x += w;
    }
    return svg.append("</svg>").toString();
  }

  private static StringBuilder open(int width, int height, String ariaLabel) {
    StringBuilder svg =
        new StringBuilder(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                .formatted(width, height, width, height));
    if (ariaLabel != null) {
      svg.append(" role=\"img\" aria-label=\"").append(escape(ariaLabel)).append('"');
    } else {
      svg.append(" aria-hidden=\"true\"");
    }
    return svg.append('>');
  }

  private static String text(double x, double y, String digits, int size) {
    return "<text x=\"%s\" y=\"%s\" font-family=\"cpsx-latin\" font-size=\"%d\" text-anchor=\"middle\" fill=\"#333333\">%s</text>"
        .formatted(n(x), n(y), size, escape(digits));
  }

  private static String n(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
