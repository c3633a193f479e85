package cn.cpsx.search.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of literal words looked up by their first character. A regular-expression alternation of
 * dozens of Chinese words tries every branch at every position; this does one map lookup, which
 * keeps name detection well below HanLP's own cost per narrative.
 */
final class CueWords {

  private final Map<Character, List<String>> byFirstChar = new HashMap<>();

  CueWords(String... words) {
    for (String word : words) {
      byFirstChar.computeIfAbsent(word.charAt(0), c -> new ArrayList<>()).add(word);
    }
    byFirstChar
        .values()
        .forEach(list -> list.sort(Comparator.comparingInt(String::length).reversed()));
  }

  /** The length of the longest word that {@code text} holds at {@code at}, or 0. */
  int lengthAt(String text, int at) {
    if (at >= text.length()) {
      return 0;
    }
    List<String> words = byFirstChar.get(text.charAt(at));
    if (words != null) {
      for (String word : words) {
        if (text.startsWith(word, at)) {
          return word.length();
        }
      }
    }
    return 0;
  }
}
