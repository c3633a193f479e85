package cn.cpsx.portal.complaint;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/** The query DSL CaseSearch builds, compared with the expected JSON beside this test. */
class CaseSearchQueryTest {

  private final CaseSearch search = new CaseSearch(null, new SearchIndexProperties("cases"));

  @Test
  void chineseWordsAreSegmentedAndFiltersBecomeTermFilters() throws Exception {
    SearchRequest request =
        search.request(
            new CaseQuery("信用卡年费", "91110000770914530P", "CREDIT_CARD", null, "", null, 2));

    JSONAssert.assertEquals(
        expected("text-and-filters.json"), json(request), JSONCompareMode.STRICT);
  }

  @Test
  void withoutWordsNewestCasesComeFirstAndNothingIsHighlighted() throws Exception {
    SearchRequest request = search.request(new CaseQuery(" ", null, null, null, null, null, null));

    JSONAssert.assertEquals(expected("browse.json"), json(request), JSONCompareMode.STRICT);
  }

  private static String json(SearchRequest request) {
    StringWriter out = new StringWriter();
    var generator = new JacksonJsonpMapper().jsonProvider().createGenerator(out);
    request.serialize(generator, new JacksonJsonpMapper());
    generator.close();
    return out.toString();
  }

  private static String expected(String name) throws IOException {
    try (InputStream in = CaseSearchQueryTest.class.getResourceAsStream("/complaint/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
