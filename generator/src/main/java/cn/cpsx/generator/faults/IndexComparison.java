package cn.cpsx.generator.faults;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The index against what it must hold: exactly one document per accepted case, at the case's newest
 * version (the highest receipt sequence of the accepted filings carrying it).
 *
 * @param missing cases with no document
 * @param extra documents of no accepted case
 * @param duplicated cases with more than one document (behind the alias, e.g. in two indices)
 * @param stale cases whose document is an older version than the newest
 * @param ahead cases whose document claims a version newer than any accepted filing of it
 */
record IndexComparison(
    List<String> missing,
    List<String> extra,
    List<String> duplicated,
    List<String> stale,
    List<String> ahead) {

  /**
   * @param expected case id ({@code USCC:caseNo}) → the filing sequence of its newest version
   * @param indexed case id → the filing sequence of every document found under that id
   */
  static IndexComparison of(Map<String, Long> expected, Map<String, List<Long>> indexed) {
    var missing = new TreeSet<String>();
    var extra = new TreeSet<String>();
    var duplicated = new TreeSet<String>();
    var stale = new TreeSet<String>();
    var ahead = new TreeSet<String>();
    expected.forEach(
        (id, seq) -> {
          List<Long> found = indexed.get(id);
          if (found == null || found.isEmpty()) {
            missing.add(id);
            return;
          }
          if (found.size() > 1) {
            duplicated.add(id);
          }
          for (long s : found) {
            if (s < seq) {
              stale.add(id + " (" + s + " < " + seq + ")");
            } else if (s > seq) {
              ahead.add(id + " (" + s + " > " + seq + ")");
            }
          }
        });
    indexed.keySet().stream().filter(id -> !expected.containsKey(id)).forEach(extra::add);
    return new IndexComparison(
        List.copyOf(missing),
        List.copyOf(extra),
        List.copyOf(duplicated),
        List.copyOf(stale),
        List.copyOf(ahead));
  }

  boolean exact() {
    return missing.isEmpty()
        && extra.isEmpty()
        && duplicated.isEmpty()
        && stale.isEmpty()
        && ahead.isEmpty();
  }

  /** What is wrong, one line per kind, with up to five examples. */
  List<String> problems() {
    var problems = new java.util.ArrayList<String>();
    add(problems, "cases missing from the index", missing);
    add(problems, "documents of no accepted case", extra);
    add(problems, "cases indexed more than once", duplicated);
    add(problems, "cases indexed at a stale version", stale);
    add(problems, "cases indexed at a version never accepted", ahead);
    return problems;
  }

  private static void add(List<String> problems, String what, List<String> ids) {
    if (!ids.isEmpty()) {
      problems.add(
          ids.size()
              + " "
              + what
              + ": "
              + String.join(", ", ids.subList(0, Math.min(5, ids.size()))));
    }
  }
}
