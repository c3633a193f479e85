package cn.cpsx.portal.enforcement;

import cn.cpsx.portal.audit.AuditLog;
import cn.cpsx.schemas.ReportingTime;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Entering, correcting and publishing enforcement actions (§11), each step audited. */
@Component
public class EnforcementActions {

  public static final String ENTER_ENFORCEMENT_ACTION = "ENTER_ENFORCEMENT_ACTION";
  public static final String PUBLISH_ENFORCEMENT_ACTION = "PUBLISH_ENFORCEMENT_ACTION";

  static final Set<String> SEVERITIES = Set.of("MINOR", "SERIOUS", "MAJOR");
  static final Set<String> MEASURES =
      Set.of("WARNING", "FINE", "CONFISCATION", "SUSPENSION", "LICENCE_REVOKED", "OTHER");

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Clock clock;

  EnforcementActions(JdbcClient jdbc, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /** What a supervisor types in; {@code corrects} is the id of the action this one corrects. */
  public record Entry(
      String uscc,
      String decisionNo,
      LocalDate decisionDate,
      String severity,
      String measure,
      BigDecimal fineCny,
      String legalBasis,
      String summaryZh,
      String summaryEn,
      Long corrects) {}

  public record Action(
      long id,
      String institutionUscc,
      String institutionName,
      String decisionNo,
      LocalDate decisionDate,
      String severity,
      String measure,
      BigDecimal fineCny,
      String legalBasis,
      String summaryZh,
      String summaryEn,
      Long corrects,
      Long correctedBy,
      String status,
      String createdBy,
      OffsetDateTime publishedAt) {}

  /** Field → problem (zh / en), empty when the entry may be saved. */
  public Map<String, String> problems(Entry e) {
    Map<String, String> problems = new LinkedHashMap<>();
    String uscc = e.uscc() == null ? "" : e.uscc().strip();
    boolean known =
        jdbc.sql("SELECT count(*) FROM institution WHERE uscc = ?")
                .param(uscc)
                .query(Long.class)
                .single()
            > 0;
    if (!known) {
      problems.put("uscc", "登记簿中没有该统一社会信用代码 / no institution with this USCC in the registry");
    }
    if (blank(e.decisionNo())) {
      problems.put("decisionNo", "请填写文号 / the decision number is required");
    } else if (jdbc.sql("SELECT count(*) FROM enforcement_action WHERE decision_no = ?")
            .param(e.decisionNo().strip())
            .query(Long.class)
            .single()
        > 0) {
      problems.put("decisionNo", "该文号已录入 / this decision number is already entered");
    }
    if (e.decisionDate() == null) {
      problems.put("decisionDate", "请填写决定日期 / the decision date is required");
    } else if (e.decisionDate().isAfter(LocalDate.now(clock.withZone(ReportingTime.ZONE)))) {
      problems.put("decisionDate", "决定日期不能晚于今天 / the decision date is in the future");
    }
    if (!SEVERITIES.contains(e.severity())) {
      problems.put("severity", "请选择严重程度 / choose a severity");
    }
    if (!MEASURES.contains(e.measure())) {
      problems.put("measure", "请选择处罚措施 / choose a measure");
    }
    if (e.fineCny() != null && (e.fineCny().signum() < 0 || e.fineCny().scale() > 2)) {
      problems.put("fineCny", "罚款金额应为非负数，最多两位小数 / the fine is ≥ 0 with at most 2 decimals");
    }
    if (blank(e.legalBasis())) {
      problems.put("legalBasis", "请填写法律依据 / the legal basis is required");
    }
    if (blank(e.summaryZh())) {
      problems.put("summaryZh", "请填写中文摘要 / the Chinese summary is required");
    }
    if (e.corrects() != null) {
      String corrected =
          jdbc.sql(
                  """
                  SELECT status FROM enforcement_action a
                   WHERE id = ? AND institution_uscc = ?
                     AND NOT EXISTS (SELECT 1 FROM enforcement_action c WHERE c.corrects = a.id)
                  """)
              .params(e.corrects(), uscc)
              .query(String.class)
              .optional()
              .orElse(null);
      if (!"PUBLISHED".equals(corrected)) {
        problems.put(
            "corrects",
            "只能更正本机构一项尚未更正的已发布处罚 / only a published action of the same institution, not yet corrected, can be corrected");
      }
    }
    return problems;
  }

  /** Saves a DRAFT action; call {@link #problems} first. */
  @Transactional
  public long enter(Entry e, String actor) {
    long id =
        jdbc.sql(
                """
                INSERT INTO enforcement_action (institution_uscc, decision_no, decision_date, severity,
                       measure, fine_cny, legal_basis, summary_zh, summary_en, corrects, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """)
            .params(
                e.uscc().strip(),
                e.decisionNo().strip(),
                e.decisionDate(),
                e.severity(),
                e.measure(),
                e.fineCny(),
                e.legalBasis().strip(),
                e.summaryZh().strip(),
                blank(e.summaryEn()) ? null : e.summaryEn().strip(),
                e.corrects(),
                actor)
            .query(Long.class)
            .single();
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("uscc", e.uscc().strip());
    detail.put("decisionNo", e.decisionNo().strip());
    detail.put("severity", e.severity());
    detail.put("corrects", e.corrects());
    audit.record(actor, ENTER_ENFORCEMENT_ACTION, String.valueOf(id), detail);
    return id;
  }

  /** Publishes a draft action; false when there is no such draft (published ones are immutable). */
  @Transactional
  public boolean publish(long id, String actor) {
    int changed =
        jdbc.sql(
                """
                UPDATE enforcement_action SET status = 'PUBLISHED', published_at = now(), published_by = ?
                 WHERE id = ? AND status = 'DRAFT'
                """)
            .params(actor, id)
            .update();
    if (changed == 1) {
      audit.record(actor, PUBLISH_ENFORCEMENT_ACTION, String.valueOf(id), Map.of());
    }
    return changed == 1;
  }

  /** Every action, drafts included, newest decision first (regulator only). */
  public List<Action> all(int limit) {
    return jdbc.sql(
            """
            SELECT a.id, a.institution_uscc, i.short_name AS institution_name, a.decision_no,
                   a.decision_date, a.severity, a.measure, a.fine_cny, a.legal_basis, a.summary_zh,
                   a.summary_en, a.corrects,
                   (SELECT c.id FROM enforcement_action c WHERE c.corrects = a.id) AS corrected_by,
                   a.status, a.created_by, a.published_at
              FROM enforcement_action a JOIN institution i ON i.uscc = a.institution_uscc
             ORDER BY a.decision_date DESC, a.id DESC LIMIT ?
            """)
        .param(limit)
        .query(Action.class)
        .list();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
