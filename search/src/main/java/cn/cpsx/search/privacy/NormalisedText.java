package cn.cpsx.search.privacy;

import java.text.Normalizer;

/**
 * A text in NFKC form (full-width digits, letters, brackets, {@code ＠} and the ideographic space
 * become their ASCII forms; seven or more Chinese numerals in a row become digits) with, for every
 * normalised character, the span of the original it came from. Detectors read the normalised copy;
 * masks are applied to the original span, so a number written in full-width digits is found like an
 * ASCII one and replaced where it was written.
 */
record NormalisedText(String original, String text, int[] originalStart, int[] originalEnd) {

  static NormalisedText of(String original) {
    StringBuilder text = new StringBuilder(original.length());
    int[] start = new int[original.length() + 1];
    int[] end = new int[original.length() + 1];
    int i = 0;
    while (i < original.length()) {
      int codePoint = original.codePointAt(i);
      int next = i + Character.charCount(codePoint);
      String unit = original.substring(i, next);
      // Per character, so the offset map stays exact; NFKC of one character never merges with
      // its neighbours in the cases that matter here (digits, letters, punctuation, spaces).
      String normal =
          unchangedByNfkc(codePoint) ? unit : Normalizer.normalize(unit, Normalizer.Form.NFKC);
      if (normal.isEmpty()) {
        normal = unit;
      }
      for (int k = 0; k < normal.length(); k++) {
        int at = text.length();
        if (at >= start.length) {
          start = java.util.Arrays.copyOf(start, at * 2 + 2);
          end = java.util.Arrays.copyOf(end, at * 2 + 2);
        }
        start[at] = i;
        end[at] = next;
        text.append(normal.charAt(k));
      }
      i = next;
    }
    spellOutChineseDigits(text);
    return new NormalisedText(original, text.toString(), start, end);
  }

  private static final String CHINESE_DIGITS = "〇零一幺二三四五六七八九";
  private static final String THEIR_VALUES = "001123456789";
  // Seven in a row are a number read out digit by digit (一三八一二三四五六七八), never a word.
  private static final int SPELT_NUMBER = 7;

  /**
   * A phone or card number written in Chinese numerals, one character per digit, is found like one
   * written in digits: the characters become ASCII digits in the normalised copy, one for one.
   */
  private static void spellOutChineseDigits(StringBuilder text) {
    int i = 0;
    while (i < text.length()) {
      int run = i;
      while (run < text.length() && CHINESE_DIGITS.indexOf(text.charAt(run)) >= 0) {
        run++;
      }
      if (run - i >= SPELT_NUMBER) {
        for (int k = i; k < run; k++) {
          text.setCharAt(k, THEIR_VALUES.charAt(CHINESE_DIGITS.indexOf(text.charAt(k))));
        }
      }
      i = Math.max(run, i + 1);
    }
  }

  /** ASCII and the common CJK ideographs: most of a narrative, and NFKC leaves them as they are. */
  private static boolean unchangedByNfkc(int codePoint) {
    return codePoint < 0xA0 || (codePoint >= 0x4E00 && codePoint <= 0x9FFF);
  }

  /** The original offset where the normalised range {@code [from, to)} starts. */
  int startInOriginal(int from) {
    return from < text.length() ? originalStart[from] : original.length();
  }

  /** The original offset where the normalised range {@code [from, to)} ends. */
  int endInOriginal(int to) {
    return to > 0 ? originalEnd[to - 1] : 0;
  }
}
