package cn.cpsx.portal.report;

import cn.cpsx.search.privacy.PersonalDataMasker;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a text meant for the public holds personal data: it does when {@link PersonalDataMasker}
 * would change it. What it would change is found by comparing the text with its masked form
 * (longest common subsequence), so the supervisor is told exactly which words to rewrite.
 */
final class MaskingCheck {

  /** Texts longer than this are refused before the comparison (it is quadratic). */
  static final int MAX_LENGTH = 2000;

  private MaskingCheck() {}

  /** The parts of the text the masker would replace, in order; empty when the text is clean. */
  static List<String> personalData(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    String masked = PersonalDataMasker.narrative(text);
    if (masked.equals(text)) {
      return List.of();
    }
    int n = text.length();
    int m = masked.length();
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] =
            text.charAt(i) == masked.charAt(j)
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<String> found = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    int i = 0;
    int j = 0;
    while (i < n) {
      if (j < m && text.charAt(i) == masked.charAt(j)) {
        flush(run, found);
        i++;
        j++;
      } else if (j < m && lcs[i][j + 1] >= lcs[i + 1][j]) {
        j++;
      } else {
        run.append(text.charAt(i++));
      }
    }
    flush(run, found);
    if (found.isEmpty()) {
      found.add(text);
    }
    return found;
  }

  private static void flush(StringBuilder run, List<String> found) {
    if (!run.isEmpty()) {
      found.add(run.toString());
      run.setLength(0);
    }
  }
}
