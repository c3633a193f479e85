package cn.cpsx.portal.opendata;

import cn.cpsx.portal.Period;
import cn.cpsx.schemas.ReportingTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Complaint figures per institution and period, computed set-based in PostgreSQL from {@code
 * complaint_case} (the current version of every accepted LIVE case; TEST filings and rejected
 * records never reach it). Definitions (§2.1, §10): a case belongs to the period of its {@code
 * received_at} in Asia/Shanghai; closed = RESOLVED or CLOSED_UNRESOLVED; within deadline = {@code
 * resolvedAt ≤ receivedAt + 15 days} (30 when {@code extended}), days of exactly 24 hours; surveyed
 * = a satisfaction other than NOT_SURVEYED; satisfied = SATISFIED or BASICALLY_SATISFIED.
 */
@Component
public class PublicStatistics {

  private static final String CASES_OF_PERIOD =
      """
      WITH c AS (
        SELECT cc.institution_uscc AS uscc, cc.status, cc.received_at, cc.record
          FROM complaint_case cc
         WHERE cc.received_at >= :from AND cc.received_at < :to
      ), totals AS (
        SELECT uscc,
               count(*) AS complaints,
               count(*) FILTER (WHERE status IN ('RESOLVED', 'CLOSED_UNRESOLVED')) AS closed,
               count(*) FILTER (
                 WHERE status IN ('RESOLVED', 'CLOSED_UNRESOLVED')
                   AND (record ->> 'resolvedAt')::timestamptz <= received_at
                       + CASE WHEN record ->> 'extended' = 'true'
                              THEN interval '720 hours' ELSE interval '360 hours' END
               ) AS closed_within_deadline,
               count(*) FILTER (
                 WHERE record ->> 'satisfaction' IS NOT NULL
                   AND record ->> 'satisfaction' <> 'NOT_SURVEYED'
               ) AS surveyed,
               count(*) FILTER (
                 WHERE record ->> 'satisfaction' IN ('SATISFIED', 'BASICALLY_SATISFIED')
               ) AS satisfied
          FROM c GROUP BY uscc
      ), by_category AS (
        SELECT uscc, jsonb_object_agg(k, n) AS o
          FROM (SELECT uscc, record ->> 'businessCategory' AS k, count(*) AS n FROM c GROUP BY 1, 2) x
         GROUP BY uscc
      ), by_reason AS (
        SELECT uscc, jsonb_object_agg(k, n) AS o
          FROM (SELECT uscc, record ->> 'reason' AS k, count(*) AS n FROM c GROUP BY 1, 2) x
         GROUP BY uscc
      ), by_channel AS (
        SELECT uscc, jsonb_object_agg(k, n) AS o
          FROM (SELECT uscc, record ->> 'channel' AS k, count(*) AS n FROM c GROUP BY 1, 2) x
         GROUP BY uscc
      ), by_province AS (
        SELECT uscc, jsonb_object_agg(k, n) AS o
          FROM (SELECT uscc, left(record ->> 'region', 2) || '0000' AS k, count(*) AS n
                  FROM c GROUP BY 1, 2) x
         GROUP BY uscc
      )
      SELECT i.uscc, i.legal_name_zh, i.type,
             coalesce(t.complaints, 0) AS complaints, coalesce(t.closed, 0) AS closed,
             coalesce(t.closed_within_deadline, 0) AS closed_within_deadline,
             coalesce(t.surveyed, 0) AS surveyed, coalesce(t.satisfied, 0) AS satisfied,
             coalesce(bc.o, '{}')::text AS by_category, coalesce(br.o, '{}')::text AS by_reason,
             coalesce(bch.o, '{}')::text AS by_channel, coalesce(bp.o, '{}')::text AS by_province
        FROM institution i
        LEFT JOIN totals t ON t.uscc = i.uscc
        LEFT JOIN by_category bc ON bc.uscc = i.uscc
        LEFT JOIN by_reason br ON br.uscc = i.uscc
        LEFT JOIN by_channel bch ON bch.uscc = i.uscc
        LEFT JOIN by_province bp ON bp.uscc = i.uscc
       WHERE (i.licence_status = 'ACTIVE' OR t.uscc IS NOT NULL)
      """;

  private final JdbcClient jdbc;

  PublicStatistics(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * One item per institution (licensed, or with cases in the period), by USCC.
   *
   * @param type institution type, or null
   * @param uscc one institution, or null
   */
  public List<StatisticsItem> of(Period period, String type, String uscc) {
    StringBuilder sql = new StringBuilder(CASES_OF_PERIOD);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("from", period.from());
    params.put("to", period.to());
    if (type != null) {
      sql.append(" AND i.type = :type");
      params.put("type", type);
    }
    if (uscc != null) {
      sql.append(" AND i.uscc = :uscc");
      params.put("uscc", uscc);
    }
    sql.append(" ORDER BY i.uscc");
    return jdbc.sql(sql.toString())
        .params(params)
        .query(
            (rs, row) ->
                new StatisticsItem(
                    rs.getString("uscc"),
                    rs.getString("legal_name_zh"),
                    rs.getString("type"),
                    period.code(),
                    rs.getLong("complaints"),
                    rs.getLong("closed"),
                    rs.getLong("closed_within_deadline"),
                    rs.getLong("surveyed"),
                    rs.getLong("satisfied"),
                    counts(rs.getString("by_category")),
                    counts(rs.getString("by_reason")),
                    counts(rs.getString("by_channel")),
                    counts(rs.getString("by_province"))))
        .list();
  }

  /** One quarter's count of one business category, for an institution's credit file. */
  public record QuarterCount(String quarter, String businessCategory, long count) {}

  /** The institution's cases per quarter (Asia/Shanghai) and business category, oldest first. */
  public List<QuarterCount> quarterlyByCategory(String uscc) {
    return jdbc.sql(
            """
            SELECT to_char(received_at AT TIME ZONE :zone, 'YYYY-"Q"Q') AS quarter,
                   record ->> 'businessCategory' AS category, count(*) AS n
              FROM complaint_case WHERE institution_uscc = :uscc
             GROUP BY 1, 2 ORDER BY 1, 2
            """)
        .param("uscc", uscc)
        .param("zone", ReportingTime.ZONE_ID)
        .query((rs, row) -> new QuarterCount(rs.getString(1), rs.getString(2), rs.getLong(3)))
        .list();
  }

  /** The registry's entry of an institution, as the public may see it. */
  public record Institution(String uscc, String nameZh, String nameEn, String type, String region) {
    public String name(java.util.Locale locale) {
      return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }
  }

  public java.util.Optional<Institution> institution(String uscc) {
    return jdbc.sql(
            """
            SELECT uscc, legal_name_zh, name_en, type, home_region FROM institution
             WHERE uscc = :uscc
            """)
        .param("uscc", uscc)
        .query(
            (rs, row) ->
                new Institution(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5)))
        .optional();
  }

  private static Map<String, Long> counts(String json) {
    Map<String, Long> counts = new TreeMap<>();
    JsonNode node = JsonMapper.shared().readTree(json);
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      counts.put(e.getKey(), e.getValue().longValue());
    }
    return counts;
  }

  /** Every code of each breakdown, for CSV columns that do not depend on the data. */
  static List<String> breakdownColumns() {
    List<String> columns = new ArrayList<>();
    var lists = cn.cpsx.schemas.CodeLists.standard();
    lists
        .codes(cn.cpsx.schemas.CodeLists.BUSINESS_CATEGORY)
        .keySet()
        .forEach(c -> columns.add("byBusinessCategory." + c));
    lists
        .codes(cn.cpsx.schemas.CodeLists.REASON)
        .keySet()
        .forEach(c -> columns.add("byReason." + c));
    lists
        .codes(cn.cpsx.schemas.CodeLists.CHANNEL)
        .keySet()
        .forEach(c -> columns.add("byChannel." + c));
    lists
        .codes(cn.cpsx.schemas.CodeLists.PROVINCE)
        .keySet()
        .forEach(c -> columns.add("byProvince." + c + "0000"));
    return columns;
  }
}
