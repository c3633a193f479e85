package cn.cpsx.batch.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes a chunk of search documents already built ({@link CaseDocumentReadAhead}) in bulk requests
 * of {@link #BULK} with external versions, as {@link CaseIndexWriter} does. The requests of a chunk
 * are sent at the same time: Elasticsearch indexes each on its own write thread, so the shard is
 * fed by more than one core. A chunk returns only once every request is acknowledged, so a
 * committed chunk is in the index; its documents have distinct ids (one filing's cases), so the
 * order in which its requests land does not matter.
 */
public class BuiltCaseWriter implements ItemWriter<IndexableCase> {

  /** Documents per bulk request, as in the plain {@code _bulk} loop the benchmark compares with. */
  static final int BULK = 500;

  private static final ExecutorService SENDERS =
      Executors.newCachedThreadPool(
          Thread.ofPlatform().name("case-bulk-sender-", 0).daemon().factory());

  private final ElasticsearchClient client;
  private final CaseIndexSetup setup;
  private final String alias;

  public BuiltCaseWriter(ElasticsearchClient client, CaseIndexSetup setup, String alias) {
    this.client = client;
    this.setup = setup;
    this.alias = alias;
  }

  @Override
  public void write(Chunk<? extends IndexableCase> chunk) throws IOException {
    setup.ensureIndex();
    List<? extends IndexableCase> docs = chunk.getItems();
    List<CompletableFuture<Void>> others = new ArrayList<>();
    for (int from = BULK; from < docs.size(); from += BULK) {
      List<IndexableCase> bulk =
          List.copyOf(docs.subList(from, Math.min(from + BULK, docs.size())));
      others.add(CompletableFuture.runAsync(() -> sendUnchecked(bulk), SENDERS));
    }
    try {
      CaseIndexWriter.send(
          client, alias, List.copyOf(docs.subList(0, Math.min(BULK, docs.size()))));
      for (CompletableFuture<Void> other : others) {
        other.join();
      }
    } catch (CompletionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
    } finally {
      // On failure the chunk rolls back and is written again; a request still on its way then
      // lands or conflicts harmlessly (external versions).
      others.forEach(other -> other.cancel(false));
    }
  }

  private void sendUnchecked(List<IndexableCase> bulk) {
    try {
      CaseIndexWriter.send(client, alias, bulk);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
