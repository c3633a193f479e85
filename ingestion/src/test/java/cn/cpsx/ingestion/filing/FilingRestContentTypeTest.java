package cn.cpsx.ingestion.filing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A REST filing is JSON by its Content-Type: application/json, with or without a charset, as
 * schemas/README.md and the OpenAPI document (filings-v1.yaml) name it; nothing else is read as
 * JSON.
 */
class FilingRestContentTypeTest {

  @Test
  void applicationJsonWithOrWithoutACharsetIsJson() {
    assertThat(FilingRestRoute.isJson("application/json")).isTrue();
    assertThat(FilingRestRoute.isJson("application/json; charset=UTF-8")).isTrue();
    assertThat(FilingRestRoute.isJson("Application/JSON;charset=gbk")).isTrue();
  }

  @Test
  void typesThatOnlyStartLikeJsonOrAreOtherJsonTypesAreNot() {
    assertThat(FilingRestRoute.isJson("application/jsonp")).isFalse();
    assertThat(FilingRestRoute.isJson("application/json-seq")).isFalse();
    assertThat(FilingRestRoute.isJson("application/problem+json")).isFalse();
    assertThat(FilingRestRoute.isJson("text/json")).isFalse();
    assertThat(FilingRestRoute.isJson("application/json;;=")).isFalse();
    assertThat(FilingRestRoute.isJson("")).isFalse();
    assertThat(FilingRestRoute.isJson(null)).isFalse();
  }
}
