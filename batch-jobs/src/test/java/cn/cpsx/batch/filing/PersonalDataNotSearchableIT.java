package cn.cpsx.batch.filing;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Personal data planted in complainant fields and narratives, written the ways people type it, goes
 * through the real filing job into the real Elasticsearch; then no query can find any of it: not
 * query_string over every field, not a match or phrase on any text field, not a term on any keyword
 * field, whether the value is asked as written, as ASCII, as digits only or in full width. An index
 * alias of its own keeps other tests' documents out; queries count only this run's two cases.
 */
@SpringBootTest(properties = "cpsx.search.case-alias=" + PersonalDataNotSearchableIT.ALIAS)
@ActiveProfiles("it")
class PersonalDataNotSearchableIT {

  static final String BANK = "91110000770914530P";
  static final String ALIAS = "cpsx-test-masking-cases";

  /** Planted values as written; each is also asked in its other forms (see {@link #forms}). */
  static final List<String> PLANTED =
      List.of(
          "欧阳娜娜",
          "+86 139 1234 5678",
          "11010519491231002x",
          "１１０１０５ １９４９１２３１ ００２Ｘ",
          "6222 0212 3456 7890 128",
          "（０１０）８７６５４３２１转123",
          "ｗｘｍ＠ｅｘａｍｐｌｅ．ｃｏｍ",
          "刘晓燕",
          "覃秀兰",
          "0755-23456789",
          "１３８００１３８０００",
          "邬建国",
          "司马静琪",
          "86-186-1122-3344",
          "440305199001011236",
          "6217 0055 0473 6881 392",
          "abc.88@qq.com",
          "贾宝玉",
          // masker v3: a mistyped ID and card, a number in Chinese numerals, names with a middle
          // dot, in a list and in pinyin
          "110101199003071235",
          "6217 0000 1234 5678",
          "一三八一二三四五六七八",
          "13812345678",
          "阿卜杜拉·买买提",
          "张三丰",
          "李四光",
          "Zhang Wei");

  static final String CASE_A =
      """
      {"caseNo":"%s","receivedAt":"%s","channel":"PHONE","businessCategory":"WEALTH",
       "reason":"FUNDS_SECURITY","demand":"REFUND","region":"110105",
       "complainant":{"name":"欧阳娜娜","phone":"+86 139 1234 5678","idNumber":"11010519491231002x"},
       "narrative":"投诉人欧阳娜娜反映年费被扣，其身份证１１０１０５ １９４９１２３１ ００２Ｘ名下信用卡6222 0212 3456 7890 128被盗刷，请回电+86 139 1234 5678或（０１０）８７６５４３２１转123，邮箱ｗｘｍ＠ｅｘａｍｐｌｅ．ｃｏｍ。其妻子刘晓燕代为投诉。其丈夫阿卜杜拉·买买提的身份证110101199003071235，卡号6217 0000 1234 5678，手机一三八一二三四五六七八；经办人员：张三丰、李四光。He said his name is Zhang Wei.",
       "status":"RECEIVED"}""";
  static final String CASE_B =
      """
      {"caseNo":"%s","receivedAt":"%s","channel":"LETTER","businessCategory":"WEALTH",
       "reason":"FUNDS_SECURITY","demand":"REFUND","region":"440305",
       "complainant":{"name":"覃秀兰","phone":"0755-23456789","idNumber":"44030519900101123X"},
       "narrative":"本人覃秀兰，手机１３８００１３８０００，年费被扣。车主邬建国称保险理赔被拒，持卡人司马静琪称借记卡6217 0055 0473 6881 392被冻结，联系电话86-186-1122-3344，身份证44030519900101123x，邮箱abc.88@qq.com。贾宝玉称已报警。",
       "status":"RECEIVED"}""";

  @Autowired FilingJobs jobs;
  @Autowired JdbcClient jdbc;
  @Autowired ElasticsearchClient elasticsearch;

  @Test
  void noPlantedValueIsFoundByAnyQueryInAnyWrittenForm() throws Exception {
    String caseA = "IT-PII-A-" + UUID.randomUUID();
    String caseB = "IT-PII-B-" + UUID.randomUUID();
    String received = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(1).withNano(0).toString();
    String filing =
        """
        {"specVersion":"1","filingType":"CASES","institution":"%s","mode":"LIVE","cases":[%s,%s]}
        """
            .formatted(BANK, CASE_A.formatted(caseA, received), CASE_B.formatted(caseB, received));
    String filingId = TestInbox.put(jdbc, BANK, "CASES", filing.getBytes(StandardCharsets.UTF_8));

    assertThat(jobs.process(filingId).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(TestInbox.statusOf(jdbc, filingId)).startsWith("ACCEPTED");
    for (String caseNo : List.of(caseA, caseB)) {
      GetResponse<Map> doc =
          elasticsearch.get(g -> g.index(ALIAS).id(BANK + ":" + caseNo), Map.class);
      assertThat(doc.found()).as(caseNo + " indexed").isTrue();
    }
    elasticsearch.indices().refresh(r -> r.index(ALIAS));

    // The queries do reach the documents: a word of the narrative finds both.
    List<String> caseNos = List.of(caseA, caseB);
    assertThat(
            hits(
                Query.of(q -> q.queryString(s -> s.query("年费").fields("*").lenient(true))),
                caseNos))
        .as("a word every case holds")
        .isEqualTo(2);

    Map<String, Property> fields = new java.util.TreeMap<>();
    collect(
        "",
        elasticsearch
            .indices()
            .getMapping(m -> m.index(ALIAS))
            .mappings()
            .values()
            .iterator()
            .next()
            .mappings()
            .properties(),
        fields);
    List<String> found = new ArrayList<>();
    for (String value : PLANTED) {
      for (String form : forms(value)) {
        for (Query query : queries(form, fields)) {
          if (hits(query, caseNos) > 0) {
            found.add(form + " by " + query);
          }
        }
      }
    }
    assertThat(found).as("planted values an Elasticsearch query finds").isEmpty();
  }

  /** The value as written, in NFKC, digits only, digits in full width, and a given name alone. */
  static Set<String> forms(String value) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(value);
    String ascii = Normalizer.normalize(value, Normalizer.Form.NFKC);
    forms.add(ascii);
    forms.add(ascii.toLowerCase());
    String digits = ascii.replaceAll("[^0-9Xx]", "");
    if (digits.length() >= 7) {
      forms.add(digits);
      forms.add(digits.toUpperCase());
      if (digits.startsWith("86") && digits.length() == 13) {
        forms.add(digits.substring(2)); // the subscriber number without the country code
      }
      StringBuilder fullWidth = new StringBuilder();
      digits
          .chars()
          .forEach(c -> fullWidth.append(Character.isDigit(c) ? (char) (c - '0' + '０') : (char) c));
      forms.add(fullWidth.toString());
    }
    if (value
        .codePoints()
        .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
      forms.add(value.substring(value.length() - 2)); // the given name (or its last two characters)
    }
    return forms;
  }

  private List<Query> queries(String form, Map<String, Property> fields) {
    List<Query> queries = new ArrayList<>();
    queries.add(Query.of(q -> q.queryString(s -> s.query(quoted(form)).fields("*").lenient(true))));
    queries.add(
        Query.of(
            q ->
                q.queryString(
                    s ->
                        s.query(escaped(form))
                            .fields("*")
                            .lenient(true)
                            .defaultOperator(Operator.And))));
    fields.forEach(
        (field, property) -> {
          if (property.isText()) {
            queries.add(Query.of(q -> q.matchPhrase(m -> m.field(field).query(form))));
            queries.add(
                Query.of(q -> q.match(m -> m.field(field).query(form).operator(Operator.And))));
          } else if (property.isKeyword()) {
            queries.add(Query.of(q -> q.term(t -> t.field(field).value(form))));
            queries.add(Query.of(q -> q.wildcard(w -> w.field(field).value("*" + form + "*"))));
          }
        });
    return queries;
  }

  /** Hits among this run's two cases (earlier runs leave their masked documents in the alias). */
  private long hits(Query query, List<String> caseNos) throws Exception {
    List<FieldValue> ours = caseNos.stream().map(FieldValue::of).toList();
    return elasticsearch
        .count(
            c ->
                c.index(ALIAS)
                    .query(
                        q ->
                            q.bool(
                                b ->
                                    b.must(query)
                                        .filter(
                                            f ->
                                                f.terms(
                                                    t ->
                                                        t.field("caseNo")
                                                            .terms(v -> v.value(ours)))))))
        .count();
  }

  private static void collect(
      String prefix, Map<String, Property> properties, Map<String, Property> into) {
    properties.forEach(
        (name, property) -> {
          if (property.isObject()) {
            collect(prefix + name + ".", property.object().properties(), into);
          } else if (property.isText() || property.isKeyword()) {
            into.put(prefix + name, property);
          }
        });
  }

  private static String quoted(String form) {
    return "\"" + form.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String escaped(String form) {
    return form.replaceAll("([+\\-=&|><!(){}\\[\\]^\"~*?:\\\\/])", "\\\\$1");
  }
}
