package cn.cpsx.generator.filing;

import cn.cpsx.generator.cases.FiledCase;
import cn.cpsx.generator.periodic.QuarterlyStatistics;
import cn.cpsx.generator.periodic.SelfAssessment;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON shape of §3 for each filing type, fields in the order of §2. */
public final class FilingDocuments {

  /** Seconds always written, offset as +08:00. */
  static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private FilingDocuments() {}

  public static ObjectNode cases(String uscc, String mode, List<FiledCase> cases) {
    ObjectNode filing = envelope(uscc, "CASES", mode, null);
    ArrayNode records = filing.putArray("cases");
    for (FiledCase c : cases) {
      records.add(caseRecord(c));
    }
    return filing;
  }

  public static ObjectNode caseRecord(FiledCase c) {
    ObjectNode r = JSON.createObjectNode();
    r.put("caseNo", c.caseNo());
    r.put("receivedAt", DATE_TIME.format(c.receivedAt()));
    r.put("channel", c.channel());
    r.put("businessCategory", c.businessCategory());
    r.put("reason", c.reason());
    r.put("demand", c.demand());
    money(r, "amountInvolved", c.amountInvolved());
    r.put("region", c.region());
    if (c.complainant() != null) {
      ObjectNode who = JSON.createObjectNode();
      putIfPresent(who, "name", c.complainant().name());
      putIfPresent(who, "idNumber", c.complainant().idNumber());
      putIfPresent(who, "phone", c.complainant().phone());
      putIfPresent(who, "ageBand", c.complainant().ageBand());
      if (!who.isEmpty()) {
        r.set("complainant", who);
      }
    }
    r.put("narrative", c.narrative());
    r.put("status", c.status());
    if (c.resolvedAt() != null) {
      r.put("resolvedAt", DATE_TIME.format(c.resolvedAt()));
    }
    putIfPresent(r, "outcome", c.outcome());
    money(r, "redressAmount", c.redressAmount());
    putIfPresent(r, "satisfaction", c.satisfaction());
    if (c.extended()) {
      r.put("extended", true);
    }
    return r;
  }

  public static ObjectNode statistics(QuarterlyStatistics s, String supersedes) {
    ObjectNode filing = envelope(s.uscc(), "STATS_Q", "LIVE", supersedes);
    filing.put("period", s.period());
    ObjectNode st = filing.putObject("statistics");
    st.put("received", s.received());
    st.put("closed", s.closed());
    st.put("closedWithin15Days", s.closedWithin15Days());
    st.put("overdueOpen", s.overdueOpen());
    st.put("upheld", s.upheld());
    st.put("redressTotal", s.redressTotal().toPlainString());
    st.put("satisfiedOrBasically", s.satisfiedOrBasically());
    st.put("surveyed", s.surveyed());
    ArrayNode byCategoryReason = st.putArray("byCategoryReason");
    s.byCategoryReason()
        .forEach(
            row ->
                byCategoryReason
                    .addObject()
                    .put("businessCategory", row.businessCategory())
                    .put("reason", row.reason())
                    .put("count", row.count()));
    ArrayNode byChannel = st.putArray("byChannel");
    s.byChannel()
        .forEach(
            row -> byChannel.addObject().put("channel", row.channel()).put("count", row.count()));
    ArrayNode byProvince = st.putArray("byProvince");
    s.byProvince()
        .forEach(
            row ->
                byProvince.addObject().put("province", row.province()).put("count", row.count()));
    return filing;
  }

  public static ObjectNode selfAssessment(SelfAssessment a, String supersedes) {
    ObjectNode filing = envelope(a.uscc(), "SELF_ASSESSMENT", "LIVE", supersedes);
    filing.put("period", a.period());
    ObjectNode as = filing.putObject("assessment");
    as.put("retailCustomers", a.retailCustomers());
    as.put("boardReviews", a.boardReviews());
    as.put("dedicatedDepartment", a.dedicatedDepartment());
    as.put("cpStaff", a.cpStaff());
    as.put("staffTrainedPct", a.staffTrainedPct());
    as.put("productsReviewed", a.productsReviewed());
    as.put("educationCampaigns", a.educationCampaigns());
    as.put("peopleReached", a.peopleReached());
    as.put("infoSecurityIncidents", a.infoSecurityIncidents());
    as.put("partnersAudited", a.partnersAudited());
    ArrayNode scores = as.putArray("selfScores");
    for (SelfAssessment.SelfScore score : a.selfScores()) {
      ObjectNode s =
          scores.addObject().put("dimension", score.dimension()).put("score", score.score());
      putIfPresent(s, "evidence", score.evidence());
    }
    return filing;
  }

  private static ObjectNode envelope(String uscc, String type, String mode, String supersedes) {
    ObjectNode filing = JSON.createObjectNode();
    filing.put("specVersion", "1");
    filing.put("filingType", type);
    filing.put("institution", uscc);
    filing.put("mode", mode);
    if (supersedes != null) {
      filing.put("supersedes", supersedes);
    }
    return filing;
  }

  private static void money(ObjectNode node, String field, BigDecimal value) {
    if (value != null) {
      node.put(field, value.setScale(2).toPlainString());
    }
  }

  private static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  /** For tests and formats: the times of a case as the documents write them. */
  static String dateTime(OffsetDateTime t) {
    return DATE_TIME.format(t);
  }
}
