package cn.cpsx.search.privacy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Masks personal information (REPORTING-SPEC §6, §9: names, mobile and landline numbers, e-mail
 * addresses, resident ID numbers, bank card numbers) in complainant fields and narratives. The one
 * masker of every path: batch-jobs before indexing, the portal in case views and exports.
 *
 * <p>Detection runs on a normalised copy of the text (NFKC: full-width digits and brackets become
 * ASCII; digit groups may be separated by spaces, hyphens, dots or brackets) and the mask replaces
 * the span as it was written in the original. Numbers: see {@link NumbersInText}; names: HanLP's
 * person-name recogniser plus cue rules, see {@link NamesInText}.
 *
 * <p>Mask format (schemas/README.md): a masked character becomes {@code *}; names keep their
 * surname ({@code 张**}, {@code 欧阳**}), mobile numbers their first 3 and last 4 digits ({@code
 * 138****8000}, a {@code +86} prefix dropped), landlines their area code ({@code 010-********}, an
 * extension dropped), resident ID numbers their 6-digit region prefix, bank card numbers their last
 * 4 digits, e-mail addresses their first character and domain ({@code w***@example.com}).
 *
 * <p>Whatever is derived from a narrative for search (words, highlights, exports) must be derived
 * from the masked text. When {@link #VERSION} goes up, an index built by the older masker is
 * rebuilt from PostgreSQL ({@code caseReindexJob}, {@code scripts/cpsx reindex}).
 */
public final class PersonalDataMasker {

  /**
   * Raised whenever the masker finds more than before; an index built by a lower version may hold
   * personal data the current masker would hide, and must be rebuilt.
   */
  public static final int VERSION =
      4; // 4: names written apart, numbers over line breaks, spelt-out e-mail addresses

  // Compiled once (String.matches and replaceAll compile on every call); the same expressions.
  private static final Pattern HAS_DIGIT = Pattern.compile(".*\\d.*");
  private static final Pattern DIGIT = Pattern.compile("\\d");
  private static final Pattern ID_SEPARATOR = Pattern.compile("[\\s\\-.·_/]");
  // 陈 小 明, 王-晓-燕: the characters of one name written apart
  private static final Pattern NAME_SEPARATOR =
      Pattern.compile("(?<=\\p{IsHan})[\\s\\-]+(?=\\p{IsHan})");
  private static final Pattern REGION_PREFIX = Pattern.compile("\\d{6}.*");

  private PersonalDataMasker() {}

  /** Loads HanLP's dictionaries now, so that the first narrative masked does not pay for it. */
  public static void warmUp() {
    NamesInText.warmUp();
  }

  /**
   * A copy of a case record (REPORTING-SPEC §2.1) with every personal field masked: the
   * complainant's name, ID number and phone, and the narrative. Other fields are copied as they
   * are.
   */
  public static JsonNode caseRecord(JsonNode record) {
    if (!(record.deepCopy() instanceof ObjectNode masked)) {
      throw new IllegalArgumentException("a case record is a JSON object");
    }
    if (masked.path("complainant") instanceof ObjectNode complainant) {
      maskText(complainant, "name", PersonalDataMasker::name);
      maskText(complainant, "idNumber", PersonalDataMasker::idNumber);
      maskText(complainant, "phone", PersonalDataMasker::phone);
    }
    maskText(masked, "narrative", PersonalDataMasker::narrative);
    return masked;
  }

  private static void maskText(ObjectNode node, String field, UnaryOperator<String> mask) {
    JsonNode value = node.get(field);
    if (value != null && value.isString()) {
      node.put(field, mask.apply(value.asString()));
    }
  }

  /** A complainant's name: the surname (single or compound) kept, every other character masked. */
  public static String name(String name) {
    if (name == null || name.isBlank()) {
      return name;
    }
    String normal =
        NAME_SEPARATOR
            .matcher(Normalizer.normalize(name.strip(), Normalizer.Form.NFKC))
            .replaceAll("");
    int surname = Math.max(1, ChineseSurnames.at(normal, 0));
    if (normal.codePointCount(0, normal.length()) <= surname) {
      return "*".repeat(normal.codePointCount(0, normal.length()));
    }
    int kept = normal.offsetByCodePoints(0, surname);
    return normal.substring(0, kept) + "*".repeat(normal.codePointCount(kept, normal.length()));
  }

  /**
   * A complainant's phone, however written: a mobile or landline masked as in narratives; anything
   * else that is not recognised has every digit masked.
   */
  public static String phone(String phone) {
    if (phone == null) {
      return null;
    }
    List<PersonalDataSpan> spans = find(phone);
    if (spans.size() == 1
        && (spans.getFirst().kind() == PersonalDataKind.MOBILE
            || spans.getFirst().kind() == PersonalDataKind.LANDLINE)) {
      PersonalDataSpan span = spans.getFirst();
      String rest = phone.substring(0, span.start()) + phone.substring(span.end());
      if (!HAS_DIGIT.matcher(Normalizer.normalize(rest, Normalizer.Form.NFKC)).matches()) {
        return rest.isBlank() ? span.mask() : narrative(phone);
      }
    }
    return DIGIT.matcher(Normalizer.normalize(phone, Normalizer.Form.NFKC)).replaceAll("*");
  }

  /**
   * A complainant's resident ID number: the 6-digit region prefix kept. Another document's number
   * (a passport's {@code E12345678}) keeps only its first character, its document type.
   */
  public static String idNumber(String id) {
    if (id == null) {
      return null;
    }
    String compact =
        ID_SEPARATOR
            .matcher(Normalizer.normalize(id, Normalizer.Form.NFKC))
            .replaceAll("")
            .toUpperCase();
    if (compact.length() > 6 && REGION_PREFIX.matcher(compact).matches()) {
      return compact.substring(0, 6) + "*".repeat(compact.length() - 6);
    }
    return compact.length() > 1 && !Character.isDigit(compact.charAt(0))
        ? compact.charAt(0) + "*".repeat(compact.length() - 1)
        : "*".repeat(compact.length());
  }

  /** A narrative with every name, number and e-mail address of §6 masked where it was written. */
  public static String narrative(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    List<PersonalDataSpan> spans = find(text);
    StringBuilder masked = new StringBuilder(text.length());
    int at = 0;
    for (PersonalDataSpan span : spans) {
      masked.append(text, at, span.start()).append(span.mask());
      at = span.end();
    }
    return masked.append(text, at, text.length()).toString();
  }

  /** The personal data in a text, in order and without overlaps (numbers win over names). */
  static List<PersonalDataSpan> find(String text) {
    NormalisedText normalised = NormalisedText.of(text);
    List<PersonalDataSpan> spans = new ArrayList<>(NumbersInText.find(normalised));
    List<PersonalDataSpan> names = new ArrayList<>(NamesInText.find(normalised));
    names.addAll(LatinNamesInText.find(normalised));
    for (PersonalDataSpan name : names) {
      if (spans.stream().noneMatch(name::overlaps)) {
        spans.add(name);
      }
    }
    spans.sort(Comparator.comparingInt(PersonalDataSpan::start));
    List<PersonalDataSpan> disjoint = new ArrayList<>();
    for (PersonalDataSpan span : spans) {
      if (disjoint.isEmpty() || !disjoint.getLast().overlaps(span)) {
        disjoint.add(span);
      }
    }
    return disjoint;
  }
}
