package cn.cpsx.portal.complaint;

import cn.cpsx.portal.CodeLabels;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Facet values as people read them, in the model of the search pages as {@code facetLabels}. Kept
 * beside the facets rather than in {@link CodeLabels}, which every page (public ones too) uses.
 */
@ControllerAdvice(basePackageClasses = FacetLabels.class)
public class FacetLabels {

  private final CodeLabels codes;

  FacetLabels(CodeLabels codes) {
    this.codes = codes;
  }

  @ModelAttribute("facetLabels")
  FacetLabels facetLabels() {
    return this;
  }

  /** A value of the facet named by its request parameter, e.g. {@code ('reason', 'FEES')}. */
  public String ofFacet(String param, String value) {
    for (CaseFacet facet : CaseFacet.values()) {
      if (facet.param().equals(param) && facet.codeList() != null) {
        return codes.label(facet.codeList(), value);
      }
    }
    return value;
  }

  /** A facet value as people read it: the institution's name, or the code's label. */
  public String facet(CaseFacet facet, CaseSearchResult.FacetBucket bucket) {
    if (facet.codeList() == null) {
      return bucket.name() != null ? bucket.name() : bucket.value();
    }
    return codes.label(facet.codeList(), bucket.value());
  }
}
