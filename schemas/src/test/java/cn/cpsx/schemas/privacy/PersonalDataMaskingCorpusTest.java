package cn.cpsx.schemas.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Masking quality on a corpus of 132 complaint narratives with planted personal data and planted
 * look-alikes (contract numbers, amounts, dates, invalid ID and card numbers). Recall: share of
 * planted personal data no longer readable after masking. Precision: share of altered planted items
 * that were personal data. The figures are recorded in BENCHMARKS.md; regenerate the corpus with
 * scripts/dev/generate-masking-corpus.py.
 */
class PersonalDataMaskingCorpusTest {

  @Test
  void masksPlantedPersonalDataAndLeavesLookAlikesAlone() throws IOException {
    List<JsonNode> corpus = corpus();
    Map<String, int[]> byKind = new TreeMap<>(); // kind → {planted, masked}
    int decoys = 0;
    int decoysAltered = 0;
    List<String> missed = new ArrayList<>();
    for (JsonNode entry : corpus) {
      String masked = PersonalDataMasker.narrative(entry.get("narrative").asString());
      for (JsonNode pii : entry.get("pii")) {
        int[] counts = byKind.computeIfAbsent(pii.get("kind").asString(), k -> new int[2]);
        counts[0]++;
        if (!masked.contains(pii.get("value").asString())) {
          counts[1]++;
        } else {
          missed.add(pii.get("kind").asString() + " " + pii.get("value").asString());
        }
      }
      for (JsonNode decoy : entry.get("decoys")) {
        decoys++;
        if (!masked.contains(decoy.asString())) {
          decoysAltered++;
        }
      }
    }
    int planted = byKind.values().stream().mapToInt(c -> c[0]).sum();
    int masked = byKind.values().stream().mapToInt(c -> c[1]).sum();
    double recall = (double) masked / planted;
    double precision = (double) masked / (masked + decoysAltered);
    StringBuilder report = new StringBuilder();
    byKind.forEach((kind, c) -> report.append(String.format("%n  %-8s %3d/%3d", kind, c[1], c[0])));
    System.out.printf(
        "masking corpus: %d narratives, recall %.3f (%d/%d), precision %.3f (%d decoys, %d altered)%s%n  missed: %s%n",
        corpus.size(), recall, masked, planted, precision, decoys, decoysAltered, report, missed);

    assertThat(corpus).hasSizeGreaterThanOrEqualTo(100);
    // Every number-shaped kind is found in full; names without a label before them are the gap.
    for (String kind : List.of("card", "email", "id", "landline", "mobile")) {
      assertThat(byKind.get(kind)[1]).as(kind).isEqualTo(byKind.get(kind)[0]);
    }
    // Measured 0.923: every labelled name is found; the 24 held-out names with no label before
    // them (据王伟本人反映…) are not. Raising this needs a name recogniser, not another pattern.
    assertThat(recall).isGreaterThanOrEqualTo(0.92);
    assertThat(decoysAltered).as("look-alikes masked by mistake").isZero();
    assertThat(precision).isEqualTo(1.0);
  }

  private static List<JsonNode> corpus() throws IOException {
    List<JsonNode> entries = new ArrayList<>();
    try (InputStream in =
        PersonalDataMaskingCorpusTest.class.getResourceAsStream("/masking/corpus.jsonl")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          entries.add(JsonMapper.shared().readTree(line));
        }
      }
    }
    return entries;
  }
}
