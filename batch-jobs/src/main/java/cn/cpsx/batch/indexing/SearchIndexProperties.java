package cn.cpsx.batch.indexing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param caseAlias the alias every reader uses; concrete indices are {@code <alias>-v<n>}
 */
@ConfigurationProperties("cpsx.search")
public record SearchIndexProperties(String caseAlias) {

  public SearchIndexProperties {
    if (caseAlias == null || caseAlias.isBlank()) {
      caseAlias = "cpsx-cases";
    }
  }
}
