package cn.cpsx.search.document;

import cn.cpsx.search.privacy.PersonalDataMasker;
import cn.cpsx.search.segmentation.ChineseSegmenter;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import tools.jackson.databind.JsonNode;

/**
 * The search document of one case version, field for field what the case index template ({@code
 * elasticsearch/_index_templates/cpsx-cases.json}) maps: batch-jobs builds it ({@link #of}) and
 * sends it with the Elasticsearch client's JSON mapper, the portal reads hits back into it. Built
 * from the masked record only (every field after the masker comes from it), with the narrative
 * segmented for Chinese search, the handling deadline (15 days, 30 when extended: REPORTING-SPEC
 * §2.1) and the province derived.
 *
 * <p>Absent optional fields (a case not yet resolved, no complainant) are left out of the JSON, not
 * written as null. Date-times keep the offset they were filed with when read back.
 *
 * @param filingSeq the receipt sequence of the filing this version came from (the document's
 *     external version)
 * @param region the six-digit administrative division code as filed
 * @param province the region's province ({@code XX0000})
 * @param narrativeWords the masked narrative's words, space-separated ({@link ChineseSegmenter})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseSearchDocument(
    String institution,
    String institutionName,
    String institutionType,
    String caseNo,
    String filingId,
    long filingSeq,
    @JsonFormat(without = JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        OffsetDateTime receivedAt,
    @JsonFormat(without = JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        OffsetDateTime resolvedAt,
    @JsonFormat(without = JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        OffsetDateTime deadline,
    String channel,
    String businessCategory,
    String reason,
    String demand,
    BigDecimal amountInvolved,
    BigDecimal redressAmount,
    String region,
    String province,
    String status,
    String outcome,
    String satisfaction,
    boolean extended,
    Complainant complainant,
    String narrative,
    String narrativeWords,
    Instant indexedAt) {

  /** The complainant as indexed: name, ID number and phone masked (and not searchable). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Complainant(String name, String idNumber, String phone, String ageBand) {}

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

  /** The document of an accepted case record as stored, masked here. */
  public static CaseSearchDocument of(Source source, JsonNode unmaskedRecord, Instant indexedAt) {
    JsonNode record = PersonalDataMasker.caseRecord(unmaskedRecord);
    OffsetDateTime receivedAt = OffsetDateTime.parse(record.get("receivedAt").asString());
    boolean extended = record.path("extended").asBoolean(false);
    String region = record.get("region").asString();
    String narrative = record.get("narrative").asString();
    return new CaseSearchDocument(
        source.institution(),
        source.institutionName(),
        source.institutionType(),
        record.get("caseNo").asString(),
        source.filingId(),
        source.filingSeq(),
        receivedAt,
        time(record, "resolvedAt"),
        deadline(receivedAt, extended),
        text(record, "channel"),
        text(record, "businessCategory"),
        text(record, "reason"),
        text(record, "demand"),
        money(record, "amountInvolved"),
        money(record, "redressAmount"),
        region,
        region.substring(0, 2) + "0000",
        text(record, "status"),
        text(record, "outcome"),
        text(record, "satisfaction"),
        extended,
        complainant(record.path("complainant")),
        narrative,
        ChineseSegmenter.segment(narrative),
        indexedAt);
  }

  private static Complainant complainant(JsonNode complainant) {
    if (!complainant.isObject()) {
      return null;
    }
    return new Complainant(
        complainant.path("name").asString(null),
        complainant.path("idNumber").asString(null),
        complainant.path("phone").asString(null),
        complainant.path("ageBand").asString(null));
  }

  private static String text(JsonNode record, String field) {
    return record.has(field) ? record.get(field).asString() : null;
  }

  private static OffsetDateTime time(JsonNode record, String field) {
    return record.has(field) ? OffsetDateTime.parse(record.get(field).asString()) : null;
  }

  private static BigDecimal money(JsonNode record, String field) {
    return record.has(field) ? new BigDecimal(record.get(field).asString()) : null;
  }
}
