package cn.cpsx.batch.indexing;

import cn.cpsx.schemas.search.ChineseSegmenter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a stored case into its search document: personal data masked, the narrative segmented, the
 * handling deadline (15 days, 30 when extended) and the province derived.
 */
public class CaseDocuments implements ItemProcessor<StoredCase, CaseDocument> {

  private static final JsonMapper JSON = JsonMapper.shared();

  @Override
  public CaseDocument process(StoredCase stored) {
    JsonNode record = JSON.readTree(stored.recordJson());
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("institution", stored.institution());
    doc.put("institutionName", stored.institutionName());
    doc.put("institutionType", stored.institutionType());
    doc.put("caseNo", stored.caseNo());
    doc.put("filingId", stored.filingId());
    doc.put("filingSeq", stored.filingSeq());
    OffsetDateTime receivedAt = OffsetDateTime.parse(record.get("receivedAt").asString());
    boolean extended = record.path("extended").asBoolean(false);
    doc.put("receivedAt", receivedAt.toString());
    doc.put("deadline", receivedAt.plusDays(extended ? 30 : 15).toString());
    doc.put("extended", extended);
    for (String field :
        new String[] {
          "resolvedAt",
          "channel",
          "businessCategory",
          "reason",
          "demand",
          "region",
          "status",
          "outcome",
          "satisfaction"
        }) {
      if (record.has(field)) {
        doc.put(field, record.get(field).asString());
      }
    }
    for (String money : new String[] {"amountInvolved", "redressAmount"}) {
      if (record.has(money)) {
        doc.put(money, new java.math.BigDecimal(record.get(money).asString()));
      }
    }
    doc.put("province", record.get("region").asString().substring(0, 2) + "0000");
    JsonNode complainant = record.path("complainant");
    if (complainant.isObject()) {
      Map<String, Object> c = new LinkedHashMap<>();
      putIfPresent(c, "name", PersonalDataMasker.name(complainant.path("name").asString(null)));
      putIfPresent(
          c, "idNumber", PersonalDataMasker.idNumber(complainant.path("idNumber").asString(null)));
      putIfPresent(c, "phone", PersonalDataMasker.phone(complainant.path("phone").asString(null)));
      putIfPresent(c, "ageBand", complainant.path("ageBand").asString(null));
      doc.put("complainant", c);
    }
    String narrative = PersonalDataMasker.narrative(record.get("narrative").asString());
    doc.put("narrative", narrative);
    doc.put("narrativeWords", ChineseSegmenter.segment(narrative));
    doc.put("indexedAt", Instant.now().toString());
    return new CaseDocument(stored.institution() + ":" + stored.caseNo(), stored.filingSeq(), doc);
  }

  private static void putIfPresent(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
