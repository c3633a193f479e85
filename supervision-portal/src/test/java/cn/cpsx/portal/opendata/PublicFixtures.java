package cn.cpsx.portal.opendata;

import cn.cpsx.schemas.Uscc;
import cn.cpsx.schemas.rating.RatingFigures;
import cn.cpsx.schemas.rating.RatingMethodology;
import cn.cpsx.schemas.rating.RatingMethodology.ComputedRating;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small public world written by SQL, as the rating job and the supervisors' workflow would leave
 * it, in a period of its own (a far-future year, fresh each run) so other tests' rows never mix in:
 *
 * <ul>
 *   <li>{@code corrected}: version 1 SUPERSEDED by version 2 (a supervisor lowered the
 *       self-assessment), both public;
 *   <li>{@code plain}: PUBLISHED version 1, and a newer DRAFT of a later run (never public);
 *   <li>{@code penalised}: PUBLISHED with a major penalty (capped at C), and a SENT_BACK draft;
 *   <li>{@code draftOnly}: an institution with only a DRAFT (its credit file shows no rating);
 *   <li>enforcement: a published MAJOR action of {@code penalised} corrected by a published
 *       correction, a published MINOR of {@code plain}, and a DRAFT of {@code plain};
 *   <li>cases of {@code corrected} and {@code plain}, some just outside the period.
 * </ul>
 *
 * Draft rows carry markers ({@link #DRAFT_NAME}, {@link #DRAFT_DECISION}) that must never appear.
 */
public final class PublicFixtures {

  public static final String DRAFT_NAME = "草稿快照名称";
  public static final String DRAFT_DECISION_PREFIX = "草稿文号";

  public final String run;
  public final String period;
  public final String corrected;
  public final String plain;
  public final String penalised;
  public final String draftOnly;
  public final List<String> published;
  public final Map<String, String> names = new LinkedHashMap<>();
  public final List<Map<String, Object>> cases = new ArrayList<>();
  public long majorAction;
  public long correction;
  public long minorAction;
  public String draftDecision;

  private final JdbcClient jdbc;

  private PublicFixtures(JdbcClient jdbc) {
    this.jdbc = jdbc;
    Random random = new Random();
    run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    // a year no earlier load used, nor its neighbours (the world has cases just outside its year)
    String year;
    do {
      year = Integer.toString(2100 + random.nextInt(800));
    } while (jdbc.sql(
                """
                SELECT count(*) FROM rating_run
                 WHERE period IN (?, (?::int - 1)::text, (?::int + 1)::text)
                """)
            .params(year, year, year)
            .query(Long.class)
            .single()
        > 0);
    period = year;
    corrected = uscc(random);
    plain = uscc(random);
    penalised = uscc(random);
    draftOnly = uscc(random);
    published = List.of(corrected, plain, penalised);
  }

  public static PublicFixtures load(JdbcClient jdbc) {
    PublicFixtures f = new PublicFixtures(jdbc);
    f.write();
    return f;
  }

  private static String uscc(Random random) {
    String first17 = "9144030088" + String.format("%07d", random.nextInt(10_000_000));
    return first17 + Uscc.checkCharacter(first17);
  }

  public String nameEn(String uscc) {
    return "Open Test Bank "
        + run
        + " "
        + List.of(corrected, plain, penalised, draftOnly).indexOf(uscc);
  }

  private void write() {
    int i = 0;
    for (String uscc : List.of(corrected, plain, penalised, draftOnly)) {
      String name = "公开测试银行" + run + "-" + i;
      names.put(uscc, name);
      jdbc.sql(
              """
              INSERT INTO institution (uscc, legal_name_zh, short_name, name_en, type, home_region,
                                       retail_customers, licence_status)
              VALUES (?, ?, ?, ?, 'BANK_CITY', ?, 200000, 'ACTIVE')
              """)
          .params(uscc, name, name, nameEn(uscc), i % 2 == 0 ? "440300" : "110105")
          .update();
      i++;
    }
    OffsetDateTime cutoff =
        LocalDate.of(Integer.parseInt(period) + 1, 1, 20)
            .atStartOfDay()
            .atOffset(ZoneOffset.ofHours(8));
    long run1 = ratingRun(cutoff);
    long run2 = ratingRun(cutoff.plusDays(10));

    RatingFigures a =
        figures(corrected, 120, 200_000, 100, 90, 50, 40, 6, 4, 4, new BigDecimal("510"), 0, 0, 0);
    RatingFigures b =
        figures(plain, 45, 150_000, 40, 30, 20, 12, 9, 4, 3, new BigDecimal("420.5"), 1, 0, 0);
    RatingFigures c =
        figures(penalised, 12, 90_000, 10, 10, 0, 0, 0, 4, 4, new BigDecimal("540"), 0, 0, 1);
    List<ComputedRating> original = RatingMethodology.rate(List.of(a, b, c));
    RatingFigures aAdjusted = a.withAdjustment(new BigDecimal("1.50"), "自评分依据不足 evidence thin");
    List<ComputedRating> correctedRun = RatingMethodology.rate(List.of(aAdjusted, b, c));

    OffsetDateTime published1 = cutoff.plusDays(12);
    rating(
        run1, corrected, "SUPERSEDED", 1, null, original.get(0), names.get(corrected), published1);
    rating(
        run2,
        corrected,
        "PUBLISHED",
        2,
        1,
        correctedRun.get(0),
        names.get(corrected),
        published1.plusDays(5));
    rating(run1, plain, "PUBLISHED", 1, null, original.get(1), names.get(plain), published1);
    rating(
        run1, penalised, "PUBLISHED", 1, null, original.get(2), names.get(penalised), published1);
    // never public: a newer draft, a sent-back draft, an institution with a draft only
    ComputedRating fake = fakeRating(plain);
    rating(run2, plain, "DRAFT", null, null, fake, DRAFT_NAME, null);
    rating(run2, penalised, "SENT_BACK", null, null, fakeRating(penalised), DRAFT_NAME, null);
    rating(run1, draftOnly, "DRAFT", null, null, fakeRating(draftOnly), DRAFT_NAME, null);

    LocalDate decided = LocalDate.of(Integer.parseInt(period), 6, 30);
    majorAction =
        action(penalised, "MAJOR", "FINE", decided, null, "PUBLISHED", "=HYPERLINK(\"x\")");
    correction = action(penalised, "MAJOR", "FINE", decided, majorAction, "PUBLISHED", "更正：罚款金额");
    minorAction =
        action(plain, "MINOR", "WARNING", decided.minusMonths(2), null, "PUBLISHED", "警告");
    draftDecision = DRAFT_DECISION_PREFIX + run;
    jdbc.sql(
            """
            INSERT INTO enforcement_action (institution_uscc, decision_no, decision_date, severity,
                   measure, legal_basis, summary_zh, status, created_by)
            VALUES (?, ?, ?, 'SERIOUS', 'FINE', '草稿依据', '草稿摘要', 'DRAFT', 'supervisor')
            """)
        .params(plain, draftDecision, decided)
        .update();

    cases(corrected, 37);
    cases(plain, 23);
  }

  private long ratingRun(OffsetDateTime cutoff) {
    return jdbc.sql(
            """
            INSERT INTO rating_run (period, provisional, data_cutoff, methodology_version,
                                    requested_by, computed_at)
            VALUES (?, false, ?, 'v1', 'fixture', now()) RETURNING id
            """)
        .params(period, cutoff)
        .query(Long.class)
        .single();
  }

  static RatingFigures figures(
      String uscc,
      long complaints,
      long customers,
      long closed,
      long within,
      long surveyed,
      long satisfied,
      long escalated,
      int due,
      int good,
      BigDecimal selfSum,
      int minor,
      int serious,
      int major) {
    return new RatingFigures(
        uscc,
        "BANK_CITY",
        complaints,
        customers,
        closed,
        within,
        surveyed,
        satisfied,
        escalated,
        due,
        good,
        selfSum,
        BigDecimal.ZERO,
        null,
        minor,
        serious,
        major);
  }

  private static ComputedRating fakeRating(String uscc) {
    return RatingMethodology.rate(
            List.of(figures(uscc, 5, 1000, 1, 0, 1, 0, 1, 4, 0, null, 0, 0, 0)))
        .getFirst();
  }

  /** The factors as the rating job stores them (§10): figures exact to 10 decimals. */
  public static String factorsJson(ComputedRating rating) {
    ArrayNode factors = JsonMapper.shared().createArrayNode();
    for (RatingMethodology.FactorPoints f : rating.factors()) {
      ObjectNode node = factors.addObject();
      node.put("factor", f.factor().name());
      node.put("points", f.points());
      node.put("maxPoints", f.maxPoints());
      ObjectNode figures = node.putObject("figures");
      f.figures()
          .forEach(
              (k, v) -> {
                switch (v) {
                  case null -> figures.putNull(k);
                  case BigDecimal d -> figures.put(k, d);
                  case Long l -> figures.put(k, l);
                  case Integer n -> figures.put(k, n);
                  default -> figures.put(k, v.toString());
                }
              });
    }
    return factors.toString();
  }

  private void rating(
      long runId,
      String uscc,
      String status,
      Integer version,
      Integer supersedes,
      ComputedRating r,
      String nameZh,
      OffsetDateTime publishedAt) {
    jdbc.sql(
            """
            INSERT INTO rating (run_id, institution_uscc, period, provisional, status, version,
                   supersedes, name_zh, name_en, institution_type, province, score, grade, capped,
                   limited_data, methodology_version, data_cutoff, factors, objection_deadline,
                   published_at, published_by)
            SELECT ?, ?, ?, false, ?, ?, ?, ?, ?, 'BANK_CITY', left(i.home_region, 2) || '0000', ?,
                   ?, ?, ?, 'v1', rr.data_cutoff, ?::jsonb, current_date, ?, ?
              FROM institution i, rating_run rr WHERE i.uscc = ? AND rr.id = ?
            """)
        .params(
            runId,
            uscc,
            period,
            status,
            version,
            supersedes,
            nameZh,
            nameEn(uscc),
            r.score(),
            r.grade(),
            r.capped(),
            r.limitedData(),
            factorsJson(r),
            publishedAt,
            publishedAt == null ? null : "supervisor",
            uscc,
            runId)
        .update();
  }

  private long action(
      String uscc,
      String severity,
      String measure,
      LocalDate date,
      Long corrects,
      String status,
      String summary) {
    return jdbc.sql(
            """
            INSERT INTO enforcement_action (institution_uscc, decision_no, decision_date, severity,
                   measure, fine_cny, legal_basis, summary_zh, summary_en, corrects, status,
                   created_by, published_by, published_at)
            VALUES (?, ?, ?, ?, ?, 500000.00, '《银行业监督管理法》第四十六条', ?, 'Fine for mis-selling',
                    ?, ?, 'supervisor', 'supervisor', now())
            RETURNING id
            """)
        .params(
            uscc,
            "银保监罚决字〔" + period + "〕" + run + "-" + UUID.randomUUID().toString().substring(0, 4),
            date,
            severity,
            measure,
            summary,
            corrects,
            status)
        .query(Long.class)
        .single();
  }

  /** Cases with every combination that matters to the statistics, a few outside the period. */
  private void cases(String uscc, int count) {
    String filingId = "FPUB-" + run + "-" + uscc;
    long seq =
        jdbc.sql(
                """
                INSERT INTO filing (filing_id, institution_uscc, filing_type, format, channel, mode,
                                    received_at, sha256, size_bytes, raw, status, validated_at)
                VALUES (?, ?, 'CASES', 'JSON', 'REST', 'LIVE', now(), ?, 2, '{}'::bytea,
                        'ACCEPTED', now())
                RETURNING seq
                """)
            .params(filingId, uscc, sha256(filingId))
            .query(Long.class)
            .single();
    int year = Integer.parseInt(period);
    List<String> statuses =
        List.of("RESOLVED", "CLOSED_UNRESOLVED", "IN_PROGRESS", "ESCALATED", "RESOLVED");
    List<String> satisfaction =
        List.of("SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED", "NOT_SURVEYED");
    List<String> categories = List.of("CREDIT_CARD", "DEPOSIT", "WEALTH");
    List<String> reasons = List.of("FEES", "MIS_SELLING", "SERVICE_QUALITY", "CLAIMS");
    List<String> channels = List.of("PHONE", "ONLINE", "REGULATOR");
    List<String> regions = List.of("440305", "110105", "310115");
    for (int n = 0; n < count; n++) {
      OffsetDateTime received;
      if (n == 0) {
        // 31 Dec 23:30 Beijing time of the year before: outside the period
        received = OffsetDateTime.of(year - 1, 12, 31, 23, 30, 0, 0, ZoneOffset.ofHours(8));
      } else if (n == 1) {
        // 1 Jan 00:10 Beijing time is 31 Dec 16:10 UTC: inside the period
        received = OffsetDateTime.of(year, 1, 1, 0, 10, 0, 0, ZoneOffset.ofHours(8));
      } else if (n == 2) {
        received = OffsetDateTime.of(year + 1, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(8));
      } else {
        received =
            OffsetDateTime.of(
                year, 1 + n % 12, 1 + n % 27, 9 + n % 8, 0, 0, 0, ZoneOffset.ofHours(8));
      }
      String status = statuses.get(n % statuses.size());
      boolean extended = n % 4 == 1;
      Map<String, Object> record = new LinkedHashMap<>();
      record.put("caseNo", "PUB-" + run + "-" + n);
      record.put("receivedAt", received.toString());
      record.put("channel", channels.get(n % channels.size()));
      record.put("businessCategory", categories.get(n % categories.size()));
      record.put("reason", reasons.get(n % reasons.size()));
      record.put("demand", "REFUND");
      record.put("region", regions.get(n % regions.size()));
      record.put("narrative", "客户投诉");
      record.put("status", status);
      if (status.equals("RESOLVED") || status.equals("CLOSED_UNRESOLVED")) {
        // around the deadline: 15 days exactly, a minute over, within 30 when extended
        long minutes =
            switch (n % 6) {
              case 0 -> 15L * 24 * 60;
              case 1 -> 15L * 24 * 60 + 1;
              case 2 -> 29L * 24 * 60;
              case 3 -> 30L * 24 * 60 + 1;
              default -> 3L * 24 * 60;
            };
        record.put("resolvedAt", received.plusMinutes(minutes).toString());
        record.put("outcome", "UPHELD");
      }
      if (n % 5 != 4) {
        record.put("satisfaction", satisfaction.get(n % satisfaction.size()));
      }
      if (extended) {
        record.put("extended", true);
      }
      cases.add(Map.of("uscc", uscc, "record", record, "receivedAt", received, "status", status));
      String json = JsonMapper.shared().writeValueAsString(record);
      jdbc.sql(
              """
              INSERT INTO complaint_case (institution_uscc, case_no, filing_id, filing_seq,
                                          received_at, status, record)
              VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)
              """)
          .params(uscc, record.get("caseNo"), filingId, seq, received, status, json)
          .update();
    }
  }

  private static String sha256(String text) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
