package cn.cpsx.schemas;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * Reads a CASES filing in CSV (REPORTING-SPEC §3, §9 "CSV") into the JSON shape of §3, so the one
 * {@link FilingValidator} judges it: UTF-8 with an optional BOM, a header row naming the §2.1
 * fields in any order ({@code complainant.name} and so on for nested ones), an empty cell for an
 * absent field, {@code true}/{@code false} for booleans. The envelope comes from the file name.
 */
public final class CasesCsv {

  private static final Set<String> TOP =
      CaseFields.ALL.stream()
          .filter(f -> !f.contains("."))
          .collect(java.util.stream.Collectors.toUnmodifiableSet());
  private static final Set<String> COMPLAINANT =
      CaseFields.ALL.stream()
          .filter(f -> f.startsWith("complainant."))
          .map(f -> f.substring("complainant.".length()))
          .collect(java.util.stream.Collectors.toUnmodifiableSet());
  private static final CsvMapper CSV =
      CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();

  /** The filing, or the finding that rejects it (F001 malformed, F002 unknown column). */
  public sealed interface Result permits Parsed, Refused {}

  public record Parsed(ObjectNode filing) implements Result {}

  public record Refused(Finding finding) implements Result {}

  private CasesCsv() {}

  public static Result read(byte[] body, SftpFileName name) {
    List<String[]> rows;
    try {
      rows = rows(body);
    } catch (Utf8.NotUtf8Exception e) {
      return new Refused(Finding.of(Rule.F001, null, null, "CSV", e.getMessage()));
    } catch (JacksonException e) {
      return new Refused(Finding.of(Rule.F001, null, null, "CSV", e.getOriginalMessage()));
    }
    if (rows.isEmpty()) {
      return new Refused(Finding.of(Rule.F001, null, null, "CSV", "no header row"));
    }
    String[] header = rows.getFirst();
    for (String column : header) {
      if (!known(column)) {
        return new Refused(Finding.of(Rule.F002, null, column, "unknown column '" + column + "'"));
      }
    }
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode filing = json.objectNode();
    filing.put("specVersion", "1");
    filing.put("filingType", "CASES");
    filing.put("institution", name.uscc());
    filing.put("mode", name.test() ? "TEST" : "LIVE");
    var cases = filing.putArray("cases");
    for (int line = 1; line < rows.size(); line++) {
      String[] cells = rows.get(line);
      if (blank(cells)) {
        continue; // a blank line, as at the end of many exports
      }
      if (cells.length > header.length) {
        return new Refused(
            Finding.of(
                Rule.F001,
                null,
                null,
                "CSV",
                "line "
                    + (line + 1)
                    + " has "
                    + cells.length
                    + " cells for "
                    + header.length
                    + " columns"));
      }
      ObjectNode record = json.objectNode();
      for (int i = 0; i < cells.length; i++) {
        if (cells[i].isEmpty()) {
          continue;
        }
        String column = header[i];
        if (column.startsWith("complainant.")) {
          ObjectNode complainant =
              record.has("complainant")
                  ? (ObjectNode) record.get("complainant")
                  : record.putObject("complainant");
          complainant.put(column.substring("complainant.".length()), cells[i]);
        } else if (column.equals("extended")
            && (cells[i].equals("true") || cells[i].equals("false"))) {
          record.put(column, Boolean.parseBoolean(cells[i]));
        } else {
          record.put(column, cells[i]);
        }
      }
      cases.add(record);
    }
    return new Parsed(filing);
  }

  /**
   * Where each case record of a CSV filing stands in the file: element {@code i} is the 1-based row
   * of the record with index {@code i} (the header is row 1, blank lines count but hold no record),
   * which is the line number as an editor shows it unless a quoted cell spans lines. Empty for a
   * file that cannot be read.
   */
  public static List<Integer> recordRows(byte[] body) {
    List<String[]> rows;
    try {
      rows = rows(body);
    } catch (Utf8.NotUtf8Exception | JacksonException e) {
      return List.of();
    }
    List<Integer> numbers = new ArrayList<>();
    for (int row = 1; row < rows.size(); row++) {
      if (!blank(rows.get(row))) {
        numbers.add(row + 1);
      }
    }
    return numbers;
  }

  private static List<String[]> rows(byte[] body) throws Utf8.NotUtf8Exception {
    List<String[]> rows = new ArrayList<>();
    byte[] text = Utf8.withoutBom(Utf8.requireUtf8(body));
    try (MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(text)) {
      while (it.hasNext()) {
        rows.add(it.next());
      }
    }
    return rows;
  }

  private static boolean blank(String[] cells) {
    return cells.length == 1 && cells[0].isEmpty();
  }

  private static boolean known(String column) {
    return TOP.contains(column)
        || column.startsWith("complainant.")
            && COMPLAINANT.contains(column.substring("complainant.".length()));
  }
}
