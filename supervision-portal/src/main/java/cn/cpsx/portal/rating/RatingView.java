package cn.cpsx.portal.rating;

import cn.cpsx.schemas.ReportingTime;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A rating as the review pages show it, with its factors as published (§10) and objections. */
public record RatingView(
    long id,
    long runId,
    String uscc,
    String nameZh,
    String nameEn,
    String institutionType,
    String province,
    String period,
    boolean provisional,
    String status,
    Integer version,
    Integer supersedes,
    BigDecimal score,
    String grade,
    boolean capped,
    boolean limitedData,
    String methodologyVersion,
    OffsetDateTime dataCutoff,
    OffsetDateTime computedAt,
    LocalDate objectionDeadline,
    OffsetDateTime acknowledgedAt,
    String reviewComment,
    OffsetDateTime publishedAt,
    List<Factor> factors,
    List<Objection> objections) {

  /** One factor: {@code factor, points, maxPoints, figures} exactly as stored and published. */
  public record Factor(
      String factor, BigDecimal points, int maxPoints, Map<String, Object> figures) {}

  public record Objection(
      long id,
      String filedBy,
      OffsetDateTime filedAt,
      String reason,
      String answer,
      String answeredBy,
      OffsetDateTime answeredAt) {
    public Objection {
      filedAt = shanghai(filedAt);
      answeredAt = shanghai(answeredAt);
    }
  }

  public RatingView {
    // times as people at the regulator and the institutions read them: Beijing time
    dataCutoff = shanghai(dataCutoff);
    computedAt = shanghai(computedAt);
    acknowledgedAt = shanghai(acknowledgedAt);
    publishedAt = shanghai(publishedAt);
  }

  static OffsetDateTime shanghai(OffsetDateTime time) {
    return time == null ? null : time.atZoneSameInstant(ReportingTime.ZONE).toOffsetDateTime();
  }

  public boolean isDraft() {
    return "DRAFT".equals(status);
  }

  public boolean hasUnansweredObjection() {
    return objections.stream().anyMatch(o -> o.answer() == null);
  }
}
