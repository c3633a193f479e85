package cn.cpsx.batch.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.batch.audit.AuditChain.Problem;
import cn.cpsx.batch.audit.AuditChain.Verdict;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit chain against the real PostgreSQL: every committed entry is sealed, also under many
 * concurrent writers; and each way of tampering with the table directly in SQL (a field changed, a
 * row deleted, rows forged, the chain rewritten, its end cut off) is caught at the right entry.
 * Tampering happens in a transaction that is rolled back after the walk, so the shared test
 * database keeps an intact chain; only the job test commits a change, and undoes it.
 */
@SpringBootTest
@ActiveProfiles("it")
class AuditChainIT {

  @Autowired JdbcClient jdbc;
  @Autowired AuditChain chain;
  @Autowired AuditChainJobs jobs;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired DataSource dataSource;

  final String actor = "AuditChainIT-" + UUID.randomUUID();

  @Test
  void javaRecomputesExactlyWhatPostgresqlSealed() {
    List<Long> ids =
        List.of(
            write(
                "REVEAL_PERSONAL_DATA",
                "91110000770914530P:C-1",
                "{\"reason\": \"复核 \\\"引号\\\"\"}"),
            write("EXPORT_CASES", null, "{\"rows\": 12, \"query\": \"q=a&b=c\", \"x\": 1.50}"),
            write(
                "ODD",
                "tab\there\\ \u0001 \u007f",
                "{\"nested\": {\"list\": [1, null, true, \"\\n\\u0007\"]}, \"a\": \"é\"}"));

    for (long id : ids) {
      var e =
          jdbc.sql(AuditChain.ENTRY + "WHERE id = ?")
              .param(id)
              .query(AuditChain.Entry.class)
              .single();
      assertThat(
              AuditEntryHash.of(
                  e.prevHash(),
                  e.seq(),
                  e.id(),
                  e.at(),
                  e.actor(),
                  e.action(),
                  e.subject(),
                  e.detail()))
          .as("entry %d", id)
          .isEqualTo(e.entryHash());
    }
    assertThat(chain.verify().verified()).isTrue();
  }

  @Test
  void manyConcurrentWritersKeepOneValidChain() throws Exception {
    long before = headSeq();
    AtomicInteger committed = new AtomicInteger();
    ExecutorService writers = Executors.newFixedThreadPool(12);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < 12; w++) {
      int writer = w;
      done.add(
          writers.submit(
              () -> {
                TransactionTemplate tx = new TransactionTemplate(transactionManager);
                for (int i = 0; i < 25; i++) {
                  int n = i;
                  tx.executeWithoutResult(
                      status -> {
                        int rows = 1 + n % 2; // some transactions write two entries
                        for (int r = 0; r < rows; r++) {
                          write("CONCURRENT", writer + "/" + n, "{\"r\": " + r + "}");
                        }
                        if (n % 5 == 4) {
                          status.setRollbackOnly(); // a rolled-back entry leaves no trace
                        } else {
                          committed.addAndGet(rows);
                        }
                      });
                }
              }));
    }
    for (Future<?> f : done) {
      f.get(5, TimeUnit.MINUTES);
    }
    writers.shutdown();

    assertThat(committed.get()).isEqualTo(12 * 30); // 25 tx, 5 rolled back (3 of them 2 rows)
    assertThat(count("WHERE actor = ?")).isEqualTo(committed.get());
    assertThat(count("WHERE actor = ? AND seq IS NULL")).isZero();
    // nobody else writes to this test database meanwhile: the head moved by exactly our entries
    assertThat(headSeq() - before).isEqualTo(committed.get());
    Verdict verdict = chain.verify();
    assertThat(verdict.verified()).as(verdict.toString()).isTrue();
    assertThat(verdict.headSeq()).isEqualTo(headSeq());
  }

  @Test
  void aChangedFieldIsCaughtAtThatEntry() {
    write("A", null, "{}");
    long changed = write("REVEAL_PERSONAL_DATA", "X:1", "{\"reason\": \"honest\"}");
    write("C", null, "{}");

    Verdict verdict =
        tampered(
            sql ->
                sql.sql("UPDATE audit_log SET detail = '{\"reason\": \"forged\"}' WHERE id = ?")
                    .param(changed)
                    .update());

    assertThat(verdict.problem()).isEqualTo(Problem.CONTENT_CHANGED);
    assertThat(verdict.brokenEntryId()).isEqualTo(changed);
    assertThat(verdict.brokenSeq()).isEqualTo(seq(changed));
    assertThat(verdict.entries()).as("every entry before it verified").isEqualTo(seq(changed) - 1);
    assertThat(verdict.expected()).isEqualTo(hash(changed)); // the seal, not the forged content
  }

  @Test
  void aDeletedRowIsCaughtAtTheEntryAfterIt() {
    long deleted = write("A", null, "{}");
    long next = write("B", null, "{}");
    write("C", null, "{}");

    Verdict verdict =
        tampered(sql -> sql.sql("DELETE FROM audit_log WHERE id = ?").param(deleted).update());

    assertThat(verdict.problem()).isEqualTo(Problem.ENTRIES_MISSING);
    assertThat(verdict.brokenEntryId()).isEqualTo(next);
    assertThat(verdict.expected()).isEqualTo("seq " + seq(deleted));
  }

  @Test
  void aForgedRowSlippedIntoTheMiddleIsCaughtAtTheEntryAfterIt() {
    long before = write("A", null, "{}");
    long after = write("B", null, "{}");
    long[] forged = new long[1];

    Verdict verdict =
        tampered(
            sql -> {
              // the forger makes room after `before`, seals the forged entry perfectly (the
              // format is public) and moves the head along
              long s = seq(before);
              forged[0] = sql.sql("SELECT nextval('audit_log_id_seq')").query(Long.class).single();
              sql.sql("UPDATE audit_log SET seq = -seq WHERE seq > ?").param(s).update();
              sql.sql("UPDATE audit_log SET seq = 1 - seq WHERE seq < 0").update();
              sql.sql("UPDATE audit_chain_head SET seq = seq + 1").update();
              return sql.sql(
                      """
                      INSERT INTO audit_log (id, at, actor, action, subject, detail, seq, prev_hash,
                                             entry_hash)
                      SELECT :id, at, 'supervisor', 'REVEAL_PERSONAL_DATA', 'X:2', '{}', :seq,
                             entry_hash, audit_entry_hash(entry_hash, :seq, :id, at, 'supervisor',
                                                          'REVEAL_PERSONAL_DATA', 'X:2', '{}')
                        FROM audit_log WHERE id = :before
                      """)
                  .param("id", forged[0])
                  .param("seq", s + 1)
                  .param("before", before)
                  .update();
            });

    // the forged entry itself is consistent; the honest entry after it was chained to `before`
    assertThat(verdict.problem()).isEqualTo(Problem.LINK_BROKEN);
    assertThat(verdict.brokenEntryId()).isEqualTo(after);
    assertThat(verdict.found()).isEqualTo(hash(before));
    assertThat(verdict.entries()).isEqualTo(seq(before) + 1); // up to the forged one
  }

  @Test
  void aForgedRowAppendedPastTheHeadIsCaughtAtIt() {
    write("A", null, "{}");

    long[] forged = new long[1];
    Verdict verdict =
        tampered(
            sql -> {
              forged[0] =
                  sql.sql(
                          """
                          INSERT INTO audit_log (actor, action, subject, detail, seq, prev_hash)
                          SELECT 'supervisor', 'EXPORT_CASES', NULL, '{}', seq + 1, entry_hash
                            FROM audit_chain_head RETURNING id
                          """)
                      .query(Long.class)
                      .single();
              // a perfect seal, but the head was left where it was
              return sql.sql(
                      """
                      UPDATE audit_log SET entry_hash =
                             audit_entry_hash(prev_hash, seq, id, at, actor, action, subject, detail)
                       WHERE id = ?
                      """)
                  .param(forged[0])
                  .update();
            });

    assertThat(verdict.problem()).isEqualTo(Problem.BEYOND_HEAD);
    assertThat(verdict.brokenEntryId()).isEqualTo(forged[0]);
  }

  @Test
  void aRowInsertedWithTheSealSwitchedOffIsCaughtAsUnsealed() {
    long[] forged = new long[1];
    Verdict verdict =
        tampered(
            sql -> {
              forged[0] =
                  sql.sql(
                          "INSERT INTO audit_log (actor, action) VALUES ('x', 'FORGED') RETURNING id")
                      .query(Long.class)
                      .single();
              return 1;
            });

    assertThat(verdict.problem()).isEqualTo(Problem.UNSEALED);
    assertThat(verdict.brokenEntryId()).isEqualTo(forged[0]);
  }

  @Test
  void aChainRewrittenAfterAVerificationIsCaughtAtThatVerificationsHead() {
    long anchored = write("REVEAL_PERSONAL_DATA", "X:3", "{\"reason\": \"honest\"}");

    Verdict verdict =
        tampered(
            sql -> {
              // an earlier verification ended here
              sql.sql(
                      """
                      INSERT INTO audit_chain_verification (requested_by, finished_at, verified,
                                                            entries, head_seq, head_hash)
                      SELECT 'earlier', now(), true, seq, seq, entry_hash FROM audit_log WHERE id = ?
                      """)
                  .param(anchored)
                  .update();
              // then someone changes the entry and reseals everything from it to the head
              sql.sql("UPDATE audit_log SET detail = '{\"reason\": \"forged\"}' WHERE id = ?")
                  .param(anchored)
                  .update();
              return sql.sql(
                      """
                      DO $$ DECLARE e audit_log; prev TEXT; h TEXT; BEGIN
                        SELECT prev_hash INTO prev FROM audit_log WHERE seq = %d;
                        FOR e IN SELECT * FROM audit_log WHERE seq >= %d ORDER BY seq LOOP
                          h := audit_entry_hash(prev, e.seq, e.id, e.at, e.actor, e.action,
                                                e.subject, e.detail);
                          UPDATE audit_log SET prev_hash = prev, entry_hash = h WHERE id = e.id;
                          prev := h;
                        END LOOP;
                        UPDATE audit_chain_head SET entry_hash = prev;
                      END $$
                      """
                          .formatted(seq(anchored), seq(anchored)))
                  .update();
            });

    assertThat(verdict.problem()).isEqualTo(Problem.ANCHOR_MISMATCH);
    assertThat(verdict.brokenEntryId()).isEqualTo(anchored);
    assertThat(verdict.expected()).isEqualTo(hash(anchored));
  }

  @Test
  void entriesCutOffTheEndAreCaughtAgainstTheHead() {
    long kept = write("A", null, "{}");
    long cut = write("B", null, "{}");

    Verdict verdict =
        tampered(sql -> sql.sql("DELETE FROM audit_log WHERE id = ?").param(cut).update());

    assertThat(verdict.problem()).isEqualTo(Problem.TAIL_MISSING);
    assertThat(verdict.brokenEntryId()).isEqualTo(kept);
    assertThat(verdict.expected()).isEqualTo("seq " + seq(cut));
  }

  @Test
  void theJobRecordsEachOutcomeAndNamesTheBrokenEntry() {
    long entry = write("REVEAL_PERSONAL_DATA", "X:4", "{\"reason\": \"honest\"}");
    long first = jobs.request("AuditChainIT");
    JobExecution ok = jobs.verify(first);
    assertThat(ok.getExitStatus().getExitCode()).isEqualTo("COMPLETED");
    assertThat(
            jdbc.sql(
                    """
                    SELECT verified AND head_seq = (SELECT seq FROM audit_chain_head)
                           AND head_hash = (SELECT entry_hash FROM audit_chain_head)
                      FROM audit_chain_verification WHERE id = ?
                    """)
                .param(first)
                .query(Boolean.class)
                .single())
        .isTrue();
    assertThat(jobs.verify(first)).as("a finished verification is not run again").isNull();

    // committed this time, so the job (its own transaction) sees it; undone below
    tamperCommitted("UPDATE audit_log SET detail = '{\"reason\": \"forged\"}' WHERE id = " + entry);
    try {
      long second = jobs.request("AuditChainIT");
      JobExecution broken = jobs.verify(second);
      assertThat(broken.getExitStatus().getExitCode()).isEqualTo("BROKEN");
      var row =
          jdbc.sql(
                  """
                  SELECT verified, broken_entry_id, broken_seq, problem, finished_at IS NOT NULL AS done
                    FROM audit_chain_verification WHERE id = ?
                  """)
              .param(second)
              .query()
              .singleRow();
      assertThat(row)
          .containsEntry("verified", false)
          .containsEntry("broken_entry_id", entry)
          .containsEntry("broken_seq", seq(entry))
          .containsEntry("problem", "CONTENT_CHANGED")
          .containsEntry("done", true);
    } finally {
      tamperCommitted(
          "UPDATE audit_log SET detail = '{\"reason\": \"honest\"}' WHERE id = " + entry);
    }
    long third = jobs.request("AuditChainIT");
    jobs.verify(third);
    assertThat(
            jdbc.sql("SELECT verified FROM audit_chain_verification WHERE id = ?")
                .param(third)
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  @Test
  void theScriptVerifiesADumpWithoutOurCodeAndNamesATamperedEntry() throws Exception {
    long entry = write("REVEAL_PERSONAL_DATA", "X:5", "{\"reason\": \"引号 \\\" 和\\t制表\"}");
    Path dir = Files.createTempDirectory("audit-dump");

    Path csv = dir.resolve("audit.csv");
    Files.writeString(
        csv,
        inTransaction(
            false,
            sql ->
                copy(
                    "COPY (SELECT * FROM audit_log ORDER BY seq) TO STDOUT WITH (FORMAT csv, HEADER)")));
    Run good = script(csv);
    assertThat(good.exit()).as(good.output()).isZero();
    assertThat(good.output()).contains("VERIFIED", "head seq " + headSeq());

    Path dump = dir.resolve("audit.sql");
    Files.writeString(
        dump,
        inTransaction(
            true,
            sql -> {
              sql.sql("UPDATE audit_log SET actor = 'someone else' WHERE id = ?")
                  .param(entry)
                  .update();
              // what pg_dump --format=plain writes for the two tables
              return "COPY public.audit_log (id, at, actor, action, subject, detail, seq, prev_hash, entry_hash) FROM stdin;\n"
                  + copy(
                      "COPY audit_log (id, at, actor, action, subject, detail, seq, prev_hash, entry_hash) TO STDOUT")
                  + "\\.\n\nCOPY public.audit_chain_head (singleton, seq, entry_hash) FROM stdin;\n"
                  + copy("COPY audit_chain_head TO STDOUT")
                  + "\\.\n";
            }));
    Run bad = script(dump);
    assertThat(bad.exit()).as(bad.output()).isEqualTo(1);
    assertThat(bad.output()).contains("BROKEN at entry id " + entry + " ", "CONTENT_CHANGED");
  }

  // --- helpers ---------------------------------------------------------------------------------

  private long write(String action, String subject, String detail) {
    return jdbc.sql(
            "INSERT INTO audit_log (actor, action, subject, detail) VALUES (?, ?, ?, ?::jsonb) RETURNING id")
        .params(actor, action, subject, detail)
        .query(Long.class)
        .single();
  }

  /** Tampers as an owner would (triggers off), walks the chain, and rolls everything back. */
  private Verdict tampered(Function<JdbcClient, Integer> tamper) {
    return inTransaction(
        true,
        sql -> {
          tamper.apply(sql);
          return chain.verify();
        });
  }

  private <T> T inTransaction(boolean triggersOff, Function<JdbcClient, T> work) {
    TransactionTemplate tx = new TransactionTemplate(transactionManager);
    tx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    return tx.execute(
        status -> {
          if (triggersOff) {
            jdbc.sql("SET LOCAL session_replication_role = replica").update();
          }
          T result = work.apply(jdbc);
          status.setRollbackOnly();
          return result;
        });
  }

  private void tamperCommitted(String statement) {
    new TransactionTemplate(transactionManager)
        .executeWithoutResult(
            status -> {
              jdbc.sql("SET LOCAL session_replication_role = replica").update();
              jdbc.sql(statement).update();
            });
  }

  /** COPY … TO STDOUT on the transaction's own connection, so it sees the tampering. */
  private String copy(String statement) {
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      StringWriter out = new StringWriter();
      connection.unwrap(PGConnection.class).getCopyAPI().copyOut(statement, out);
      return out.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  record Run(int exit, String output) {}

  private static Run script(Path dump) throws Exception {
    Path script = Path.of("..", "scripts", "audit", "verify_audit_chain.py");
    assertThat(script).exists();
    Process process =
        new ProcessBuilder("python3", script.toString(), dump.toString())
            .redirectErrorStream(true)
            .start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  private long count(String where) {
    return jdbc.sql("SELECT count(*) FROM audit_log " + where)
        .param(actor)
        .query(Long.class)
        .single();
  }

  private long headSeq() {
    return jdbc.sql("SELECT seq FROM audit_chain_head").query(Long.class).single();
  }

  private long seq(long id) {
    return jdbc.sql("SELECT seq FROM audit_log WHERE id = ?").param(id).query(Long.class).single();
  }

  private String hash(long id) {
    return jdbc.sql("SELECT entry_hash FROM audit_log WHERE id = ?")
        .param(id)
        .query(String.class)
        .single();
  }
}
