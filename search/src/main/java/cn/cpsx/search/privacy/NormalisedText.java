package cn.cpsx.search.privacy;

import java.text.Normalizer;

/**
 * A text in NFKC form (full-width digits, letters, brackets, {@code ＠} and the ideographic space
 * become their ASCII forms; seven or more Chinese numerals in a row become digits) with, for every
 * normalised character, the span of the original it came from. Spaces and hyphens between two
 * Chinese characters are dropped: Chinese puts no space between words, and a name written {@code 陈
 * 小 明} or {@code 王-晓-燕} is read as {@code 陈小明}; a letter O or l typed among digits ({@code 138 OO13
 * 8000}) is read as the digit it stands for. Detectors read the normalised copy; masks are applied
 * to the original span, so a number written in full-width digits is found like an ASCII one and
 * replaced where it was written.
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
    readLookAlikeLettersAsDigits(text);
    return dropSpacesBetweenChineseCharacters(original, text, start, end);
  }

  /** {@code 陈 小 明}, {@code 王-晓-燕}: the characters of one name, written apart. */
  private static NormalisedText dropSpacesBetweenChineseCharacters(
      String original, StringBuilder text, int[] start, int[] end) {
    int first = firstSpaceBetweenChineseCharacters(text, 0);
    if (first < 0) {
      return new NormalisedText(original, text.toString(), start, end);
    }
    StringBuilder kept = new StringBuilder(text.length());
    int[] keptStart = new int[text.length() + 1];
    int[] keptEnd = new int[text.length() + 1];
    int from = 0;
    for (int gap = first; gap >= 0; gap = firstSpaceBetweenChineseCharacters(text, from)) {
      for (int k = from; k < gap; k++) {
        keptStart[kept.length()] = start[k];
        keptEnd[kept.length()] = end[k];
        kept.append(text.charAt(k));
      }
      from = gap;
      while (isSpaceOrHyphen(text.charAt(from))) {
        from++;
      }
    }
    for (int k = from; k < text.length(); k++) {
      keptStart[kept.length()] = start[k];
      keptEnd[kept.length()] = end[k];
      kept.append(text.charAt(k));
    }
    return new NormalisedText(original, kept.toString(), keptStart, keptEnd);
  }

  /** Where the next run of spaces (or one hyphen) between two Chinese characters starts, or -1. */
  private static int firstSpaceBetweenChineseCharacters(CharSequence text, int from) {
    for (int i = Math.max(1, from); i < text.length() - 1; i++) {
      if (!isSpaceOrHyphen(text.charAt(i)) || !isHan(text.charAt(i - 1))) {
        continue;
      }
      int after = i;
      while (after < text.length() && text.charAt(after) == ' ' && after - i < 2) {
        after++;
      }
      if (after == i && text.charAt(i) == '-') {
        after++;
      }
      if (after > i && after < text.length() && isHan(text.charAt(after))) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isSpaceOrHyphen(char c) {
    return c == ' ' || c == '-';
  }

  private static boolean isHan(char c) {
    return c >= 0x4E00 && c <= 0x9FFF || c >= 0x3400 && c <= 0x4DBF;
  }

  private static final String LOOK_ALIKES = "OoIl";
  private static final String THEIR_DIGITS = "0011";

  /**
   * {@code 138 OO13 8000}, {@code 1380013800O}: in a group of digits standing on its own (no other
   * Latin letter next to it), a letter O, I or l is the digit it looks like.
   */
  private static void readLookAlikeLettersAsDigits(StringBuilder text) {
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (!isDigit(c) && LOOK_ALIKES.indexOf(c) < 0) {
        i++;
        continue;
      }
      int run = i;
      int digits = 0;
      boolean lookAlike = false;
      while (run < text.length()
          && (isDigit(text.charAt(run)) || LOOK_ALIKES.indexOf(text.charAt(run)) >= 0)) {
        digits += isDigit(text.charAt(run)) ? 1 : 0;
        lookAlike |= !isDigit(text.charAt(run));
        run++;
      }
      boolean alone =
          (i == 0 || !isAsciiLetter(text.charAt(i - 1)))
              && (run == text.length()
                  || !isAsciiLetter(text.charAt(run))
                  || ("Xx".indexOf(text.charAt(run)) >= 0
                      && (run + 1 == text.length() || !isAsciiLetter(text.charAt(run + 1)))));
      if (lookAlike && alone && digits >= 1) {
        for (int k = i; k < run; k++) {
          int look = LOOK_ALIKES.indexOf(text.charAt(k));
          if (look >= 0) {
            text.setCharAt(k, THEIR_DIGITS.charAt(look));
          }
        }
      }
      i = run;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  // The everyday numerals and the financial ones (壹贰叁…, simplified and traditional), which people
  // also use to write a number out so that it is not read as one.
  private static final String CHINESE_DIGITS = "〇零一幺二三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖";
  private static final String THEIR_VALUES = "001123456789122334566789";
  // Seven in a row are a number read out digit by digit (一三八一二三四五六七八), never a word.
  private static final int SPELT_NUMBER = 7;

  // A group of three or more among digits or other groups (一三九 一二三四 五六七八, 1391234五六七八).
  private static final int SPELT_GROUP = 3;

  /**
   * A phone or card number written in Chinese numerals, one character per digit, is found like one
   * written in digits: the characters become ASCII digits in the normalised copy, one for one. The
   * numerals may stand in groups of three or more, apart or beside ASCII digits, seven in all.
   */
  private static void spellOutChineseDigits(StringBuilder text) {
    int i = 0;
    while (i < text.length()) {
      if (CHINESE_DIGITS.indexOf(text.charAt(i)) < 0) {
        i++;
        continue;
      }
      // Extend over neighbouring groups: ASCII digits, or numerals in groups of three or more,
      // next to each other or one space or hyphen apart.
      int from = i;
      while (from > 0 && isDigit(text.charAt(from - 1))) {
        from--;
      }
      int to = from;
      int digits = 0;
      while (true) {
        int group = groupEnd(text, to);
        if (group == to) {
          break;
        }
        digits += group - to;
        to = group;
        if (to + 1 < text.length()
            && (text.charAt(to) == ' ' || text.charAt(to) == '-')
            && groupEnd(text, to + 1) > to + 1) {
          to++;
        }
      }
      int numerals = run(text, i);
      if (digits >= SPELT_NUMBER) {
        for (int k = from; k < to; k++) {
          int digit = CHINESE_DIGITS.indexOf(text.charAt(k));
          if (digit >= 0) {
            text.setCharAt(k, THEIR_VALUES.charAt(digit));
          }
        }
      }
      i = Math.max(to, i + numerals);
    }
  }

  /** The end of the group of ASCII digits or of three or more numerals at {@code at}. */
  private static int groupEnd(CharSequence text, int at) {
    if (at >= text.length()) {
      return at;
    }
    if (isDigit(text.charAt(at))) {
      int end = at;
      while (end < text.length() && isDigit(text.charAt(end))) {
        end++;
      }
      return end;
    }
    int numerals = run(text, at);
    return numerals >= SPELT_GROUP ? at + numerals : at;
  }

  private static int run(CharSequence text, int at) {
    int end = at;
    while (end < text.length() && CHINESE_DIGITS.indexOf(text.charAt(end)) >= 0) {
      end++;
    }
    return end - at;
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
