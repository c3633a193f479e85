package cn.cpsx.search.privacy;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal names written in Latin letters in a {@link NormalisedText}: a Chinese name in
 * pinyin ({@code Zhang Wei}, {@code ZHANG Xiaoming}, {@code Ouyang Na-na}) anywhere, and any name
 * of two or three capitalised words after an English label ({@code complainant John Smith}, {@code
 * customer: Maria Lopez}). The first word is kept, as a Chinese name keeps its surname; the letters
 * of the others become {@code *}. A surname alone ({@code Mr. Zhang}) identifies nobody and is
 * kept. A pinyin name in English order ({@code Xiaoming Chen}) keeps its surname, the last word.
 *
 * <p>A pinyin name is a surname of {@link ChineseSurnames} in pinyin followed by a given name of
 * one or two pinyin syllables (HanLP's syllable table), both capitalised: ordinary English words
 * rarely pass both tests, and a few place and firm names that do ({@code Hong Kong}, {@code Ping
 * An}) are guarded.
 */
final class LatinNamesInText {

  private static final Pattern TWO_WORDS =
      Pattern.compile(
          "(?<![A-Za-z])([A-Z][a-z]+|[A-Z]{2,})(?:[ \\u00A0]{1,2}|(?<=[A-Z]{2}),[ \\u00A0]?)([A-Z][a-z]*(?:-[A-Za-z][a-z]*|'(?!s(?![A-Za-z]))[A-Za-z][a-z]*)?"
              + "|[A-Z]{2,})(?:[ \\u00A0]([A-Z][a-z]+))?(?![A-Za-z])");
  private static final Pattern LABELLED =
      Pattern.compile(
          "(?<![A-Za-z])(?i:complainant|customer|client|consumer|cardholder|card holder|policyholder"
              + "|policy holder|borrower|applicant|caller|insured|account holder|named|name is"
              + "|mr|mrs|ms|miss|dr|agent|officer|teller|staff|employee|husband|wife|son"
              + "|daughter|mother|father|brother|sister)"
              + "\\.?[:,]?\\s{1,2}((?-i:[A-Z][a-z]+)(?:[ \\u00A0](?-i:[A-Z][a-z]+)){1,2})(?![A-Za-z])");

  private static final Set<String> SYLLABLES = syllables();
  private static final Set<String> SURNAMES = pinyinSurnames();
  private static final Set<String> GUARDED =
      Set.of(
          "hong kong",
          "ping an",
          "xi an",
          "shang hai",
          "bei jing",
          "tian jin",
          "nan jing",
          "guang zhou",
          "hang zhou",
          "su zhou",
          "shen zhen",
          "cheng du",
          "chong qing",
          "wu han",
          "zhong guo",
          "hua xia",
          "zhao shang",
          "min sheng",
          "guang da",
          "zhong xin",
          "jiao tong",
          "tai ping",
          "an bang",
          "tai kang",
          "yang guang",
          "hua an",
          "hua tai",
          "guo tai",
          // places people write in two words: districts, provinces, cities
          "hang seng",
          "dong guan",
          "bao an",
          "chao yang",
          "hai dian",
          "yu tong",
          "fu tian",
          "nan shan",
          "long gang",
          "luo hu",
          "pu dong",
          "xu hui",
          "jing an",
          "huang pu",
          "tian he",
          "yue xiu",
          "jiang su",
          "zhe jiang",
          "guang dong",
          "he nan",
          "he bei",
          "hu nan",
          "hu bei",
          "shan dong",
          "shan xi",
          "fu jian",
          "an hui",
          "jiang xi",
          "yun nan",
          "gui zhou",
          "si chuan",
          "gan su",
          "qing hai",
          "hai nan",
          "ning xia",
          "xin jiang",
          "liao ning",
          "ji lin",
          "zhong shan",
          "fo shan",
          "hui zhou",
          "zhu hai",
          "wen zhou",
          "ning bo",
          "xia men",
          "fu zhou",
          "he fei",
          "chang sha",
          "nan chang",
          "kun ming",
          "gui yang",
          "lan zhou",
          "tai yuan",
          "shi jiazhuang",
          "ha erbin",
          "chang chun",
          "shen yang",
          "da lian",
          "qing dao",
          "ji nan",
          "zheng zhou",
          "wu xi",
          "chang zhou",
          "nan tong",
          "xu zhou",
          "yang zhou",
          "jin hua",
          "tai zhou",
          "shao xing",
          "jia xing",
          "hu zhou",
          "jian she",
          "gong shang",
          "nong ye",
          "xing ye",
          "pu fa",
          "guang fa",
          "you chu");
  // After "customer" and the like: a department or a service is no one's name.
  private static final Set<String> NOT_A_NAME =
      Set.of(
          "Service",
          "Services",
          "Center",
          "Centre",
          "Department",
          "Bank",
          "Manager",
          "Support",
          "Care",
          "Hotline",
          "Relations",
          "Account",
          "Accounts",
          "Team",
          "Complaint",
          "Complaints");

  private LatinNamesInText() {}

  static List<PersonalDataSpan> find(NormalisedText normalised) {
    String text = normalised.text();
    List<PersonalDataSpan> spans = new ArrayList<>();
    if (text.chars().noneMatch(c -> c >= 'A' && c <= 'Z')) {
      return spans; // most narratives: no capital letter, no name in Latin letters
    }
    Matcher words = TWO_WORDS.matcher(text);
    int from = 0;
    while (from < text.length() && words.find(from)) {
      String surname = words.group(1).toLowerCase(Locale.ROOT);
      String given = words.group(2).toLowerCase(Locale.ROOT);
      String third = words.group(3);
      int end = words.end(2);
      boolean isName =
          SURNAMES.contains(surname) && syllableCount(given.replaceAll("[-']", "")) > 0;
      if (isName
          && third != null
          && syllableCount(given) == 1
          && syllableCount(third.toLowerCase(Locale.ROOT)) == 1) {
        end = words.end(3); // Zhang Xiao Ming
      }
      if (isName && !GUARDED.contains(surname + " " + given)) {
        spans.add(span(normalised, words.start(1), words.end(1), end));
        from = end;
      } else if (third == null
          && !SURNAMES.contains(surname)
          && SURNAMES.contains(given)
          && syllableCount(surname) > 0
          && !GUARDED.contains(surname + " " + given)) {
        // Xiaoming Chen: the given name first, as English writes it; the surname is kept
        spans.add(span(normalised, words.start(1), words.start(1), words.end(1)));
        from = words.end(2);
      } else {
        from = words.start(2); // the second word may start a name of its own
      }
    }
    Matcher labelled = LABELLED.matcher(text);
    while (labelled.find()) {
      int start = labelled.start(1);
      if (NOT_A_NAME.stream().anyMatch(word -> labelled.group(1).contains(word))) {
        continue;
      }
      int firstEnd = text.indexOf(' ', start);
      if (firstEnd < 0 || firstEnd > labelled.end(1)) {
        firstEnd = text.indexOf('\u00A0', start);
      }
      spans.add(span(normalised, start, firstEnd, labelled.end(1)));
    }
    return spans;
  }

  /** The name {@code [start, end)}, its first word {@code [start, kept)} kept. */
  private static PersonalDataSpan span(NormalisedText normalised, int start, int kept, int end) {
    String text = normalised.text();
    StringBuilder mask = new StringBuilder(text.substring(start, kept));
    for (int i = kept; i < end; i++) {
      char c = text.charAt(i);
      mask.append(Character.isLetter(c) ? '*' : c);
    }
    return new PersonalDataSpan(
        PersonalDataKind.NAME,
        normalised.startInOriginal(start),
        normalised.endInOriginal(end),
        mask.toString());
  }

  /** How many pinyin syllables {@code word} is made of (1 or 2), or 0 when it is none. */
  static int syllableCount(String word) {
    if (SYLLABLES.contains(word)) {
      return 1;
    }
    for (int split = 1; split < word.length(); split++) {
      if (SYLLABLES.contains(word.substring(0, split))
          && SYLLABLES.contains(word.substring(split))) {
        return 2;
      }
    }
    return 0;
  }

  private static Set<String> syllables() {
    Set<String> syllables = new HashSet<>();
    for (Pinyin pinyin : Pinyin.values()) {
      String syllable = pinyin.getPinyinWithoutTone();
      if (!syllable.equals("none")) {
        syllables.add(syllable);
      }
    }
    syllables.add("lyu"); // 吕 as passports spell it
    return Set.copyOf(syllables);
  }

  private static Set<String> pinyinSurnames() {
    Set<String> surnames = new HashSet<>();
    for (String surname : ChineseSurnames.all()) {
      StringBuilder pinyin = new StringBuilder();
      for (Pinyin syllable : HanLP.convertToPinyinList(surname)) {
        pinyin.append(syllable.getPinyinWithoutTone());
      }
      if (pinyin.length() > 1 && !pinyin.toString().contains("none")) {
        surnames.add(pinyin.toString());
      }
    }
    // Surnames read otherwise than the character's common reading, and passport spellings.
    surnames.addAll(Set.of("zeng", "shan", "xie", "qiu", "ou", "yue", "piao", "lyu", "lu", "lv"));
    return Set.copyOf(surnames);
  }
}
