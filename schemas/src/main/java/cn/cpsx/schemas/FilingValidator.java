package cn.cpsx.schemas;

import com.networknt.schema.Error;
import com.networknt.schema.OutputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a filing against REPORTING-SPEC §2–§5 and §9. The envelope first (an error there rejects
 * the filing), then the content of its type: CASES record by record (an error rejects only that
 * record), STATS_Q and SELF_ASSESSMENT as a whole.
 *
 * <p>Thread-safe; build one and share it.
 */
public final class FilingValidator {

  static final String SCHEMA_BASE = "https://cpsx.cn/schemas/filing/v1/";

  /** CASES filings larger than this are refused whole (§3, F003). */
  public static final int MAX_CASE_RECORDS = 50_000;

  private final JsonMapper json =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();
  private final Schema commonEnvelope;
  private final Map<String, Schema> envelopes;
  private final CaseRecordRules cases;
  private final StatisticsRules statistics;
  private final SelfAssessmentRules selfAssessment;

  public FilingValidator() {
    this(CodeLists.standard());
  }

  public FilingValidator(CodeLists codes) {
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder ->
                builder.schemaIdResolvers(r -> r.mapPrefix(SCHEMA_BASE, "classpath:json-schema/")));
    this.commonEnvelope = schema(registry, "filing-envelope.schema.json");
    this.envelopes =
        Map.of(
            "CASES", schema(registry, "cases-filing.schema.json"),
            "STATS_Q", schema(registry, "stats-q-filing.schema.json"),
            "SELF_ASSESSMENT", schema(registry, "self-assessment-filing.schema.json"));
    this.cases = new CaseRecordRules(codes, schema(registry, "case-record.schema.json"));
    this.statistics = new StatisticsRules(codes);
    this.selfAssessment = new SelfAssessmentRules(codes);
  }

  /** Checks a JSON filing as received (UTF-8, a leading BOM skipped). */
  public FilingValidation validateJson(byte[] body, FilingContext context) {
    JsonNode root;
    try {
      root = json.readTree(Utf8.withoutBom(Utf8.requireUtf8(body)));
    } catch (Utf8.NotUtf8Exception e) {
      return rejected(Finding.of(Rule.F001, null, null, "JSON", e.getMessage()));
    } catch (JacksonException e) {
      return rejected(Finding.of(Rule.F001, null, null, "JSON", e.getOriginalMessage()));
    }
    if (root == null || root.isMissingNode()) {
      return rejected(Finding.of(Rule.F001, null, null, "JSON", "empty document"));
    }
    return validate(root, context);
  }

  /** Checks an XML filing as received (the SOAP channel's format). */
  public FilingValidation validateXml(byte[] body, FilingContext context) {
    return switch (FilingXml.read(body)) {
      case FilingXml.Parsed parsed -> validate(parsed.filing(), context);
      case FilingXml.Refused refused -> rejected(refused.finding());
    };
  }

  /**
   * Checks a file taken from an institution's SFTP {@code inbox/}: its name first (F010), then its
   * content in the format its extension names. For JSON the name must agree with the content (USCC,
   * type and, for periodic types, period), else F010; a CSV takes its envelope from the name.
   */
  public FilingValidation validateSftpFile(byte[] body, String fileName, FilingContext context) {
    LocalDate today = context.receivedAt().atZone(ReportingTime.ZONE).toLocalDate();
    SftpFileName name;
    switch (SftpFileName.parse(fileName, today)) {
      case SftpFileName.Valid valid -> name = valid.name();
      case SftpFileName.Invalid invalid -> {
        return rejected(invalid.finding());
      }
      case SftpFileName.Ignored ignored -> {
        return rejected(
            Finding.of(Rule.F010, null, "fileName", fileName + ": an in-progress upload name"));
      }
    }
    if (body.length == 0) {
      return rejected(
          Finding.of(Rule.F001, null, null, name.extension().toUpperCase(), "empty file"));
    }
    return switch (name.extension()) {
      case "csv" ->
          switch (CasesCsv.read(body, name)) {
            case CasesCsv.Parsed parsed -> validate(parsed.filing(), context);
            case CasesCsv.Refused refused -> rejected(refused.finding());
          };
      case "json" -> nameAgrees(fileName, name, validateJson(body, context));
      default -> nameAgrees(fileName, name, validateXml(body, context));
    };
  }

  /** The content's result, or F010 when the file name contradicts the content. */
  private static FilingValidation nameAgrees(
      String fileName, SftpFileName name, FilingValidation content) {
    String mismatch = mismatch(name, content);
    return mismatch == null
        ? content
        : rejected(Finding.of(Rule.F010, null, "fileName", fileName + ": " + mismatch));
  }

  /** What the file name says that the content contradicts, or null. */
  private static String mismatch(SftpFileName name, FilingValidation content) {
    if (content.filingType() == null) {
      return null; // unreadable content: its own F001/F002 says why
    }
    if (content.institution() != null && !content.institution().equals(name.uscc())) {
      return "the name says " + name.uscc() + ", the content " + content.institution();
    }
    if (!content.filingType().equals(name.filingType())) {
      return "the name says " + name.filingType() + ", the content " + content.filingType();
    }
    if (content.period() != null && !content.period().equals(name.period())) {
      return "the name says period " + name.period() + ", the content " + content.period();
    }
    if ("TEST".equals(content.mode()) != name.test()) {
      return "the name's _TEST mark and the content's mode disagree";
    }
    return null;
  }

  /** Checks a filing already parsed into the JSON shape of §3 (XML and CSV map onto it). */
  public FilingValidation validate(JsonNode root, FilingContext context) {
    Optional<Finding> unstorable = StorableValues.check(root);
    if (unstorable.isPresent()) {
      return rejected(unstorable.get());
    }
    List<Finding> common = schemaFindings(commonEnvelope, root, null);
    if (!common.isEmpty()) {
      String type = root.path("filingType").asString(null);
      return rejected(
          type != null && root.path("specVersion").asString("").equals("1")
              ? Finding.variant(Rule.F002, "type", null, "filingType", type)
              : common.getFirst());
    }
    String type = root.get("filingType").asString();
    List<Finding> envelope = new ArrayList<>(schemaFindings(envelopes.get(type), root, null));
    Envelope e = Envelope.of(root);
    if (type.equals("CASES") && root.path("cases").size() > MAX_CASE_RECORDS) {
      envelope.add(
          Finding.of(
              Rule.F003,
              null,
              "cases",
              root.get("cases").size() + " records > " + MAX_CASE_RECORDS));
    }
    checkInstitution(e, context, envelope);
    FilingPeriod period = type.equals("CASES") ? null : checkPeriod(type, e, context, envelope);
    if (envelope.stream().anyMatch(Finding::isError)) {
      return new FilingValidation(
          e.institution,
          type,
          e.mode,
          e.period,
          e.supersedes,
          0,
          0,
          envelope,
          List.of(),
          null,
          e.explanations,
          FilingOutcome.REJECTED);
    }
    return switch (type) {
      case "CASES" -> cases.check(e, root.get("cases"), context, envelope);
      case "STATS_Q" ->
          wholeDocument(
              e,
              type,
              (ObjectNode) root.get("statistics"),
              envelope,
              statistics.check(root.get("statistics"), e, period, context));
      default ->
          wholeDocument(
              e,
              type,
              (ObjectNode) root.get("assessment"),
              envelope,
              selfAssessment.check(root.get("assessment")));
    };
  }

  private static void checkInstitution(Envelope e, FilingContext context, List<Finding> out) {
    if (e.institution == null) {
      return; // the envelope schema already said it is missing
    }
    if (!Uscc.isValid(e.institution)) {
      out.add(Finding.of(Rule.F004, null, "institution", e.institution));
    } else if (!e.institution.equals(context.authenticatedUscc())) {
      out.add(
          Finding.of(Rule.F005, null, "institution", e.institution, context.authenticatedUscc()));
    } else if (!context.activeInstitution().test(e.institution)) {
      out.add(Finding.of(Rule.F006, null, "institution", e.institution));
    }
  }

  /** F007 (malformed or not ended), F008 (late), F009 (period taken, or a wrong supersedes). */
  private static FilingPeriod checkPeriod(
      String type, Envelope e, FilingContext context, List<Finding> out) {
    if (e.period == null) {
      return null;
    }
    Optional<FilingPeriod> parsed = FilingPeriod.parse(type, e.period);
    if (parsed.isEmpty() || !parsed.get().hasEndedBy(context.receivedAt())) {
      out.add(Finding.of(Rule.F007, null, "period", e.period));
      return null;
    }
    FilingPeriod period = parsed.get();
    if (period.isLate(context.receivedAt())) {
      out.add(Finding.of(Rule.F008, null, "period", period.dueDay()));
    }
    if (e.institution != null) {
      Optional<String> current = context.history().currentFiling(e.institution, type, e.period);
      if (e.supersedes != null && !current.map(e.supersedes::equals).orElse(false)) {
        out.add(
            Finding.variant(
                Rule.F009,
                "unknown",
                null,
                "supersedes",
                e.period,
                e.supersedes,
                current.orElse("—")));
      } else if (e.supersedes == null && current.isPresent()) {
        out.add(Finding.of(Rule.F009, null, "period", e.period, current.get()));
      }
    }
    return period;
  }

  private static FilingValidation wholeDocument(
      Envelope e, String type, ObjectNode document, List<Finding> envelope, List<Finding> content) {
    List<Finding> findings = new ArrayList<>(envelope);
    findings.addAll(content);
    boolean errors = findings.stream().anyMatch(Finding::isError);
    boolean warnings = findings.stream().anyMatch(f -> !f.isError());
    FilingOutcome outcome =
        errors
            ? FilingOutcome.REJECTED
            : warnings ? FilingOutcome.ACCEPTED_WITH_WARNINGS : FilingOutcome.ACCEPTED;
    return new FilingValidation(
        e.institution,
        type,
        e.mode,
        e.period,
        e.supersedes,
        1,
        errors ? 1 : 0,
        findings,
        List.of(),
        errors ? null : document,
        e.explanations,
        outcome);
  }

  static List<Finding> schemaFindings(Schema schema, JsonNode node, Integer record) {
    List<Finding> findings = new ArrayList<>();
    // Most records are valid: a yes/no check first, without formatting a message for every
    // alternative a oneOf tried and dropped; the messages only for a record that fails.
    if (schema.validate(node, OutputFormat.BOOLEAN)) {
      return findings;
    }
    for (Error error : schema.validate(node)) {
      String location = error.getInstanceLocation().toString();
      String field = location.replaceFirst("^\\$\\.?", "");
      if (error.getProperty() != null && "required".equals(error.getKeyword())) {
        field = field.isEmpty() ? error.getProperty() : field + "." + error.getProperty();
      }
      findings.add(
          Finding.of(Rule.F002, record, field.isEmpty() ? "$" : field, error.getMessage()));
    }
    return findings;
  }

  private static FilingValidation rejected(Finding finding) {
    return new FilingValidation(
        null,
        null,
        null,
        null,
        null,
        0,
        0,
        List.of(finding),
        List.of(),
        null,
        List.of(),
        FilingOutcome.REJECTED);
  }

  private static Schema schema(SchemaRegistry registry, String name) {
    return registry.getSchema(SchemaLocation.of(SCHEMA_BASE + name));
  }

  /** The envelope fields every type shares, as far as they are readable. */
  record Envelope(
      String institution,
      String mode,
      String period,
      String supersedes,
      List<FilingValidation.Explanation> explanations) {

    static Envelope of(JsonNode root) {
      List<FilingValidation.Explanation> explanations = new ArrayList<>();
      for (JsonNode x : root.path("explanations")) {
        explanations.add(
            new FilingValidation.Explanation(
                x.path("rule").asString(null),
                x.path("record").asString(null),
                x.path("text").asString(null)));
      }
      return new Envelope(
          text(root, "institution"),
          text(root, "mode"),
          text(root, "period"),
          text(root, "supersedes"),
          List.copyOf(explanations));
    }

    private static String text(JsonNode root, String field) {
      return root.path(field).isString() ? root.get(field).asString() : null;
    }
  }
}
