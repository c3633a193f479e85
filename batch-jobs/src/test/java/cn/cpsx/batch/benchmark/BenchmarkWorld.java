package cn.cpsx.batch.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The regulator-scale world the rating and report benchmarks share, in a database of its own
 * ({@code cpsx_bench_rating}, reused by later runs of the same size): institutions and a year
 * (2025) of accepted live case versions (one in ten cases filed twice, so the newest-version rule
 * has work to do), self-assessments and enforcement actions, generated in set-based SQL. Sizes come
 * from {@code -Dcpsx.bench.institutions} and {@code -Dcpsx.bench.cases}; the test command runs the
 * small default.
 */
final class BenchmarkWorld {

  static final int INSTITUTIONS = Integer.getInteger("cpsx.bench.institutions", 200);
  static final int CASES = Integer.getInteger("cpsx.bench.cases", 20_000);
  static final String DATABASE = "cpsx_bench_rating";

  private BenchmarkWorld() {}

  /** The JDBC URL of the benchmark database, created when missing. */
  static String databaseUrl() throws SQLException {
    String server =
        "jdbc:postgresql://127.0.0.1:" + System.getenv().getOrDefault("CPSX_PG_PORT", "15432");
    try (Connection c = DriverManager.getConnection(server + "/postgres", "cpsx", "cpsx")) {
      boolean exists =
          c.createStatement()
              .executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")
              .next();
      if (!exists) {
        c.createStatement().execute("CREATE DATABASE " + DATABASE);
      }
    }
    return server + "/" + DATABASE;
  }

  /** Fills the benchmark database in set-based SQL, unless it already holds this size. */
  static boolean generateUnlessPresent(JdbcClient jdbc) {
    long present = jdbc.sql("SELECT count(*) FROM complaint_case").query(Long.class).single();
    long institutions =
        jdbc.sql("SELECT count(*) FROM institution WHERE uscc LIKE 'B%'")
            .query(Long.class)
            .single();
    if (present == CASES && institutions == INSTITUTIONS) {
      return false;
    }
    for (String table :
        new String[] {
          "rating_objection",
          "rating",
          "rating_figures",
          "rating_run",
          "enforcement_action",
          "periodic_report",
          "complaint_case",
          "complaint_case_version",
          "validation_finding",
          "filing_explanation",
          "filing"
        }) {
      jdbc.sql("TRUNCATE " + table + " CASCADE").update();
    }
    jdbc.sql("DELETE FROM institution WHERE uscc LIKE 'B%'").update();
    jdbc.sql(
            """
            INSERT INTO institution (uscc, legal_name_zh, short_name, name_en, type, home_region,
                                     retail_customers, licence_status)
            SELECT 'B' || lpad(i::text, 17, '0'), '基准测试机构' || i, '基准' || i, 'Bench ' || i,
                   (ARRAY['BANK_LARGE','BANK_JOINT_STOCK','BANK_CITY','BANK_RURAL','BANK_FOREIGN',
                          'INSURER_LIFE','INSURER_PROPERTY','CONSUMER_FINANCE','PAYMENT',
                          'ONLINE_PLATFORM'])[1 + i % 10],
                   '440300', 10000 + (hashint(i) % 5000000), 'ACTIVE'
              FROM generate_series(1, ?) i
            """
                .replace("hashint(i)", "abs(hashtext(i::text))"))
        .param(INSTITUTIONS)
        .update();
    // one LIVE, accepted CASES filing per institution, and one later filing re-filing a tenth
    jdbc.sql(
            """
            INSERT INTO filing (filing_id, institution_uscc, filing_type, format, channel, mode, period,
                                received_at, sha256, size_bytes, raw, status, validated_at)
            SELECT 'BENCH-' || v || '-' || uscc, uscc, 'CASES', 'JSON', 'REST', 'LIVE', NULL,
                   timestamptz '2026-01-10 10:00+08' + (v || ' days')::interval,
                   encode(sha256((v || uscc)::bytea), 'hex'), 0, ''::bytea, 'ACCEPTED', now()
              FROM institution, generate_series(1, 2) v WHERE uscc LIKE 'B%'
            """)
        .update();
    jdbc.sql(
            """
            INSERT INTO complaint_case_version (institution_uscc, case_no, filing_id, filing_seq,
                                                record_index, record)
            SELECT c.uscc, c.case_no, f.filing_id, f.seq, c.n,
                   jsonb_build_object(
                     'caseNo', c.case_no,
                     'receivedAt', to_char(c.received AT TIME ZONE 'Asia/Shanghai',
                                           'YYYY-MM-DD"T"HH24:MI:SS"+08:00"'),
                     'channel', (ARRAY['PHONE','ONLINE','BRANCH','LETTER','REGULATOR','MEDIA','OTHER'])[1 + c.n % 7],
                     'businessCategory', 'CREDIT_CARD', 'reason', 'FEES', 'demand', 'REFUND',
                     'region', '440300',
                     'status', CASE WHEN v = 2 OR c.n % 5 <> 0 THEN 'RESOLVED'
                                    WHEN c.n % 17 = 0 THEN 'ESCALATED' ELSE 'IN_PROGRESS' END,
                     'resolvedAt', CASE WHEN v = 2 OR c.n % 5 <> 0 THEN
                                     to_char((c.received + ((c.n % 40) || ' days')::interval)
                                             AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"') END,
                     'outcome', CASE WHEN v = 2 OR c.n % 5 <> 0 THEN 'UPHELD' END,
                     'satisfaction', (ARRAY['SATISFIED','BASICALLY_SATISFIED','DISSATISFIED','NOT_SURVEYED'])[1 + c.n % 4],
                     'extended', c.n % 9 = 0,
                     'narrative', '客户反映信用卡年费未经告知即被扣收，要求退还。')
              FROM (SELECT n, 'B' || lpad((1 + n % ?)::text, 17, '0') AS uscc, 'BC-' || n AS case_no,
                           timestamptz '2025-01-01 00:00+08' + ((n::bigint * 7919) % 31536000 || ' seconds')::interval
                             AS received
                      FROM generate_series(1, ?) n) c
              JOIN generate_series(1, 2) v ON v = 1 OR c.n % 10 = 0
              JOIN filing f ON f.filing_id = 'BENCH-' || v || '-' || c.uscc
            """)
        .params(INSTITUTIONS, CASES)
        .update();
    // complaint_case (current versions) marks the generated size for the next run
    jdbc.sql(
            """
            INSERT INTO complaint_case (institution_uscc, case_no, filing_id, filing_seq, received_at,
                                        status, record)
            SELECT DISTINCT ON (institution_uscc, case_no) institution_uscc, case_no, filing_id,
                   filing_seq, (record->>'receivedAt')::timestamptz, record->>'status', record
              FROM complaint_case_version ORDER BY institution_uscc, case_no, filing_seq DESC
            """)
        .update();
    jdbc.sql(
            """
            INSERT INTO filing (filing_id, institution_uscc, filing_type, format, channel, mode, period,
                                received_at, sha256, size_bytes, raw, status, validated_at)
            SELECT 'BENCH-SA-' || uscc, uscc, 'SELF_ASSESSMENT', 'JSON', 'REST', 'LIVE', '2025',
                   timestamptz '2026-03-01 10:00+08', encode(sha256(('SA' || uscc)::bytea), 'hex'), 0,
                   ''::bytea, 'ACCEPTED', now()
              FROM institution WHERE uscc LIKE 'B%' AND abs(hashtext(uscc)) % 3 <> 0
            """)
        .update();
    jdbc.sql(
            """
            INSERT INTO periodic_report (filing_id, filing_seq, institution_uscc, filing_type, period, document)
            SELECT f.filing_id, f.seq, f.institution_uscc, 'SELF_ASSESSMENT', '2025',
                   jsonb_build_object('retailCustomers', 50000 + abs(hashtext(f.institution_uscc)) % 1000000,
                     'selfScores', (SELECT jsonb_agg(jsonb_build_object('dimension', d, 'score', 60 + abs(hashtext(d || f.institution_uscc)) % 40))
                                      FROM unnest(ARRAY['GOVERNANCE','PRODUCT_REVIEW','DISCLOSURE',
                                                        'COMPLAINT_HANDLING','INFO_PROTECTION','EDUCATION']) d))
              FROM filing f WHERE f.filing_id LIKE 'BENCH-SA-%'
            """)
        .update();
    jdbc.sql(
            """
            INSERT INTO enforcement_action (institution_uscc, decision_no, decision_date, severity, measure,
                   legal_basis, summary_zh, status, created_by, published_at)
            SELECT uscc, 'BENCH-' || uscc, date '2025-06-30',
                   (ARRAY['MINOR','SERIOUS','MAJOR'])[1 + abs(hashtext(uscc)) % 3], 'WARNING',
                   '基准测试', '基准测试处罚', 'PUBLISHED', 'RatingBenchmarkIT', now()
              FROM institution WHERE uscc LIKE 'B%' AND abs(hashtext(uscc)) % 20 = 0
            """)
        .update();
    jdbc.sql("ANALYZE").update();
    return true;
  }
}
