package cn.cpsx.schemas;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The code lists of REPORTING-SPEC §1–2, read from {@code codelists/*.csv} (code,zh,en). The files
 * are the single source: every module reads them here instead of copying codes into Java.
 */
public final class CodeLists {

  /** One code with its Chinese and English label. */
  public record Code(String code, String zh, String en) {
    public String label(Locale locale) {
      return Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? zh : en;
    }
  }

  public static final String CHANNEL = "channel";
  public static final String BUSINESS_CATEGORY = "business-category";
  public static final String REASON = "reason";
  public static final String DEMAND = "demand";
  public static final String CASE_STATUS = "case-status";
  public static final String OUTCOME = "outcome";
  public static final String SATISFACTION = "satisfaction";
  public static final String AGE_BAND = "age-band";
  public static final String INSTITUTION_TYPE = "institution-type";
  public static final String PROVINCE = "province";
  public static final String FILING_TYPE = "filing-type";
  public static final String SELF_ASSESSMENT_DIMENSION = "self-assessment-dimension";

  private static final List<String> ALL =
      List.of(
          CHANNEL,
          BUSINESS_CATEGORY,
          REASON,
          DEMAND,
          CASE_STATUS,
          OUTCOME,
          SATISFACTION,
          AGE_BAND,
          INSTITUTION_TYPE,
          PROVINCE,
          FILING_TYPE,
          SELF_ASSESSMENT_DIMENSION);

  private static final CodeLists STANDARD = load();

  private final Map<String, Map<String, Code>> lists;

  private CodeLists(Map<String, Map<String, Code>> lists) {
    this.lists = lists;
  }

  /** The code lists of spec version 1. */
  public static CodeLists standard() {
    return STANDARD;
  }

  public boolean contains(String list, String code) {
    return codes(list).containsKey(code);
  }

  /** The codes of a list in the order of the file. */
  public Map<String, Code> codes(String list) {
    Map<String, Code> codes = lists.get(list);
    if (codes == null) {
      throw new IllegalArgumentException("no code list " + list);
    }
    return codes;
  }

  private static CodeLists load() {
    Map<String, Map<String, Code>> lists = new LinkedHashMap<>();
    for (String name : ALL) {
      lists.put(name, read(name));
    }
    return new CodeLists(Map.copyOf(lists));
  }

  private static Map<String, Code> read(String name) {
    String resource = "/codelists/" + name + ".csv";
    try (InputStream in = CodeLists.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing code list " + resource);
      }
      Map<String, Code> codes = new LinkedHashMap<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      reader.readLine(); // header
      for (String line; (line = reader.readLine()) != null; ) {
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split(",", 3);
        codes.put(cells[0], new Code(cells[0], cells[1], cells[2]));
      }
      return java.util.Collections.unmodifiableMap(codes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
