package cn.cpsx.schemas;

import com.networknt.schema.Schema;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The record rules of a CASES filing (§2.1, §5 C001–C009): each record on its own, so one bad
 * record rejects only itself; more than 20% rejected rejects the filing (§9).
 */
final class CaseRecordRules {

  private static final Duration LATE_AFTER = Duration.ofDays(5);
  private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");
  private static final Map<String, String> CODED_FIELDS =
      Map.of(
          "channel", CodeLists.CHANNEL,
          "businessCategory", CodeLists.BUSINESS_CATEGORY,
          "reason", CodeLists.REASON,
          "demand", CodeLists.DEMAND,
          "status", CodeLists.CASE_STATUS,
          "outcome", CodeLists.OUTCOME,
          "satisfaction", CodeLists.SATISFACTION);
  private static final List<String> CODED_ORDER =
      List.of(
          "channel", "businessCategory", "reason", "demand", "status", "outcome", "satisfaction");

  private final CodeLists codes;
  private final Schema recordSchema;

  CaseRecordRules(CodeLists codes, Schema recordSchema) {
    this.codes = codes;
    this.recordSchema = recordSchema;
  }

  FilingValidation check(
      FilingValidator.Envelope e, JsonNode cases, FilingContext context, List<Finding> envelope) {
    List<Finding> findings = new ArrayList<>(envelope);
    List<FilingValidation.AcceptedCase> accepted = new ArrayList<>();
    Map<String, Integer> firstIndexOfCaseNo = new HashMap<>();
    int rejected = 0;
    List<OnItsOwn> own = onTheirOwn(cases, context.receivedAt());
    for (int i = 0; i < cases.size(); i++) {
      ObjectNode record = (ObjectNode) cases.get(i);
      List<Finding> recordFindings = new ArrayList<>(own.get(i).schema());
      String caseNo = record.path("caseNo").isString() ? record.get("caseNo").asString() : null;
      if (caseNo != null) {
        Integer first = firstIndexOfCaseNo.putIfAbsent(caseNo, i);
        if (first != null) {
          recordFindings.add(Finding.of(Rule.C006, i, "caseNo", caseNo, first));
        }
      }
      // Content rules need the right structure: a record with F002 is not looked into further.
      if (recordFindings.isEmpty()) {
        recordFindings.addAll(own.get(i).content());
      }
      findings.addAll(recordFindings);
      if (recordFindings.stream().anyMatch(Finding::isError)) {
        rejected++;
      } else {
        accepted.add(new FilingValidation.AcceptedCase(i, caseNo, record));
      }
    }
    boolean warnings = findings.stream().anyMatch(f -> !f.isError());
    FilingOutcome outcome = FilingOutcome.ofRecords(cases.size(), rejected, warnings);
    return new FilingValidation(
        e.institution(),
        "CASES",
        e.mode(),
        null,
        e.supersedes(),
        cases.size(),
        rejected,
        findings,
        outcome.countsAsAccepted() ? accepted : List.of(),
        null,
        e.explanations(),
        outcome);
  }

  /** What a record's schema check and, if that passes, its content rules find about it alone. */
  private record OnItsOwn(List<Finding> schema, List<Finding> content) {}

  /** Filings at least this large are checked on all cores. */
  private static final int PARALLEL_FROM = 256;

  /**
   * The checks that need nothing from other records (most of a record's cost, the JSON Schema check
   * above all), in record order; on all cores for a large filing. The result does not depend on how
   * it is computed: each record's findings come from that record alone.
   */
  private List<OnItsOwn> onTheirOwn(JsonNode cases, Instant filedAt) {
    IntStream records = IntStream.range(0, cases.size());
    return (cases.size() >= PARALLEL_FROM ? records.parallel() : records)
        .mapToObj(
            i -> {
              ObjectNode record = (ObjectNode) cases.get(i);
              List<Finding> schema = FilingValidator.schemaFindings(recordSchema, record, i);
              List<Finding> content = new ArrayList<>();
              if (schema.isEmpty()) {
                checkContent(i, record, filedAt, content);
              }
              return new OnItsOwn(schema, content);
            })
        .toList();
  }

  private void checkContent(int i, ObjectNode record, Instant filedAt, List<Finding> out) {
    for (String field : CODED_ORDER) {
      if (record.has(field)
          && !codes.contains(CODED_FIELDS.get(field), record.get(field).asString())) {
        out.add(Finding.of(Rule.C001, i, field, record.get(field).asString()));
      }
    }
    JsonNode complainant = record.path("complainant");
    if (complainant.has("ageBand")
        && !codes.contains(CodeLists.AGE_BAND, complainant.get("ageBand").asString())) {
      out.add(
          Finding.of(Rule.C001, i, "complainant.ageBand", complainant.get("ageBand").asString()));
    }
    String region = record.get("region").asString();
    if (!isRegion(codes, region)) {
      out.add(Finding.of(Rule.C005, i, "region", region));
    }
    OffsetDateTime receivedAt = dateTime(i, record, "receivedAt", out);
    OffsetDateTime resolvedAt =
        record.has("resolvedAt") ? dateTime(i, record, "resolvedAt", out) : null;
    if (receivedAt != null && receivedAt.toInstant().isAfter(filedAt)) {
      out.add(Finding.of(Rule.C002, i, "receivedAt", receivedAt));
    }
    if (receivedAt != null && resolvedAt != null && resolvedAt.isBefore(receivedAt)) {
      out.add(Finding.of(Rule.C003, i, "resolvedAt", resolvedAt, receivedAt));
    }
    String status = record.get("status").asString();
    boolean closed = status.equals("RESOLVED") || status.equals("CLOSED_UNRESOLVED");
    if (closed) {
      for (String field : List.of("resolvedAt", "outcome")) {
        if (!record.has(field)) {
          out.add(Finding.of(Rule.C004, i, field, status));
        }
      }
    }
    String idNumber = complainant.path("idNumber").asString(null);
    if (idNumber != null && !ResidentId.isValid(idNumber)) {
      out.add(Finding.of(Rule.C007, i, "complainant.idNumber"));
    }
    // §9: a resolved case is late from its resolvedAt, any other from its receivedAt.
    OffsetDateTime lateFrom = closed && resolvedAt != null ? resolvedAt : receivedAt;
    if (lateFrom != null && filedAt.isAfter(lateFrom.toInstant().plus(LATE_AFTER))) {
      out.add(Finding.of(Rule.C008, i, closed ? "resolvedAt" : "receivedAt", lateFrom));
    }
    String narrative = record.get("narrative").asString().strip();
    if (narrative.codePointCount(0, narrative.length()) < 10) {
      out.add(Finding.of(Rule.C009, i, "narrative"));
    }
  }

  /** §9: six digits whose first two are one of the 34 provincial codes. */
  static boolean isRegion(CodeLists codes, String region) {
    return SIX_DIGITS.matcher(region).matches()
        && codes.contains(CodeLists.PROVINCE, region.substring(0, 2));
  }

  /** The schema's pattern admits impossible dates such as 2026-02-30: those are F002. */
  private static OffsetDateTime dateTime(
      int i, ObjectNode record, String field, List<Finding> out) {
    String text = record.get(field).asString();
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      out.add(Finding.of(Rule.F002, i, field, "not a valid date-time with offset: " + text));
      return null;
    }
  }
}
