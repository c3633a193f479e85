package cn.cpsx.schemas;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The rules of a STATS_Q filing (§2.2, §5 S001–S003, codes C001/C005). */
final class StatisticsRules {

  private final CodeLists codes;

  StatisticsRules(CodeLists codes) {
    this.codes = codes;
  }

  List<Finding> check(
      JsonNode statistics, FilingValidator.Envelope e, FilingPeriod period, FilingContext context) {
    List<Finding> out = new ArrayList<>();
    long received = statistics.get("received").asLong();
    sum(statistics, "byCategoryReason", received, out);
    sum(statistics, "byChannel", received, out);
    sum(statistics, "byProvince", received, out);
    for (JsonNode row : statistics.get("byCategoryReason")) {
      code(
          row, "businessCategory", CodeLists.BUSINESS_CATEGORY, "statistics.byCategoryReason", out);
      code(row, "reason", CodeLists.REASON, "statistics.byCategoryReason", out);
    }
    for (JsonNode row : statistics.get("byChannel")) {
      code(row, "channel", CodeLists.CHANNEL, "statistics.byChannel", out);
    }
    for (JsonNode row : statistics.get("byProvince")) {
      String province = row.get("province").asString();
      if (!CaseRecordRules.isRegion(codes, province) || !province.endsWith("0000")) {
        out.add(
            Finding.variant(
                Rule.C005, "province", null, "statistics.byProvince.province", province));
      }
    }
    ratio(statistics, "closedWithin15Days", "closed", out);
    ratio(statistics, "satisfiedOrBasically", "surveyed", out);
    // S003 compares with the live case records; a TEST filing skips it (§9).
    if ("LIVE".equals(e.mode()) && period != null) {
      long cases =
          context.history().casesReceivedBetween(e.institution(), period.start(), period.end());
      if (!(received == 0 && cases == 0)
          && Math.abs(received - cases) * 100 > 5 * Math.max(received, 1)) {
        out.add(Finding.of(Rule.S003, null, "statistics.received", received, cases));
      }
    }
    return out;
  }

  private static void sum(JsonNode statistics, String breakdown, long received, List<Finding> out) {
    long total = 0;
    for (JsonNode row : statistics.get(breakdown)) {
      // saturates instead of wrapping round: 18-digit counts cannot make a wrong sum look right
      total += Math.min(row.get("count").asLong(), Long.MAX_VALUE - total);
    }
    if (total != received) {
      out.add(Finding.of(Rule.S001, null, "statistics." + breakdown, total, received));
    }
  }

  private void code(JsonNode row, String field, String list, String path, List<Finding> out) {
    String code = row.get(field).asString();
    if (!codes.contains(list, code)) {
      out.add(Finding.of(Rule.C001, null, path + "." + field, code));
    }
  }

  private static void ratio(JsonNode statistics, String part, String whole, List<Finding> out) {
    if (statistics.get(part).asLong() > statistics.get(whole).asLong()) {
      out.add(Finding.of(Rule.S002, null, "statistics." + part, part, whole));
    }
  }
}
