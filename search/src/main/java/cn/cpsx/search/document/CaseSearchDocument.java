package cn.cpsx.search.document;

import cn.cpsx.search.privacy.PersonalDataMasker;
import cn.cpsx.search.segmentation.ChineseSegmenter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The search document of one case version, as the case index template ({@code
 * elasticsearch/_index_templates/cpsx-cases.json}) maps it: personal data masked first (every field
 * after comes from the masked record), the narrative segmented for Chinese search, the handling
 * deadline (15 days, 30 when extended: REPORTING-SPEC §2.1) and the province derived. batch-jobs
 * indexes these; tests build their fixtures with the same code.
 */
public final class CaseSearchDocument {

  private static final String[] CODED_OR_TEXT = {
    "resolvedAt",
    "channel",
    "businessCategory",
    "reason",
    "demand",
    "region",
    "status",
    "outcome",
    "satisfaction"
  };

  private CaseSearchDocument() {}

  /** The filer and the filing a case version came from. */
  public record Source(
      String institution,
      String institutionName,
      String institutionType,
      String filingId,
      long filingSeq) {}

  /**
   * The handling deadline of REPORTING-SPEC §2.1: 15 calendar days after {@code receivedAt}, 30
   * when the handling period was extended. The index stores it; the case detail page shows it.
   */
  public static OffsetDateTime deadline(OffsetDateTime receivedAt, boolean extended) {
    return receivedAt.plusDays(extended ? 30 : 15);
  }

  public static Map<String, Object> of(Source source, JsonNode unmaskedRecord, Instant indexedAt) {
    JsonNode record = PersonalDataMasker.caseRecord(unmaskedRecord);
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("institution", source.institution());
    doc.put("institutionName", source.institutionName());
    doc.put("institutionType", source.institutionType());
    doc.put("caseNo", record.get("caseNo").asString());
    doc.put("filingId", source.filingId());
    doc.put("filingSeq", source.filingSeq());
    OffsetDateTime receivedAt = OffsetDateTime.parse(record.get("receivedAt").asString());
    boolean extended = record.path("extended").asBoolean(false);
    doc.put("receivedAt", receivedAt.toString());
    doc.put("deadline", deadline(receivedAt, extended).toString());
    doc.put("extended", extended);
    for (String field : CODED_OR_TEXT) {
      if (record.has(field)) {
        doc.put(field, record.get(field).asString());
      }
    }
    for (String money : new String[] {"amountInvolved", "redressAmount"}) {
      if (record.has(money)) {
        doc.put(money, new BigDecimal(record.get(money).asString()));
      }
    }
    doc.put("province", record.get("region").asString().substring(0, 2) + "0000");
    JsonNode complainant = record.path("complainant");
    if (complainant.isObject()) {
      Map<String, Object> c = new LinkedHashMap<>();
      for (String field : new String[] {"name", "idNumber", "phone", "ageBand"}) {
        String value = complainant.path(field).asString(null);
        if (value != null) {
          c.put(field, value);
        }
      }
      doc.put("complainant", c);
    }
    String narrative = record.get("narrative").asString();
    doc.put("narrative", narrative);
    doc.put("narrativeWords", ChineseSegmenter.segment(narrative));
    doc.put("indexedAt", indexedAt.toString());
    return doc;
  }
}
