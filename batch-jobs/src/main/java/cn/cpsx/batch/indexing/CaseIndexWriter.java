package cn.cpsx.batch.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.io.IOException;
import java.util.List;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes a chunk of case documents with one bulk request. External versions make reruns idempotent
 * and let an older version arriving late lose (a version conflict is not an error).
 */
public class CaseIndexWriter implements ItemWriter<CaseDocument> {

  private final ElasticsearchClient client;
  private final CaseIndexSetup setup;
  private final String alias;

  public CaseIndexWriter(ElasticsearchClient client, CaseIndexSetup setup, String alias) {
    this.client = client;
    this.setup = setup;
    this.alias = alias;
  }

  @Override
  public void write(Chunk<? extends CaseDocument> chunk) throws IOException {
    setup.ensureIndex();
    BulkResponse response =
        client.bulk(
            bulk -> {
              for (CaseDocument doc : chunk) {
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
