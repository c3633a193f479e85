package cn.cpsx.schemas;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** The rules of a SELF_ASSESSMENT filing (§2.3, §5 A001–A002, dimensions C001). */
final class SelfAssessmentRules {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal EIGHTY = BigDecimal.valueOf(80);

  private final CodeLists codes;

  SelfAssessmentRules(CodeLists codes) {
    this.codes = codes;
  }

  List<Finding> check(JsonNode assessment) {
    List<Finding> out = new ArrayList<>();
    percentage("assessment.staffTrainedPct", assessment.get("staffTrainedPct"), out);
    Set<String> seen = new LinkedHashSet<>();
    List<String> repeated = new ArrayList<>();
    JsonNode scores = assessment.get("selfScores");
    for (int i = 0; i < scores.size(); i++) {
      JsonNode score = scores.get(i);
      String dimension = score.get("dimension").asString();
      String field = "assessment.selfScores[" + i + "]";
      if (!codes.contains(CodeLists.SELF_ASSESSMENT_DIMENSION, dimension)) {
        out.add(Finding.of(Rule.C001, null, field + ".dimension", dimension));
      } else if (!seen.add(dimension)) {
        repeated.add(dimension);
      }
      percentage(field + ".score", score.get("score"), out);
      // §9 A002: missing, empty or only white space (String.strip also drops U+3000).
      boolean noEvidence =
          !score.hasNonNull("evidence") || score.get("evidence").asString().strip().isEmpty();
      if (score.get("score").decimalValue().compareTo(EIGHTY) > 0 && noEvidence) {
        out.add(
            Finding.of(
                Rule.A002,
                null,
                field + ".evidence",
                score.get("score").decimalValue().toPlainString()));
      }
    }
    Set<String> missing =
        new LinkedHashSet<>(codes.codes(CodeLists.SELF_ASSESSMENT_DIMENSION).keySet());
    missing.removeAll(seen);
    if (!missing.isEmpty() || !repeated.isEmpty()) {
      out.add(
          Finding.variant(
              Rule.F002,
              "dimension",
              null,
              "assessment.selfScores",
              (missing.isEmpty() ? "" : "missing " + missing)
                  + (repeated.isEmpty() ? "" : " repeated " + repeated)));
    }
    return out;
  }

  private static void percentage(String field, JsonNode value, List<Finding> out) {
    BigDecimal number = value.decimalValue();
    if (number.signum() < 0 || number.compareTo(HUNDRED) > 0) {
      out.add(Finding.of(Rule.A001, null, field, number.toPlainString()));
    }
  }
}
