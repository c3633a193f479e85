package cn.cpsx.portal.complaint;

import cn.cpsx.schemas.CodeLists;

/**
 * The fields an analyst can filter cases by and see counts for. Several values of one facet are
 * OR-ed; different facets are AND-ed (the way ccdb5 and most catalogues do it).
 *
 * @param field the keyword field of the case index
 * @param param the request parameter, also the facet's key in the JSON API
 * @param codeList the code list that labels its values, or null when the values are not codes
 * @param size how many buckets are counted; every code of the largest code list fits
 */
public enum CaseFacet {
  INSTITUTION("institution", "institution", null, 25),
  INSTITUTION_TYPE("institutionType", "institutionType", CodeLists.INSTITUTION_TYPE, 20),
  BUSINESS_CATEGORY("businessCategory", "businessCategory", CodeLists.BUSINESS_CATEGORY, 20),
  REASON("reason", "reason", CodeLists.REASON, 20),
  CHANNEL("channel", "channel", CodeLists.CHANNEL, 20),
  DEMAND("demand", "demand", CodeLists.DEMAND, 20),
  PROVINCE("province", "province", CodeLists.PROVINCE, 40),
  STATUS("status", "status", CodeLists.CASE_STATUS, 20),
  OUTCOME("outcome", "outcome", CodeLists.OUTCOME, 20),
  SATISFACTION("satisfaction", "satisfaction", CodeLists.SATISFACTION, 20),
  AGE_BAND("complainant.ageBand", "ageBand", CodeLists.AGE_BAND, 20);

  private final String field;
  private final String param;
  private final String codeList;
  private final int size;

  CaseFacet(String field, String param, String codeList, int size) {
    this.field = field;
    this.param = param;
    this.codeList = codeList;
    this.size = size;
  }

  public String field() {
    return field;
  }

  public String param() {
    return param;
  }

  public String codeList() {
    return codeList;
  }

  public int size() {
    return size;
  }
}
