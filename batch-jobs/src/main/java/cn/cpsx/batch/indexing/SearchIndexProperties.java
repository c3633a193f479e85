package cn.cpsx.batch.indexing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param caseAlias the alias every reader uses; concrete indices are {@code <alias>-v<n>}
 * @param reindexOnMaskerUpgrade rebuild the index at start-up when it was built by an older
 *     personal-data masker (default true: an upgrade must not leave older, weaker masking
 *     searchable)
 */
@ConfigurationProperties("cpsx.search")
public record SearchIndexProperties(String caseAlias, Boolean reindexOnMaskerUpgrade) {

  public SearchIndexProperties {
    if (caseAlias == null || caseAlias.isBlank()) {
      caseAlias = "cpsx-cases";
    }
    if (reindexOnMaskerUpgrade == null) {
      reindexOnMaskerUpgrade = true;
    }
  }
}
