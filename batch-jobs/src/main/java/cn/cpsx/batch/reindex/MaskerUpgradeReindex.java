package cn.cpsx.batch.reindex;

import cn.cpsx.batch.indexing.CaseIndexSetup;
import cn.cpsx.batch.indexing.SearchIndexProperties;
import cn.cpsx.search.privacy.PersonalDataMasker;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After an upgrade of the personal-data masker, the search index still holds documents masked by
 * the older one (which missed what the new one catches). At start-up, an index stamped with an
 * older masker version — or not stamped, as before version 2 — is rebuilt from PostgreSQL by {@code
 * caseReindexJob}, blue/green behind the alias, so search keeps answering meanwhile. The same
 * happens when the index was created from an older index template ({@link
 * CaseIndexSetup#CURRENT_TEMPLATE_VERSION}): a mapping an existing index cannot take, such as the
 * narrative's word pairs for phrase search, needs a new index.
 */
@Component
class MaskerUpgradeReindex {

  private static final Logger log = LoggerFactory.getLogger(MaskerUpgradeReindex.class);

  private final CaseIndexSetup setup;
  private final SearchIndexProperties properties;
  private final JobOperator jobOperator;
  private final Job caseReindexJob;

  MaskerUpgradeReindex(
      CaseIndexSetup setup,
      SearchIndexProperties properties,
      JobOperator jobOperator,
      Job caseReindexJob) {
    this.setup = setup;
    this.properties = properties;
    this.jobOperator = jobOperator;
    this.caseReindexJob = caseReindexJob;
  }

  @EventListener(ApplicationReadyEvent.class)
  void reindexIfBuiltByAnOlderMasker() {
    if (!properties.reindexOnMaskerUpgrade()) {
      return;
    }
    int indexed;
    int template;
    try {
      setup.ensureIndex();
      indexed = setup.indexedMaskerVersion();
      template = setup.indexedTemplateVersion();
    } catch (Exception e) {
      log.warn(
          "could not read the search index's masker version ({}); not rebuilding now",
          e.toString());
      return;
    }
    if (indexed >= PersonalDataMasker.VERSION
        && template >= CaseIndexSetup.CURRENT_TEMPLATE_VERSION) {
      return;
    }
    String reason =
        indexed < PersonalDataMasker.VERSION
            ? "masker v" + indexed + " -> v" + PersonalDataMasker.VERSION
            : "template v" + template + " -> v" + CaseIndexSetup.CURRENT_TEMPLATE_VERSION;
    log.warn(
        "search index {} was built by an older version ({}): rebuilding it from PostgreSQL",
        properties.caseAlias(),
        reason);
    CompletableFuture.runAsync(
        () -> {
          try {
            jobOperator.start(
                caseReindexJob,
                new JobParametersBuilder()
                    .addLong("requestedAt", System.currentTimeMillis())
                    .addString("reason", reason)
                    .toJobParameters());
          } catch (Exception e) {
            log.error(
                "rebuilding the search index after a masker upgrade failed; run `scripts/cpsx reindex`",
                e);
          }
        });
  }
}
