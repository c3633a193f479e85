package cn.cpsx.portal.complaint;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param caseAlias the alias of the case index that batch-jobs maintains
 */
@ConfigurationProperties("cpsx.search")
public record SearchIndexProperties(String caseAlias) {

  public SearchIndexProperties {
    if (caseAlias == null || caseAlias.isBlank()) {
      caseAlias = "cpsx-cases";
    }
  }
}
