package cn.cpsx.batch.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.search.privacy.PersonalDataMasker;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every case index is stamped with the masker version that built it and the template version it was
 * created from, so an index left by an older masker or template is recognised at start-up and
 * rebuilt (MaskerUpgradeReindex).
 */
@SpringBootTest
@ActiveProfiles("it")
class MaskerVersionStampIT {

  @Autowired ElasticsearchClient client;

  @Test
  void anIndexBuiltBeforeStampingReadsAsVersionZeroAndANewOneAsTheCurrentMasker() throws Exception {
    String alias = "cpsx-test-stamp-" + UUID.randomUUID();
    CaseIndexSetup setup = new CaseIndexSetup(client, new SearchIndexProperties(alias, false));
    try {
      // as the first releases created it: no stamp
      client
          .indices()
          .create(c -> c.index(alias + "-v1").aliases(alias, a -> a.isWriteIndex(true)));
      assertThat(setup.indexedMaskerVersion()).isZero();
      assertThat(setup.indexedTemplateVersion()).isZero();

      setup.create(alias + "-v2", null);
      client
          .indices()
          .updateAliases(
              u ->
                  u.actions(a -> a.remove(r -> r.index(alias + "-v1").alias(alias)))
                      .actions(
                          a -> a.add(r -> r.index(alias + "-v2").alias(alias).isWriteIndex(true))));
      assertThat(setup.indexedMaskerVersion()).isEqualTo(PersonalDataMasker.VERSION);
      assertThat(setup.indexedTemplateVersion())
          .isEqualTo(CaseIndexSetup.CURRENT_TEMPLATE_VERSION)
          .isGreaterThan(1);
    } finally {
      client.indices().delete(d -> d.index(alias + "-*"));
    }
  }
}
