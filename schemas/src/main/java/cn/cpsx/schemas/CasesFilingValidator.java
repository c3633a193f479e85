package cn.cpsx.schemas;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a JSON CASES filing against REPORTING-SPEC §2.1, §3, §5 and §9: the envelope against its
 * JSON Schema (a problem there rejects the filing), then each record on its own (a problem there
 * rejects only that record).
 *
 * <p>Rules that need the database (F007–F009, S003) are applied by the batch job around this.
 */
public final class CasesFilingValidator {

  private static final Duration LATE_AFTER = Duration.ofDays(5);
  private static final List<String> CODED_FIELDS =
      List.of("channel", "businessCategory", "reason", "demand", "status");

  private final JsonMapper json =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();
  private final Schema envelopeSchema;
  private final Schema recordSchema;
  private final CodeLists codes;

  public CasesFilingValidator() {
    this(CodeLists.standard());
  }

  public CasesFilingValidator(CodeLists codes) {
    this.codes = codes;
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    this.envelopeSchema = registry.getSchema(resource("/json-schema/cases-filing.schema.json"));
    this.recordSchema = registry.getSchema(resource("/json-schema/case-record.schema.json"));
  }

  public CasesValidation validate(byte[] body, FilingContext context) {
    JsonNode root;
    try {
      root = json.readTree(Utf8.withoutBom(Utf8.requireUtf8(body)));
    } catch (Utf8.NotUtf8Exception e) {
      return rejected(null, null, Finding.of(Rule.F001, null, null, "JSON", e.getMessage()));
    } catch (JacksonException e) {
      return rejected(
          null, null, Finding.of(Rule.F001, null, null, "JSON", e.getOriginalMessage()));
    }
    if (root == null || root.isMissingNode()) {
      return rejected(null, null, Finding.of(Rule.F001, null, null, "JSON", "empty document"));
    }
    List<Finding> envelope = new ArrayList<>();
    for (Error error : envelopeSchema.validate(root)) {
      envelope.add(schemaFinding(null, error));
    }
    String institution =
        root.path("institution").isString() ? root.get("institution").asString() : null;
    String mode = root.path("mode").isString() ? root.get("mode").asString() : null;
    if (institution != null && !Uscc.isValid(institution)) {
      envelope.add(Finding.of(Rule.F004, null, "institution", institution));
    } else if (institution != null && !institution.equals(context.authenticatedUscc())) {
      envelope.add(
          Finding.of(Rule.F005, null, "institution", institution, context.authenticatedUscc()));
    } else if (institution != null && !context.activeInstitution().test(institution)) {
      envelope.add(Finding.of(Rule.F006, null, "institution", institution));
    }
    if (!envelope.isEmpty()) {
      return new CasesValidation(
          institution, mode, 0, 0, envelope, List.of(), FilingOutcome.REJECTED);
    }
    return validateRecords(institution, mode, root.get("cases"), context);
  }

  private CasesValidation validateRecords(
      String institution, String mode, JsonNode cases, FilingContext context) {
    List<Finding> findings = new ArrayList<>();
    List<CasesValidation.AcceptedCase> accepted = new ArrayList<>();
    Map<String, Integer> firstIndexOfCaseNo = new HashMap<>();
    int rejected = 0;
    for (int i = 0; i < cases.size(); i++) {
      ObjectNode record = (ObjectNode) cases.get(i);
      List<Finding> recordFindings = new ArrayList<>();
      for (Error error : recordSchema.validate(record)) {
        recordFindings.add(schemaFinding(i, error));
      }
      String caseNo = record.path("caseNo").isString() ? record.get("caseNo").asString() : null;
      if (caseNo != null) {
        Integer first = firstIndexOfCaseNo.putIfAbsent(caseNo, i);
        if (first != null) {
          recordFindings.add(Finding.of(Rule.C006, i, "caseNo", caseNo, first));
        }
      }
      if (recordFindings.isEmpty()) {
        checkContent(i, record, context.receivedAt(), recordFindings);
      }
      findings.addAll(recordFindings);
      if (recordFindings.stream().anyMatch(Finding::isError)) {
        rejected++;
      } else {
        accepted.add(new CasesValidation.AcceptedCase(i, caseNo, record));
      }
    }
    boolean warnings = findings.stream().anyMatch(f -> !f.isError());
    FilingOutcome outcome = FilingOutcome.ofRecords(cases.size(), rejected, warnings);
    return new CasesValidation(
        institution,
        mode,
        cases.size(),
        rejected,
        findings,
        outcome.countsAsAccepted() ? accepted : List.of(),
        outcome);
  }

  /** The C-rules of a record whose structure is right. */
  private void checkContent(int i, ObjectNode record, Instant filedAt, List<Finding> out) {
    for (String field : CODED_FIELDS) {
      checkCode(i, field, record.get(field).asString(), codeListOf(field), out);
    }
    JsonNode complainant = record.path("complainant");
    if (complainant.has("ageBand")) {
      checkCode(
          i, "complainant.ageBand", complainant.get("ageBand").asString(), CodeLists.AGE_BAND, out);
    }
    for (String field : List.of("outcome", "satisfaction")) {
      if (record.has(field)) {
        checkCode(i, field, record.get(field).asString(), codeListOf(field), out);
      }
    }
    String region = record.get("region").asString();
    if (!region.matches("[0-9]{6}")
        || !codes.contains(CodeLists.PROVINCE, region.substring(0, 2))) {
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
    OffsetDateTime lateFrom = closed && resolvedAt != null ? resolvedAt : receivedAt;
    if (lateFrom != null && filedAt.isAfter(lateFrom.toInstant().plus(LATE_AFTER))) {
      out.add(Finding.of(Rule.C008, i, closed ? "resolvedAt" : "receivedAt", lateFrom));
    }
    String narrative = record.get("narrative").asString().strip();
    if (narrative.codePointCount(0, narrative.length()) < 10) {
      out.add(Finding.of(Rule.C009, i, "narrative"));
    }
  }

  private void checkCode(int i, String field, String code, String list, List<Finding> out) {
    if (!codes.contains(list, code)) {
      out.add(Finding.of(Rule.C001, i, field, code));
    }
  }

  private static String codeListOf(String field) {
    return switch (field) {
      case "channel" -> CodeLists.CHANNEL;
      case "businessCategory" -> CodeLists.BUSINESS_CATEGORY;
      case "reason" -> CodeLists.REASON;
      case "demand" -> CodeLists.DEMAND;
      case "status" -> CodeLists.CASE_STATUS;
      case "outcome" -> CodeLists.OUTCOME;
      case "satisfaction" -> CodeLists.SATISFACTION;
      default -> throw new IllegalArgumentException("not a coded field: " + field);
    };
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

  private static Finding schemaFinding(Integer record, Error error) {
    String location = error.getInstanceLocation().toString();
    String field = location.replaceFirst("^\\$\\.?", "");
    if (error.getProperty() != null && "required".equals(error.getKeyword())) {
      field = field.isEmpty() ? error.getProperty() : field + "." + error.getProperty();
    }
    return Finding.of(Rule.F002, record, field.isEmpty() ? "$" : field, error.getMessage());
  }

  private static CasesValidation rejected(String institution, String mode, Finding finding) {
    return new CasesValidation(
        institution, mode, 0, 0, List.of(finding), List.of(), FilingOutcome.REJECTED);
  }

  private static InputStream resource(String name) {
    InputStream in = CasesFilingValidator.class.getResourceAsStream(name);
    if (in == null) {
      throw new UncheckedIOException(new IOException("missing resource " + name));
    }
    return in;
  }
}
