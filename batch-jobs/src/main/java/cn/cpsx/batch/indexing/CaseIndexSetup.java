package cn.cpsx.batch.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts the case index template (a JSON resource of the schemas module) and, when the alias does not
 * exist yet, creates the first versioned index behind it. Runs once the app is ready; if
 * Elasticsearch is down then, indexing retries it before each write.
 */
@Component
public class CaseIndexSetup {

  private static final Logger log = LoggerFactory.getLogger(CaseIndexSetup.class);
  private static final String TEMPLATE = "/elasticsearch/_index_templates/cpsx-cases.json";

  private final ElasticsearchClient client;
  private final SearchIndexProperties properties;
  private volatile boolean ready;

  CaseIndexSetup(ElasticsearchClient client, SearchIndexProperties properties) {
    this.client = client;
    this.properties = properties;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onStartup() {
    try {
      ensureIndex();
    } catch (Exception e) {
      log.warn("search index not ready yet ({}); indexing will retry", e.getMessage());
    }
  }

  /** Idempotent: safe to call before every write. */
  public void ensureIndex() throws IOException {
    if (ready) {
      return;
    }
    String alias = properties.caseAlias();
    try (InputStream template = CaseIndexSetup.class.getResourceAsStream(TEMPLATE)) {
      client
          .indices()
          .putIndexTemplate(
              t -> t.withJson(template).name(alias).indexPatterns(alias + "-*").priority(100L));
    }
    if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
      String index = alias + "-v1";
      client.indices().create(c -> c.index(index).aliases(alias, a -> a.isWriteIndex(true)));
      log.info("created search index {} behind alias {}", index, alias);
    }
    ready = true;
  }
}
