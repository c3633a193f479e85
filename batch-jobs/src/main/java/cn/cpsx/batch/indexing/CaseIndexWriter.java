package cn.cpsx.batch.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Builds the search documents of a chunk of stored cases and writes them to Elasticsearch. Building
 * (parse, mask, segment, serialise) is CPU work spread over all cores, one slice of the chunk per
 * task, while the slices already built are being sent, one bulk request each: sending overlaps
 * building. A chunk returns only once every slice is acknowledged, so a committed chunk is always
 * in the index and a restart after a crash resumes at the right place.
 *
 * <p>External versions make reruns idempotent and let an older version arriving late lose (a
 * version conflict is not an error).
 */
public class CaseIndexWriter implements ItemWriter<StoredCase> {

  /** Cases per bulk request: small enough that the first is sent while the others are built. */
  static final int SLICE = 250;

  static final ExecutorService BUILDERS =
      Executors.newFixedThreadPool(
          Runtime.getRuntime().availableProcessors(),
          Thread.ofPlatform().name("case-document-builder-", 0).daemon().factory());

  private final ElasticsearchClient client;
  private final CaseIndexSetup setup;
  private final String alias;
  private final CaseDocuments documents = new CaseDocuments();

  public CaseIndexWriter(ElasticsearchClient client, CaseIndexSetup setup, String alias) {
    this.client = client;
    this.setup = setup;
    this.alias = alias;
  }

  @Override
  public void write(Chunk<? extends StoredCase> chunk) throws IOException {
    setup.ensureIndex();
    List<? extends StoredCase> cases = chunk.getItems();
    List<CompletableFuture<List<IndexableCase>>> slices = new ArrayList<>();
    for (int from = 0; from < cases.size(); from += SLICE) {
      List<? extends StoredCase> slice = cases.subList(from, Math.min(from + SLICE, cases.size()));
      slices.add(CompletableFuture.supplyAsync(() -> build(slice), BUILDERS));
    }
    try {
      for (CompletableFuture<List<IndexableCase>> slice : slices) {
        send(client, alias, join(slice));
      }
    } finally {
      slices.forEach(slice -> slice.cancel(false));
    }
  }

  private List<IndexableCase> build(List<? extends StoredCase> slice) {
    List<IndexableCase> built = new ArrayList<>(slice.size());
    for (StoredCase stored : slice) {
      built.add(IndexableCase.of(documents.process(stored), client._jsonpMapper()));
    }
    return built;
  }

  private static List<IndexableCase> join(CompletableFuture<List<IndexableCase>> slice) {
    try {
      return slice.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /**
   * One bulk request with external versions; version conflicts (an older or the same version sent
   * again) are not errors, anything else is.
   */
  static void send(ElasticsearchClient client, String alias, List<IndexableCase> docs)
      throws IOException {
    BulkResponse response =
        client.bulk(
            bulk -> {
              for (IndexableCase doc : docs) {
                bulk.operations(
                    op ->
                        op.index(
                            i ->
                                i.index(alias)
                                    .id(doc.id())
                                    .version(doc.version())
                                    .versionType(VersionType.ExternalGte)
                                    .document(doc.source())));
              }
              return bulk;
            });
    if (response.errors()) {
      List<String> failures =
          response.items().stream()
              .filter(item -> item.error() != null)
              .filter(item -> !"version_conflict_engine_exception".equals(item.error().type()))
              .map(CaseIndexWriter::describe)
              .toList();
      if (!failures.isEmpty()) {
        throw new IOException(
            "bulk indexing failed for " + failures.size() + " documents: " + failures.getFirst());
      }
    }
  }

  private static String describe(BulkResponseItem item) {
    return item.id() + " " + item.error().type() + ": " + item.error().reason();
  }
}
