package cn.cpsx.batch.indexing;

import cn.cpsx.search.privacy.PersonalDataMasker;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts the case index template (a JSON resource of the search module) and, when the alias does not
 * exist yet, creates the first versioned index behind it. Runs once the app is ready; if
 * Elasticsearch is down then, indexing retries it before each write.
 */
@Component
public class CaseIndexSetup {

  private static final Logger log = LoggerFactory.getLogger(CaseIndexSetup.class);
  private static final String TEMPLATE = "/elasticsearch/_index_templates/cpsx-cases.json";
  private static final String MASKER_VERSION = "maskerVersion";
  private static final String TEMPLATE_VERSION = "templateVersion";

  /**
   * The template's {@code _meta.version}: raised with every change to the mapping or the analysis
   * that an existing index cannot take, so that an index created from an older template is rebuilt
   * at start-up as after a masker upgrade.
   */
  public static final int CURRENT_TEMPLATE_VERSION = templateVersion();

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
      create(index, alias);
      log.info("created search index {} behind alias {}", index, alias);
    }
    ready = true;
  }

  /**
   * Creates a case index stamped (mapping {@code _meta}) with the version of the personal-data
   * masker that builds its documents and the version of the template it was created from; {@code
   * writeAlias} null for none yet.
   */
  public void create(String index, String writeAlias) throws IOException {
    client
        .indices()
        .create(
            c -> {
              c.index(index)
                  .mappings(
                      m ->
                          m.meta(MASKER_VERSION, JsonData.of(PersonalDataMasker.VERSION))
                              .meta(TEMPLATE_VERSION, JsonData.of(CURRENT_TEMPLATE_VERSION)));
              if (writeAlias != null) {
                c.aliases(writeAlias, a -> a.isWriteIndex(true));
              }
              return c;
            });
  }

  /**
   * The oldest masker version among the indices behind the alias: 0 for an index built before
   * indices were stamped (masker v1).
   */
  public int indexedMaskerVersion() throws IOException {
    return oldestStamp(MASKER_VERSION);
  }

  /**
   * The oldest template version among the indices behind the alias: 0 for an index created before
   * indices were stamped with it (template version 1).
   */
  public int indexedTemplateVersion() throws IOException {
    return oldestStamp(TEMPLATE_VERSION);
  }

  private int oldestStamp(String stamp) throws IOException {
    return client
        .indices()
        .getMapping(g -> g.index(properties.caseAlias()))
        .mappings()
        .values()
        .stream()
        .mapToInt(
            index -> {
              Map<String, JsonData> meta = index.mappings().meta();
              JsonData version = meta == null ? null : meta.get(stamp);
              return version == null ? 0 : version.to(Integer.class);
            })
        .min()
        .orElse(0);
  }

  private static int templateVersion() {
    try (InputStream template = CaseIndexSetup.class.getResourceAsStream(TEMPLATE)) {
      return JsonMapper.shared().readTree(template).path("_meta").path("version").asInt();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
