package cn.cpsx.portal.complaint;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * @param caseAlias the alias of the case index that batch-jobs maintains
 * @param exactTotalUpTo how far a search without facet counts counts its total exactly (beyond, it
 *     says "at least"); counting a million matches exactly costs more than finding a page of them
 */
@ConfigurationProperties("cpsx.search")
public record SearchIndexProperties(String caseAlias, Integer exactTotalUpTo) {

  @ConstructorBinding
  public SearchIndexProperties {
    if (caseAlias == null || caseAlias.isBlank()) {
      caseAlias = "cpsx-cases";
    }
    if (exactTotalUpTo == null || exactTotalUpTo < 1) {
      exactTotalUpTo = 10_000;
    }
  }

  public SearchIndexProperties(String caseAlias) {
    this(caseAlias, null);
  }
}
