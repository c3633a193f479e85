package cn.cpsx.batch.indexing;

import co.elastic.clients.json.JsonpMapper;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads stored cases ahead of the chunk being written and builds their search documents (parse,
 * mask, segment, serialise) on the builder threads, so that while one chunk's bulk requests are on
 * their way to Elasticsearch the next chunk is already being built: Elasticsearch is not left idle
 * between chunks waiting for documents.
 *
 * <p>Restart-safe like the cursor it wraps: the position saved with each committed chunk is the
 * number of cases handed to the step, not the number read from the cursor, so cases read ahead but
 * not yet written in a committed chunk are read again after a restart. The position is saved under
 * the wrapped reader's own key, so a run interrupted before this reader existed resumes correctly.
 */
public class CaseDocumentReadAhead implements ItemStreamReader<IndexableCase> {

  private static final String READ_COUNT = "read.count";

  private final AbstractItemCountingItemStreamItemReader<StoredCase> cursor;
  private final int ahead;
  private final ExecutorService builders;
  private final JsonpMapper json;
  private final CaseDocuments documents = new CaseDocuments();
  private final Deque<CompletableFuture<IndexableCase>> building = new ArrayDeque<>();
  private boolean exhausted;
  private int handedOut;

  /**
   * @param cursor the stored cases, in a restartable order
   * @param ahead how many cases to build ahead of the one handed out (about one chunk)
   * @param json the Elasticsearch client's JSON mapper, which serialises the documents
   */
  public CaseDocumentReadAhead(
      AbstractItemCountingItemStreamItemReader<StoredCase> cursor, int ahead, JsonpMapper json) {
    this(cursor, ahead, json, CaseIndexWriter.BUILDERS);
  }

  CaseDocumentReadAhead(
      AbstractItemCountingItemStreamItemReader<StoredCase> cursor,
      int ahead,
      JsonpMapper json,
      ExecutorService builders) {
    this.cursor = cursor;
    this.ahead = ahead;
    this.json = json;
    this.builders = builders;
  }

  @Override
  public void open(ExecutionContext context) throws ItemStreamException {
    cursor.open(context);
    handedOut = context.getInt(cursor.getExecutionContextKey(READ_COUNT), 0);
    exhausted = false;
  }

  @Override
  public IndexableCase read() throws Exception {
    fill();
    CompletableFuture<IndexableCase> next = building.poll();
    if (next == null) {
      return null;
    }
    handedOut++;
    try {
      return next.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  private void fill() throws Exception {
    while (!exhausted && building.size() <= ahead) {
      StoredCase stored = cursor.read();
      if (stored == null) {
        exhausted = true;
      } else {
        building.add(
            CompletableFuture.supplyAsync(
                () -> IndexableCase.of(documents.process(stored), json), builders));
      }
    }
  }

  @Override
  public void update(ExecutionContext context) throws ItemStreamException {
    cursor.update(context);
    // The cursor has read further than the step has taken: resume where the step is.
    context.putInt(cursor.getExecutionContextKey(READ_COUNT), handedOut);
  }

  @Override
  public void close() throws ItemStreamException {
    building.forEach(future -> future.cancel(false));
    building.clear();
    cursor.close();
  }
}
