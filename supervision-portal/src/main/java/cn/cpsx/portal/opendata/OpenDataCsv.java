package cn.cpsx.portal.opendata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The open data as CSV: UTF-8 with a BOM (spreadsheets otherwise misread Chinese), a header row,
 * RFC 4180 quoting and CRLF line ends. Cells a spreadsheet would run as a formula — text starting
 * with {@code = + - @}, a tab or a CR — get a leading apostrophe: names, summaries and legal bases
 * are free text. Numbers are written as they are in JSON and never prefixed (a negative number
 * cannot occur in these data, but would stay a number).
 */
final class OpenDataCsv {

  private OpenDataCsv() {}

  static byte[] write(List<String> columns, List<List<Object>> rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
      out.write('\uFEFF');
      line(out, List.copyOf(columns));
      for (List<Object> row : rows) {
        line(out, row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void line(Writer out, List<?> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(cell(cells.get(i)));
    }
    out.write("\r\n");
  }

  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    if (!(value instanceof Number) && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.indexOf(',') >= 0
        || text.indexOf('"') >= 0
        || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
