package cn.cpsx.batch.indexing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.batch.filing.PipelineWarmUp;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CaseDocumentReadAheadTest {

  private static final ExecutorService BUILDERS = Executors.newFixedThreadPool(2);
  private static final JsonpMapper CLIENT_JSON = new Jackson3JsonpMapper();
  private static final OffsetDateTime FILED =
      OffsetDateTime.of(2026, 11, 2, 9, 0, 0, 0, ZoneOffset.ofHours(8));
  private static final List<StoredCase> CASES = storedCases(25);

  @AfterAll
  static void stopBuilders() {
    BUILDERS.shutdownNow();
  }

  @Test
  void handsOutTheSameDocumentsAsBuildingOneByOneInRecordOrder() throws Exception {
    CaseDocumentReadAhead reader =
        new CaseDocumentReadAhead(new ListCursor(CASES), 4, CLIENT_JSON, BUILDERS);
    reader.open(new ExecutionContext());
    List<IndexableCase> read = new ArrayList<>();
    for (IndexableCase doc = reader.read(); doc != null; doc = reader.read()) {
      read.add(doc);
    }
    reader.close();

    assertThat(read).hasSize(CASES.size());
    CaseDocuments documents = new CaseDocuments();
    for (int i = 0; i < CASES.size(); i++) {
      CaseDocument expected = documents.process(CASES.get(i));
      assertThat(read.get(i).id()).isEqualTo(expected.id());
      assertThat(read.get(i).version()).isEqualTo(expected.version());
      // the very bytes the writer sends, but for the time of indexing
      String sent = new String(read.get(i).source().asInputStream().readAllBytes(), UTF_8);
      assertThat(withoutIndexedAt(sent))
          .isEqualTo(withoutIndexedAt(JsonpUtils.toJsonString(expected.source(), CLIENT_JSON)));
    }
  }

  @Test
  void aRestartResumesAfterTheCasesHandedOutNotAfterThoseReadAhead() throws Exception {
    CaseDocumentReadAhead first =
        new CaseDocumentReadAhead(new ListCursor(CASES), 10, CLIENT_JSON, BUILDERS);
    ExecutionContext context = new ExecutionContext();
    first.open(context);
    for (int i = 0; i < 7; i++) {
      first.read();
    }
    first.update(context); // what a committed chunk of 7 saves
    first.close();

    CaseDocumentReadAhead again =
        new CaseDocumentReadAhead(new ListCursor(CASES), 10, CLIENT_JSON, BUILDERS);
    again.open(context);
    List<String> rest = new ArrayList<>();
    for (IndexableCase doc = again.read(); doc != null; doc = again.read()) {
      rest.add(doc.id());
    }
    again.close();

    assertThat(rest)
        .containsExactlyElementsOf(
            CASES.subList(7, CASES.size()).stream()
                .map(c -> c.institution() + ":" + c.caseNo())
                .toList());
  }

  private static String withoutIndexedAt(String json) {
    return json.replaceFirst("\"indexedAt\":\"[^\"]*\"", "");
  }

  private static List<StoredCase> storedCases(int count) {
    String uscc = "91110000416538280L";
    JsonNode filing =
        JsonMapper.shared()
            .readTree(PipelineWarmUp.madeUpFiling(uscc, "RA-", count, FILED.minusDays(1)));
    List<StoredCase> cases = new ArrayList<>();
    for (JsonNode record : filing.get("cases")) {
      cases.add(
          new StoredCase(
              uscc,
              "华夏国民银行",
              "BANK_LARGE",
              record.get("caseNo").asString(),
              "F-1",
              7,
              FILED,
              record.toString()));
    }
    return cases;
  }

  /** The cursor's counting and restart behaviour over a list, as JdbcCursorItemReader has them. */
  private static final class ListCursor
      extends AbstractItemCountingItemStreamItemReader<StoredCase> {
    private final List<StoredCase> cases;
    private int next;

    ListCursor(List<StoredCase> cases) {
      this.cases = cases;
      setName("storedCaseReader");
    }

    @Override
    protected StoredCase doRead() {
      return next < cases.size() ? cases.get(next++) : null;
    }

    @Override
    protected void doOpen() {
      next = 0;
    }

    @Override
    protected void doClose() {}
  }
}
