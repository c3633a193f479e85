package cn.cpsx.portal.report;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Typical cases (典型案例) and consumer alerts (消费警示): written by a supervisor, public once published.
 * A typical case may name the case it was drawn from; only the supervisor's own, masker-checked
 * words are stored and shown, never anything of the case's record.
 */
@Component
public class TypicalCases {

  public record TypicalCase(
      long id,
      String period,
      String businessCategory,
      String titleZh,
      String titleEn,
      String accountZh,
      String accountEn,
      String institutionUscc,
      String caseNo,
      String status,
      OffsetDateTime publishedAt) {}

  public record Alert(
      long id,
      String period,
      String topicZh,
      String topicEn,
      String textZh,
      String textEn,
      String categories,
      String status,
      OffsetDateTime publishedAt) {}

  /** A category whose complaints rose most against the previous period. */
  public record Rise(String category, long now, long before) {}

  private final JdbcClient jdbc;

  TypicalCases(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<TypicalCase> cases(boolean publishedOnly) {
    return jdbc.sql(
            """
            SELECT id, period, business_category, title_zh, title_en, account_zh, account_en,
                   institution_uscc, case_no, status, published_at
              FROM typical_case
            """
                + (publishedOnly ? " WHERE status = 'PUBLISHED'" : "")
                + " ORDER BY period DESC, id DESC")
        .query(TypicalCase.class)
        .list();
  }

  public List<Alert> alerts(boolean publishedOnly) {
    return jdbc.sql(
            """
            SELECT id, period, topic_zh, topic_en, text_zh, text_en,
                   array_to_string(categories, ',') AS categories, status, published_at
              FROM consumer_alert
            """
                + (publishedOnly ? " WHERE status = 'PUBLISHED'" : "")
                + " ORDER BY period DESC, id DESC")
        .query(Alert.class)
        .list();
  }

  public boolean caseExists(String uscc, String caseNo) {
    return jdbc.sql(
                "SELECT count(*) FROM complaint_case WHERE institution_uscc = ? AND case_no = ?")
            .params(uscc, caseNo)
            .query(Long.class)
            .single()
        > 0;
  }

  public long addCase(
      String period,
      String category,
      String titleZh,
      String titleEn,
      String accountZh,
      String accountEn,
      String uscc,
      String caseNo,
      String user) {
    return jdbc.sql(
            """
            INSERT INTO typical_case (period, business_category, title_zh, title_en, account_zh,
                                      account_en, institution_uscc, case_no, created_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """)
        .params(period, category, titleZh, titleEn, accountZh, accountEn, uscc, caseNo, user)
        .query(Long.class)
        .single();
  }

  public long addAlert(
      String period,
      String topicZh,
      String topicEn,
      String textZh,
      String textEn,
      List<String> categories,
      String user) {
    return jdbc.sql(
            """
            INSERT INTO consumer_alert (period, topic_zh, topic_en, text_zh, text_en, categories,
                                        created_by)
            VALUES (?, ?, ?, ?, ?, string_to_array(?, ','), ?) RETURNING id
            """)
        .params(period, topicZh, topicEn, textZh, textEn, String.join(",", categories), user)
        .query(Long.class)
        .single();
  }

  public boolean publishCase(long id, String user) {
    return publish("typical_case", id, user);
  }

  public boolean publishAlert(long id, String user) {
    return publish("consumer_alert", id, user);
  }

  private boolean publish(String table, long id, String user) {
    return jdbc.sql(
                "UPDATE "
                    + table
                    + " SET status = 'PUBLISHED', published_by = ?, published_at = now()"
                    + " WHERE id = ? AND status = 'DRAFT'")
            .params(user, id)
            .update()
        == 1;
  }

  /**
   * The business categories whose accepted live complaints rose most from the previous period to
   * this one (quarter on quarter, or year on year), largest rise first.
   */
  public List<Rise> rising(cn.cpsx.portal.Period period, cn.cpsx.portal.Period previous) {
    return jdbc.sql(
            """
            SELECT record ->> 'businessCategory' AS category,
                   count(*) FILTER (WHERE received_at >= :from AND received_at < :to) AS now,
                   count(*) FILTER (WHERE received_at >= :pfrom AND received_at < :pto) AS before
              FROM complaint_case
             WHERE received_at >= :pfrom AND received_at < :to
             GROUP BY 1
            HAVING count(*) FILTER (WHERE received_at >= :from AND received_at < :to)
                 > count(*) FILTER (WHERE received_at >= :pfrom AND received_at < :pto)
             ORDER BY count(*) FILTER (WHERE received_at >= :from AND received_at < :to)
                    - count(*) FILTER (WHERE received_at >= :pfrom AND received_at < :pto) DESC, 1
             LIMIT 5
            """)
        .param("from", period.from())
        .param("to", period.to())
        .param("pfrom", previous.from())
        .param("pto", previous.to())
        .query(Rise.class)
        .list();
  }
}
