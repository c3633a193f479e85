package cn.cpsx.search.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.search.privacy.MaskingCorpus.Narrative;
import cn.cpsx.search.privacy.MaskingCorpus.Planted;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Masking quality on {@link MaskingCorpus}: 1,200 generated complaint narratives with planted
 * personal data in every written form and planted look-alikes. A planted value counts as masked
 * when nothing of it can be read back: for numbers, its digits are not in the masked text even
 * after NFKC and with every separator removed; for names, no two adjacent characters of the name
 * are left where it stood. The figures are recorded in BENCHMARKS.md.
 */
class PersonalDataMaskingCorpusTest {

  static final long SEED = 20261126L;
  static final int SIZE = 1_200;

  @Test
  void masksPlantedPersonalDataInEveryWrittenFormAndKeepsLookAlikes() {
    List<Narrative> corpus = MaskingCorpus.generate(SEED, SIZE);
    Map<String, int[]> byKind = new TreeMap<>(); // kind → {planted, masked}
    int decoys = 0;
    int decoysKept = 0;
    List<String> missed = new ArrayList<>();
    List<String> altered = new ArrayList<>();
    for (Narrative narrative : corpus) {
      String masked = PersonalDataMasker.narrative(narrative.text());
      for (Planted planted : narrative.planted()) {
        int[] counts = byKind.computeIfAbsent(planted.kind(), k -> new int[2]);
        counts[0]++;
        if (readable(planted, narrative.text(), masked)) {
          missed.add(planted.kind() + " " + planted.written() + " in " + masked);
        } else {
          counts[1]++;
        }
      }
      for (String decoy : narrative.decoys()) {
        decoys++;
        if (masked.contains(decoy)) {
          decoysKept++;
        } else {
          altered.add(decoy + " in " + masked);
        }
      }
    }
    StringBuilder report = new StringBuilder();
    byKind.forEach(
        (kind, c) ->
            report.append(
                String.format(
                    "%n  %-8s %4d/%4d  recall %.3f", kind, c[1], c[0], (double) c[1] / c[0])));
    double kept = (double) decoysKept / decoys;
    System.out.printf(
        "masking corpus: %d narratives (seed %d)%s%n  decoys kept %d/%d (%.3f)%n  missed: %s%n  altered: %s%n",
        corpus.size(), SEED, report, decoysKept, decoys, kept, missed, altered);

    assertThat(corpus).hasSizeGreaterThanOrEqualTo(1_000);
    for (String kind : List.of("card", "email", "id", "landline", "mobile")) {
      int[] c = byKind.get(kind);
      assertThat((double) c[1] / c[0]).as(kind + " recall").isGreaterThanOrEqualTo(0.99);
    }
    int[] names = byKind.get("name");
    assertThat((double) names[1] / names[0]).as("name recall").isGreaterThanOrEqualTo(0.95);
    assertThat(kept).as("look-alikes kept").isGreaterThanOrEqualTo(0.99);
  }

  /**
   * Not a timed assertion: prints how many narratives per second one thread masks, HanLP warmed up,
   * for BENCHMARKS.md.
   */
  @Test
  void printsMaskingThroughput() {
    List<Narrative> corpus = MaskingCorpus.generate(SEED + 1, SIZE);
    PersonalDataMasker.warmUp();
    // HanLP's Viterbi search needs a few thousand calls before the JIT has compiled it.
    for (int round = 0; round < 10; round++) {
      corpus.forEach(n -> PersonalDataMasker.narrative(n.text()));
    }
    int rounds = 10;
    long characters = corpus.stream().mapToLong(n -> n.text().length()).sum();
    long start = System.nanoTime();
    for (int round = 0; round < rounds; round++) {
      corpus.forEach(n -> PersonalDataMasker.narrative(n.text()));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "masking throughput: %.0f narratives/s on one thread (%d narratives × %d rounds, mean %d"
            + " characters, %.1f µs each)%n",
        corpus.size() * rounds / seconds,
        corpus.size(),
        rounds,
        characters / corpus.size(),
        seconds * 1e6 / (corpus.size() * rounds));
  }

  static boolean readable(Planted planted, String original, String masked) {
    if (masked.contains(planted.written())) {
      return true;
    }
    if (planted.kind().equals("name")) {
      String without = original.replace(planted.written(), "□");
      String name = planted.written();
      int surname = name.length() - planted.core().length();
      // Every pair of adjacent characters that holds part of the given name.
      for (int i = Math.max(0, surname - 1); i + 2 <= name.length(); i++) {
        String pair = name.substring(i, i + 2);
        if (count(masked, pair) > count(without, pair)) {
          return true;
        }
      }
      return false;
    }
    String compact =
        Normalizer.normalize(masked, Normalizer.Form.NFKC).replaceAll("[^0-9A-Za-z@.]", "");
    if (planted.kind().equals("email")) {
      return compact.toLowerCase().contains(planted.core());
    }
    return compact.replace(".", "").toUpperCase().contains(planted.core());
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }
}
