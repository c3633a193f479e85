package cn.cpsx.portal.rating;

import cn.cpsx.portal.audit.AuditLog;
import cn.cpsx.schemas.ReportingTime;
import cn.cpsx.schemas.rating.PublishedFactors;
import cn.cpsx.schemas.rating.RatingFigures;
import cn.cpsx.schemas.rating.RatingMethodology;
import cn.cpsx.schemas.rating.RatingMethodology.ComputedRating;
import cn.cpsx.schemas.rating.RatingPeriod;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rating lifecycle (§7): runs requested, drafts reviewed, objections filed and answered,
 * ratings published. Every decision checks the state it starts from inside one transaction (row
 * lock), so two supervisors cannot publish one draft twice, and is written to the audit log.
 */
@Component
public class RatingReview {

  public static final String REQUEST_RATING_RUN = "REQUEST_RATING_RUN";
  public static final String PUBLISH_RATING = "PUBLISH_RATING";
  public static final String SEND_BACK_RATING = "SEND_BACK_RATING";
  public static final String ADJUST_SELF_ASSESSMENT = "ADJUST_SELF_ASSESSMENT";
  public static final String OBJECT_TO_RATING = "OBJECT_TO_RATING";
  public static final String ACCEPT_RATING = "ACCEPT_RATING";

  // Shares and ranks read back as decimals with all their digits, never as doubles.
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Clock clock;

  RatingReview(JdbcClient jdbc, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /** A rating run as the review page lists it. */
  public record Run(
      long id,
      String period,
      boolean provisional,
      OffsetDateTime dataCutoff,
      String requestedBy,
      OffsetDateTime requestedAt,
      OffsetDateTime computedAt,
      long drafts,
      long published) {
    public Run {
      dataCutoff = RatingView.shanghai(dataCutoff);
      requestedAt = RatingView.shanghai(requestedAt);
      computedAt = RatingView.shanghai(computedAt);
    }
  }

  /** Asks batch-jobs for a run of the period as of now; returns its id. */
  @Transactional
  public long requestRun(String periodText, String actor) {
    RatingPeriod period =
        RatingPeriod.parse(periodText)
            .orElseThrow(
                () ->
                    refused(
                        HttpStatus.BAD_REQUEST,
                        "期间应为 YYYY 或 YYYY-Qn",
                        "period must be YYYY or YYYY-Qn"));
    Instant cutoff = clock.instant().truncatedTo(ChronoUnit.MICROS);
    if (!period.mayBeRatedAt(cutoff)) {
      throw refused(
          HttpStatus.BAD_REQUEST,
          "年度评级须在该年结束后进行，季度评级须在该季度开始后进行",
          "a year is rated once it has ended, a quarter (provisional) once it has begun");
    }
    long id =
        jdbc.sql(
                """
                INSERT INTO rating_run (period, provisional, data_cutoff, methodology_version, requested_by)
                VALUES (?, ?, ?, ?, ?) RETURNING id
                """)
            .params(
                period.text(),
                period.provisional(),
                cutoff.atOffset(ZoneOffset.UTC),
                RatingMethodology.VERSION,
                actor)
            .query(Long.class)
            .single();
    audit.record(
        actor,
        REQUEST_RATING_RUN,
        period.text(),
        Map.of("runId", id, "dataCutoff", cutoff.toString()));
    return id;
  }

  public List<Run> runs(int limit) {
    return jdbc.sql(
            """
            SELECT r.id, r.period, r.provisional, r.data_cutoff, r.requested_by, r.requested_at,
                   r.computed_at,
                   (SELECT count(*) FROM rating x WHERE x.run_id = r.id AND x.status = 'DRAFT') AS drafts,
                   (SELECT count(*) FROM rating x WHERE x.run_id = r.id
                     AND x.status IN ('PUBLISHED', 'SUPERSEDED')) AS published
              FROM rating_run r ORDER BY r.id DESC LIMIT ?
            """)
        .param(limit)
        .query(Run.class)
        .list();
  }

  /** The ratings of a run, best score first. */
  public List<RatingView> ofRun(long runId) {
    return select("WHERE r.run_id = ? ORDER BY r.score DESC, r.institution_uscc", runId);
  }

  public Optional<RatingView> find(long id) {
    return select("WHERE r.id = ?", id).stream().findFirst();
  }

  /** An institution's own ratings, drafts included, newest first: never another's. */
  public List<RatingView> ofInstitution(String uscc) {
    return select(
        "WHERE r.institution_uscc = ? AND r.status IN ('DRAFT', 'PUBLISHED', 'SUPERSEDED')"
            + " ORDER BY r.period DESC, r.id DESC",
        uscc);
  }

  /**
   * Publishes a draft (SUPERVISOR). Allowed once the institution has accepted it or its objection
   * window has closed; an objection must be answered, and the answer is given here.
   */
  @Transactional
  public RatingView publish(long id, String answer, String actor) {
    RatingView draft = lockDraft(id);
    boolean windowClosed = today().isAfter(draft.objectionDeadline());
    if (draft.acknowledgedAt() == null && !windowClosed) {
      throw refused(
          HttpStatus.CONFLICT,
          "异议期至 " + draft.objectionDeadline() + " 止，机构尚未确认，暂不能发布",
          "the objection window runs until "
              + draft.objectionDeadline()
              + " and the institution has not accepted the draft");
    }
    String trimmedAnswer = answer == null ? "" : answer.strip();
    if (draft.hasUnansweredObjection()) {
      if (trimmedAnswer.length() < 4) {
        throw refused(
            HttpStatus.CONFLICT,
            "该评级有待答复的异议：请填写答复",
            "the institution objected: write an answer to publish");
      }
      jdbc.sql(
              """
              UPDATE rating_objection SET answer = ?, answered_by = ?, answered_at = now()
               WHERE rating_id = ? AND answer IS NULL
              """)
          .params(trimmedAnswer, actor, id)
          .update();
    }
    Integer previous =
        jdbc.sql(
                """
                UPDATE rating SET status = 'SUPERSEDED'
                 WHERE institution_uscc = ? AND period = ? AND status = 'PUBLISHED'
                RETURNING version
                """)
            .params(draft.uscc(), draft.period())
            .query(Integer.class)
            .optional()
            .orElse(null);
    int version =
        jdbc.sql(
                "SELECT coalesce(max(version), 0) + 1 FROM rating WHERE institution_uscc = ? AND period = ?")
            .params(draft.uscc(), draft.period())
            .query(Integer.class)
            .single();
    jdbc.sql(
            """
            UPDATE rating SET status = 'PUBLISHED', version = ?, supersedes = ?, published_at = now(),
                   published_by = ?, reviewed_by = ?, reviewed_at = now()
             WHERE id = ?
            """)
        .params(version, previous, actor, actor, id)
        .update();
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("uscc", draft.uscc());
    detail.put("period", draft.period());
    detail.put("version", version);
    detail.put("supersedes", previous);
    detail.put("grade", draft.grade());
    detail.put("answer", trimmedAnswer.isEmpty() ? null : trimmedAnswer);
    audit.record(actor, PUBLISH_RATING, String.valueOf(id), detail);
    return find(id).orElseThrow();
  }

  /** Publishes every draft of a run that may be published without an answer; returns how many. */
  @Transactional
  public int publishReady(long runId, String actor) {
    int published = 0;
    for (RatingView rating : ofRun(runId)) {
      boolean ready =
          rating.isDraft()
              && !rating.hasUnansweredObjection()
              && (rating.acknowledgedAt() != null || today().isAfter(rating.objectionDeadline()));
      if (ready) {
        publish(rating.id(), null, actor);
        published++;
      }
    }
    return published;
  }

  /** Sends a draft back (SUPERVISOR): it will not be published; a new run recomputes it. */
  @Transactional
  public void sendBack(long id, String comment, String actor) {
    String trimmed = comment == null ? "" : comment.strip();
    if (trimmed.length() < 4) {
      throw refused(
          HttpStatus.BAD_REQUEST,
          "退回须说明理由（至少 4 个字）",
          "say why the draft goes back (4 characters or more)");
    }
    lockDraft(id);
    jdbc.sql(
            """
            UPDATE rating SET status = 'SENT_BACK', review_comment = ?, reviewed_by = ?, reviewed_at = now()
             WHERE id = ?
            """)
        .params(trimmed, actor, id)
        .update();
    audit.record(actor, SEND_BACK_RATING, String.valueOf(id), Map.of("comment", trimmed));
  }

  /**
   * Lowers the self-assessment factor of a draft by {@code points} (SUPERVISOR, with a reason) and
   * rescores it by the methodology. Ranks do not depend on the self-assessment, so only this
   * draft's points change; the run's other drafts stay as they are.
   */
  @Transactional
  public RatingView adjustSelfAssessment(long id, BigDecimal points, String reason, String actor) {
    RatingView draft = lockDraft(id);
    String trimmed = reason == null ? "" : reason.strip();
    if (points == null
        || points.signum() < 0
        || points.compareTo(BigDecimal.TEN) > 0
        || points.scale() > 2) {
      throw refused(
          HttpStatus.BAD_REQUEST,
          "扣减分值应在 0 到 10 之间，最多两位小数",
          "the adjustment is 0 to 10 points, at most 2 decimals");
    }
    if (points.signum() > 0 && trimmed.length() < 4) {
      throw refused(
          HttpStatus.BAD_REQUEST,
          "扣减须记录理由（至少 4 个字）",
          "an adjustment needs a recorded reason (4 characters or more)");
    }
    jdbc.sql(
            """
            UPDATE rating_figures SET supervisor_adjustment = ?, adjustment_reason = ?
             WHERE run_id = ? AND institution_uscc = ?
            """)
        .params(points, points.signum() > 0 ? trimmed : null, draft.runId(), draft.uscc())
        .update();
    List<RatingFigures> run =
        jdbc.sql(
                """
                SELECT institution_uscc AS uscc, institution_type, complaints, retail_customers,
                       closed, closed_within_deadline, surveyed, satisfied, escalated, due,
                       good_filings, self_score_sum, supervisor_adjustment, adjustment_reason,
                       minor, serious, major
                  FROM rating_figures WHERE run_id = ?
                """)
            .param(draft.runId())
            .query(RatingFigures.class)
            .list();
    ComputedRating rescored =
        RatingMethodology.rate(run).stream()
            .filter(r -> r.uscc().equals(draft.uscc()))
            .findFirst()
            .orElseThrow();
    jdbc.sql("UPDATE rating SET score = ?, grade = ?, capped = ?, factors = ?::jsonb WHERE id = ?")
        .params(
            rescored.score(),
            rescored.grade(),
            rescored.capped(),
            PublishedFactors.toJson(rescored.factors()),
            id)
        .update();
    audit.record(
        actor,
        ADJUST_SELF_ASSESSMENT,
        String.valueOf(id),
        Map.of(
            "points",
            points,
            "reason",
            trimmed,
            "score",
            rescored.score(),
            "grade",
            rescored.grade()));
    return find(id).orElseThrow();
  }

  /** The institution objects to its own draft, within the window (Shanghai dates). */
  @Transactional
  public void object(long id, String uscc, String reason, String actor) {
    RatingView draft = lockOwnDraft(id, uscc);
    String trimmed = reason == null ? "" : reason.strip();
    if (trimmed.length() < 10 || trimmed.length() > 4000) {
      throw refused(
          HttpStatus.BAD_REQUEST,
          "异议理由应为 10 到 4000 个字",
          "an objection's reason is 10 to 4,000 characters");
    }
    if (today().isAfter(draft.objectionDeadline())) {
      throw refused(
          HttpStatus.CONFLICT,
          "异议期已于 " + draft.objectionDeadline() + " 结束",
          "the objection window closed on " + draft.objectionDeadline());
    }
    jdbc.sql("INSERT INTO rating_objection (rating_id, filed_by, reason) VALUES (?, ?, ?)")
        .params(id, actor, trimmed)
        .update();
    jdbc.sql("UPDATE rating SET acknowledged_at = NULL, acknowledged_by = NULL WHERE id = ?")
        .param(id)
        .update();
    audit.record(
        actor, OBJECT_TO_RATING, String.valueOf(id), Map.of("uscc", uscc, "reason", trimmed));
  }

  /**
   * The institution accepts its own draft: no objection, so it may be published before the window
   * closes.
   */
  @Transactional
  public void accept(long id, String uscc, String actor) {
    RatingView draft = lockOwnDraft(id, uscc);
    if (draft.hasUnansweredObjection()) {
      throw refused(
          HttpStatus.CONFLICT,
          "已提出异议，不能再确认",
          "an objection is on file: the draft cannot be accepted as well");
    }
    jdbc.sql("UPDATE rating SET acknowledged_at = now(), acknowledged_by = ? WHERE id = ?")
        .params(actor, id)
        .update();
    audit.record(actor, ACCEPT_RATING, String.valueOf(id), Map.of("uscc", uscc));
  }

  // --- internals ------------------------------------------------------------------------------

  private LocalDate today() {
    return LocalDate.now(clock.withZone(ReportingTime.ZONE));
  }

  private RatingView lockDraft(long id) {
    jdbc.sql("SELECT id FROM rating WHERE id = ? FOR UPDATE")
        .param(id)
        .query(Long.class)
        .optional();
    RatingView rating =
        find(id).orElseThrow(() -> refused(HttpStatus.NOT_FOUND, "没有该评级", "no such rating"));
    if (!rating.isDraft()) {
      throw refused(
          HttpStatus.CONFLICT,
          "该评级状态为 " + rating.status() + "，只有草稿可以处理",
          "the rating is " + rating.status() + ": only a draft can be decided on");
    }
    return rating;
  }

  /** An institution's own draft; another's is answered as if it did not exist. */
  private RatingView lockOwnDraft(long id, String uscc) {
    boolean own =
        jdbc.sql("SELECT count(*) FROM rating WHERE id = ? AND institution_uscc = ?")
                .params(id, uscc)
                .query(Long.class)
                .single()
            > 0;
    if (!own) {
      throw refused(HttpStatus.NOT_FOUND, "没有该评级", "no such rating");
    }
    return lockDraft(id);
  }

  static ResponseStatusException refused(HttpStatus status, String zh, String en) {
    return new ResponseStatusException(status, zh + " / " + en);
  }

  private List<RatingView> select(String where, Object... params) {
    List<RatingView> ratings =
        jdbc.sql(
                """
                SELECT r.id, r.run_id, r.institution_uscc, r.name_zh, r.name_en, r.institution_type,
                       r.province, r.period, r.provisional, r.status, r.version, r.supersedes,
                       r.score, r.grade, r.capped, r.limited_data, r.methodology_version,
                       r.data_cutoff, r.computed_at, r.objection_deadline, r.acknowledged_at,
                       r.review_comment, r.published_at, r.factors::text AS factors
                  FROM rating r
                """
                    + where)
            .params(params)
            .query(RatingReview::rating)
            .list();
    if (ratings.isEmpty()) {
      return ratings;
    }
    Map<Long, List<RatingView.Objection>> objections = new LinkedHashMap<>();
    jdbc.sql(
            """
            SELECT rating_id, id, filed_by, filed_at, reason, answer, answered_by, answered_at
              FROM rating_objection WHERE rating_id = ANY(string_to_array(?, ',')::bigint[]) ORDER BY id
            """)
        .param(String.join(",", ratings.stream().map(r -> String.valueOf(r.id())).toList()))
        .query(
            (rs, n) -> {
              objections
                  .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                  .add(
                      new RatingView.Objection(
                          rs.getLong(2),
                          rs.getString(3),
                          rs.getObject(4, OffsetDateTime.class),
                          rs.getString(5),
                          rs.getString(6),
                          rs.getString(7),
                          rs.getObject(8, OffsetDateTime.class)));
              return null;
            })
        .list();
    return ratings.stream()
        .map(r -> withObjections(r, objections.getOrDefault(r.id(), List.of())))
        .toList();
  }

  private static RatingView withObjections(RatingView r, List<RatingView.Objection> objections) {
    return new RatingView(
        r.id(),
        r.runId(),
        r.uscc(),
        r.nameZh(),
        r.nameEn(),
        r.institutionType(),
        r.province(),
        r.period(),
        r.provisional(),
        r.status(),
        r.version(),
        r.supersedes(),
        r.score(),
        r.grade(),
        r.capped(),
        r.limitedData(),
        r.methodologyVersion(),
        r.dataCutoff(),
        r.computedAt(),
        r.objectionDeadline(),
        r.acknowledgedAt(),
        r.reviewComment(),
        r.publishedAt(),
        r.factors(),
        objections);
  }

  private static RatingView rating(ResultSet rs, int row) throws SQLException {
    List<RatingView.Factor> factors =
        JSON.readValue(
            PublishedFactors.inPublishedOrder(rs.getString("factors")),
            new TypeReference<List<RatingView.Factor>>() {});
    return new RatingView(
        rs.getLong("id"),
        rs.getLong("run_id"),
        rs.getString("institution_uscc").trim(),
        rs.getString("name_zh"),
        rs.getString("name_en"),
        rs.getString("institution_type"),
        rs.getString("province"),
        rs.getString("period"),
        rs.getBoolean("provisional"),
        rs.getString("status"),
        (Integer) rs.getObject("version"),
        (Integer) rs.getObject("supersedes"),
        rs.getBigDecimal("score"),
        rs.getString("grade"),
        rs.getBoolean("capped"),
        rs.getBoolean("limited_data"),
        rs.getString("methodology_version"),
        rs.getObject("data_cutoff", OffsetDateTime.class),
        rs.getObject("computed_at", OffsetDateTime.class),
        rs.getObject("objection_deadline", LocalDate.class),
        rs.getObject("acknowledged_at", OffsetDateTime.class),
        rs.getString("review_comment"),
        rs.getObject("published_at", OffsetDateTime.class),
        factors,
        List.of());
  }
}
