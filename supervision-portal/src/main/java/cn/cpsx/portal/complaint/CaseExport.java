package cn.cpsx.portal.complaint;

import cn.cpsx.portal.CodeLabels;
import cn.cpsx.schemas.CaseFields;
import cn.cpsx.schemas.CodeLists;
import cn.cpsx.search.document.CaseSearchDocument;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The current search as CSV, written page by page ({@code search_after}, 1,000 hits a page) while
 * the client reads, so memory stays flat whatever the size. At most {@link #MAX_ROWS} rows. Every
 * value is the masked one of the index. UTF-8 with a BOM, because the people who open these files
 * open them in a spreadsheet that otherwise guesses the wrong encoding for Chinese.
 */
@Component
class CaseExport {

  static final int MAX_ROWS = 100_000;
  private static final int PAGE = 1_000;

  /** Columns: the filer, the fields of REPORTING-SPEC §2.1 as indexed, then derived ones. */
  static final List<String> COLUMNS =
      java.util.stream.Stream.of(
              List.of("institution", "institutionName", "institutionType"),
              CaseFields.ALL,
              List.of("province", "deadline"))
          .flatMap(List::stream)
          .toList();

  /**
   * The coded columns and their code lists: each is written twice, its label in the reader's
   * language under the column's translated name, then the code itself in a column named "… (code)".
   */
  static final Map<String, String> CODED =
      java.util.stream.Stream.concat(
              CaseFields.CODE_LISTS.entrySet().stream(),
              Map.of("institutionType", CodeLists.INSTITUTION_TYPE, "province", CodeLists.PROVINCE)
                  .entrySet()
                  .stream())
          .collect(
              java.util.stream.Collectors.toUnmodifiableMap(e -> e.getKey(), e -> e.getValue()));

  private final CaseSearch search;
  private final MessageSource messages;
  private final CodeLabels codes;

  CaseExport(CaseSearch search, MessageSource messages, CodeLabels codes) {
    this.search = search;
    this.messages = messages;
    this.codes = codes;
  }

  /**
   * The header row in the reader's language (passed in: the body is written on another thread,
   * where the request's locale is not at hand).
   */
  List<String> header(Locale locale) {
    List<String> header = new java.util.ArrayList<>();
    for (String column : COLUMNS) {
      String name = messages.getMessage("export.column." + column, null, null, locale);
      if (name == null) {
        name = messages.getMessage("field." + column, null, column, locale);
      }
      header.add(name);
      if (CODED.containsKey(column)) {
        header.add(messages.getMessage("export.code", new Object[] {name}, locale));
      }
    }
    return header;
  }

  /** Writes the rows; returns how many. */
  long write(CaseQuery query, Locale locale, OutputStream out) throws IOException {
    Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
    csv.write('\uFEFF');
    csv.write(String.join(",", header(locale).stream().map(CaseExport::cell).toList()));
    csv.write("\r\n");
    long rows = 0;
    List<FieldValue> after = null;
    while (rows < MAX_ROWS) {
      int size = (int) Math.min(PAGE, MAX_ROWS - rows);
      List<Hit<CaseSearchDocument>> hits = search.page(query, after, size);
      for (Hit<CaseSearchDocument> hit : hits) {
        writeRow(csv, hit.source(), locale);
        rows++;
      }
      csv.flush();
      if (hits.size() < size) {
        break;
      }
      after = hits.getLast().sort();
    }
    csv.flush();
    return rows;
  }

  private void writeRow(Writer csv, CaseSearchDocument source, Locale locale) throws IOException {
    for (int i = 0; i < COLUMNS.size(); i++) {
      if (i > 0) {
        csv.write(',');
      }
      String column = COLUMNS.get(i);
      Object value = value(source, column);
      if (CODED.containsKey(column)) {
        String code = value == null ? null : value.toString();
        csv.write(cell(code == null ? null : codes.label(CODED.get(column), code, locale)));
        csv.write(',');
      }
      csv.write(cell(value));
    }
    csv.write("\r\n");
  }

  /** The indexed value of a column: a date-time as filed, an amount as a number. */
  static Object value(CaseSearchDocument source, String column) {
    CaseSearchDocument.Complainant complainant = source.complainant();
    if (column.startsWith("complainant.")) {
      if (complainant == null) {
        return null;
      }
      return switch (column) {
        case "complainant.name" -> complainant.name();
        case "complainant.idNumber" -> complainant.idNumber();
        case "complainant.phone" -> complainant.phone();
        case "complainant.ageBand" -> complainant.ageBand();
        default -> throw new IllegalArgumentException("no such column: " + column);
      };
    }
    return switch (column) {
      case "institution" -> source.institution();
      case "institutionName" -> source.institutionName();
      case "institutionType" -> source.institutionType();
      case "caseNo" -> source.caseNo();
      case "receivedAt" -> source.receivedAt();
      case "channel" -> source.channel();
      case "businessCategory" -> source.businessCategory();
      case "reason" -> source.reason();
      case "demand" -> source.demand();
      case "amountInvolved" -> source.amountInvolved();
      case "region" -> source.region();
      case "narrative" -> source.narrative();
      case "status" -> source.status();
      case "resolvedAt" -> source.resolvedAt();
      case "outcome" -> source.outcome();
      case "redressAmount" -> source.redressAmount();
      case "satisfaction" -> source.satisfaction();
      case "extended" -> source.extended();
      case "province" -> source.province();
      case "deadline" -> source.deadline();
      default -> throw new IllegalArgumentException("no such column: " + column);
    };
  }

  /**
   * RFC 4180 quoting; text that a spreadsheet would run as a formula ({@code = + - @}, tab, CR) is
   * prefixed with an apostrophe, since narratives are written by the public.
   */
  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
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
