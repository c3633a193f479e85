package cn.cpsx.portal.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.portal.PortalApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open data API against the real PostgreSQL, with {@link PublicFixtures}: only published
 * versions, CSV equal to JSON, statistics equal to what this test counts from the fixture itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenDataIT {

  static final List<String> RATING_KEYS =
      List.of(
          "uscc",
          "name",
          "institutionType",
          "province",
          "period",
          "provisional",
          "version",
          "status",
          "supersedes",
          "score",
          "grade",
          "capped",
          "limitedData",
          "methodologyVersion",
          "dataCutoff",
          "publishedAt",
          "factors");

  @Autowired JdbcClient jdbc;

  PublicFixtures world;
  final PortalApi api = PortalApi.anonymous();
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void load() {
    world = PublicFixtures.load(jdbc);
  }

  @Test
  void listHoldsTheCurrentPublishedVersionOfEachInstitutionWithExactlyTheSpecFields()
      throws Exception {
    JsonNode answer = json("/api/open/v1/ratings?period=" + world.period + "&size=500");

    assertThat(answer.path("licence").path("name").asString()).isEqualTo("CC BY 4.0");
    assertThat(answer.path("methodologyVersion").asString()).isEqualTo("v1");
    assertThat(answer.path("updated").asString()).isNotBlank();
    assertThat(answer.path("total").asLong()).isEqualTo(3);
    Map<String, JsonNode> byUscc = new TreeMap<>();
    for (JsonNode item : answer.path("items")) {
      assertThat(item.propertyNames()).containsExactlyElementsOf(RATING_KEYS);
      assertThat(item.path("status").asString()).isEqualTo("PUBLISHED");
      byUscc.put(item.path("uscc").asString(), item);
    }
    assertThat(byUscc.keySet()).containsExactlyInAnyOrderElementsOf(world.published);
    JsonNode corrected = byUscc.get(world.corrected);
    assertThat(corrected.path("version").asInt()).isEqualTo(2);
    assertThat(corrected.path("supersedes").asInt()).isEqualTo(1);
    JsonNode penalised = byUscc.get(world.penalised);
    assertThat(penalised.path("capped").asBoolean()).isTrue();
    assertThat(penalised.path("grade").asString()).isEqualTo("C");
    assertThat(penalised.path("limitedData").asBoolean()).isTrue();
    // figures pass through exactly as stored: 10 decimals, not shortened
    assertThat(api.get("/api/open/v1/ratings?period=" + world.period).body())
        .contains("\"percentileRank\":0.5000000000");
  }

  @Test
  void filtersSearchSortAndPageTheList() throws Exception {
    String base = "/api/open/v1/ratings?period=" + world.period;
    JsonNode all = json(base);
    for (String grade : List.of("A", "B", "C", "D")) {
      List<String> expected = new ArrayList<>();
      all.path("items")
          .forEach(
              i -> {
                if (i.path("grade").asString().equals(grade)) {
                  expected.add(i.path("uscc").asString());
                }
              });
      assertThat(usccsOf(json(base + "&grade=" + grade))).as(grade).isEqualTo(expected);
    }
    assertThat(usccsOf(json(base + "&province=11"))).containsExactly(world.plain);
    assertThat(usccsOf(json(base + "&q=" + world.plain.substring(0, 14)))).contains(world.plain);
    assertThat(usccsOf(json(base + "&q=open+test+bank+" + world.run.toLowerCase() + "+1")))
        .containsExactly(world.plain);
    JsonNode page2 = json(base + "&sort=score&size=1&page=2");
    assertThat(page2.path("total").asLong()).isEqualTo(3);
    assertThat(page2.path("items")).hasSize(1);
    List<String> byScore = usccsOf(json(base + "&sort=score"));
    assertThat(usccsOf(page2)).containsExactly(byScore.get(1));
    assertThat(usccsOf(json(base + "&type=BANK_LARGE"))).isEmpty();
  }

  @Test
  void aCreditFileHoldsEveryPublishedVersionNewestFirstAndNoDraft() throws Exception {
    JsonNode versions = json("/api/open/v1/ratings/" + world.corrected);
    assertThat(versions.path("items")).hasSize(2);
    assertThat(versions.path("items").get(0).path("version").asInt()).isEqualTo(2);
    assertThat(versions.path("items").get(1).path("status").asString()).isEqualTo("SUPERSEDED");

    JsonNode plain = json("/api/open/v1/ratings/" + world.plain);
    assertThat(plain.path("items")).hasSize(1);
    assertThat(plain.path("items").get(0).path("status").asString()).isEqualTo("PUBLISHED");

    assertThat(json("/api/open/v1/ratings/" + world.draftOnly).path("items")).isEmpty();
    assertThat(api.get("/api/open/v1/ratings/91440300000000000X").statusCode()).isEqualTo(404);
    assertThat(api.get("/api/open/v1/ratings/not-a-uscc").statusCode()).isEqualTo(404);
  }

  @Test
  void draftsSentBackRatingsAndDraftActionsNeverAppear() throws Exception {
    for (String path :
        List.of(
            "/api/open/v1/ratings?period=" + world.period,
            "/api/open/v1/ratings?period=" + world.period + "&format=csv",
            "/api/open/v1/ratings/" + world.plain,
            "/api/open/v1/ratings/" + world.penalised + "?format=csv",
            "/api/open/v1/ratings/" + world.draftOnly,
            "/api/open/v1/enforcement?uscc=" + world.plain,
            "/api/open/v1/enforcement?uscc=" + world.plain + "&format=csv")) {
      HttpResponse<String> response = api.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(response.body())
          .as(path)
          .doesNotContain(PublicFixtures.DRAFT_NAME, world.draftDecision, "DRAFT", "SENT_BACK");
    }
    assertThat(usccsOf(json("/api/open/v1/ratings?q=" + world.draftOnly)))
        .doesNotContain(world.draftOnly);
  }

  @Test
  void enforcementShowsPublishedActionsWithTheirCorrections() throws Exception {
    JsonNode answer = json("/api/open/v1/enforcement?uscc=" + world.penalised);
    assertThat(answer.path("total").asLong()).isEqualTo(2);
    Map<Long, JsonNode> byId = new TreeMap<>();
    answer.path("items").forEach(a -> byId.put(a.path("id").asLong(), a));
    assertThat(byId.get(world.majorAction).path("correctedBy").asLong())
        .isEqualTo(world.correction);
    assertThat(byId.get(world.correction).path("corrects").asLong()).isEqualTo(world.majorAction);
    assertThat(byId.get(world.correction).path("correctedBy").isNull()).isTrue();

    JsonNode plain = json("/api/open/v1/enforcement?uscc=" + world.plain);
    assertThat(plain.path("total").asLong()).isEqualTo(1);
    assertThat(plain.path("items").get(0).path("id").asLong()).isEqualTo(world.minorAction);
  }

  @Test
  void csvHoldsTheSameRowsAsJson() throws Exception {
    for (String path :
        List.of(
            "/api/open/v1/ratings?period=" + world.period,
            "/api/open/v1/ratings/" + world.corrected,
            "/api/open/v1/enforcement?uscc=" + world.penalised,
            "/api/open/v1/statistics?period=" + world.period + "&uscc=" + world.corrected)) {
      JsonNode json = json(path);
      HttpResponse<byte[]> csvResponse =
          http.send(
              HttpRequest.newBuilder(URI.create(PortalApi.PORTAL + path))
                  .header("Accept", "text/csv")
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(csvResponse.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("text/csv");
      byte[] bytes = csvResponse.body();
      assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
      List<List<String>> csv =
          parseCsv(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
      List<String> header = csv.getFirst();
      assertThat(csv).as(path).hasSize(1 + json.path("items").size());
      for (int row = 0; row < json.path("items").size(); row++) {
        Map<String, String> flat = flatten(json.path("items").get(row));
        for (int col = 0; col < header.size(); col++) {
          String column = header.get(col);
          String expected = flat.getOrDefault(column, column.startsWith("by") ? "0" : "");
          String cell = csv.get(row + 1).get(col);
          assertThat(cell.startsWith("'") ? cell.substring(1) : cell)
              .as(path + " row " + row + " " + column)
              .isEqualTo(expected);
        }
        assertThat(header).as(path).containsAll(flat.keySet());
      }
    }
    // the summary "=HYPERLINK(...)" is free text: a spreadsheet must not run it
    assertThat(api.get("/api/open/v1/enforcement?uscc=" + world.penalised + "&format=csv").body())
        .contains("\"'=HYPERLINK(\"\"x\"\")\"");
  }

  @Test
  void statisticsAreTheCountsOfTheAcceptedCasesOfThePeriod() throws Exception {
    int year = Integer.parseInt(world.period);
    OffsetDateTime from = OffsetDateTime.of(year, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(8));
    OffsetDateTime to = from.plusYears(1);
    for (String uscc : List.of(world.corrected, world.plain, world.draftOnly)) {
      long complaints = 0, closed = 0, within = 0, surveyed = 0, satisfied = 0;
      Map<String, Long> categories = new TreeMap<>();
      Map<String, Long> provinces = new TreeMap<>();
      for (Map<String, Object> c : world.cases) {
        OffsetDateTime received = (OffsetDateTime) c.get("receivedAt");
        if (!c.get("uscc").equals(uscc) || received.isBefore(from) || !received.isBefore(to)) {
          continue;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> record = (Map<String, Object>) c.get("record");
        complaints++;
        String status = (String) record.get("status");
        if (status.equals("RESOLVED") || status.equals("CLOSED_UNRESOLVED")) {
          closed++;
          Duration limit = Duration.ofDays(Boolean.TRUE.equals(record.get("extended")) ? 30 : 15);
          OffsetDateTime resolved = OffsetDateTime.parse((String) record.get("resolvedAt"));
          if (!resolved.isAfter(received.plus(limit))) {
            within++;
          }
        }
        Object s = record.get("satisfaction");
        if (s != null && !s.equals("NOT_SURVEYED")) {
          surveyed++;
        }
        if ("SATISFIED".equals(s) || "BASICALLY_SATISFIED".equals(s)) {
          satisfied++;
        }
        categories.merge((String) record.get("businessCategory"), 1L, Long::sum);
        provinces.merge(((String) record.get("region")).substring(0, 2) + "0000", 1L, Long::sum);
      }
      JsonNode answer = json("/api/open/v1/statistics?period=" + world.period + "&uscc=" + uscc);
      assertThat(answer.path("items")).hasSize(1);
      JsonNode item = answer.path("items").get(0);
      assertThat(item.path("complaints").asLong()).as(uscc).isEqualTo(complaints);
      assertThat(item.path("closed").asLong()).isEqualTo(closed);
      assertThat(item.path("closedWithinDeadline").asLong()).isEqualTo(within);
      assertThat(item.path("surveyed").asLong()).isEqualTo(surveyed);
      assertThat(item.path("satisfied").asLong()).isEqualTo(satisfied);
      assertThat(counts(item.path("byBusinessCategory"))).isEqualTo(categories);
      assertThat(counts(item.path("byProvince"))).isEqualTo(provinces);
      assertThat(item.path("name").asString()).isEqualTo(world.names.get(uscc));
    }
    assertThat(
            json("/api/open/v1/statistics?period=" + world.period + "-Q1&uscc=" + world.plain)
                .path("items")
                .get(0)
                .path("period")
                .asString())
        .isEqualTo(world.period + "-Q1");
  }

  @Test
  void aParameterOutOfRangeIsA400NamingIt() throws Exception {
    Map<String, String> bad =
        Map.of(
            "/api/open/v1/ratings?size=501", "size",
            "/api/open/v1/ratings?period=2025-Q5", "period",
            "/api/open/v1/ratings?grade=E", "grade",
            "/api/open/v1/ratings?sort=random", "sort",
            "/api/open/v1/ratings?format=xml", "format",
            "/api/open/v1/statistics", "period",
            "/api/open/v1/enforcement?size=0", "size");
    for (Map.Entry<String, String> e : bad.entrySet()) {
      HttpResponse<String> response = api.get(e.getKey());
      assertThat(response.statusCode()).as(e.getKey()).isEqualTo(400);
      JsonNode body = JsonMapper.shared().readTree(response.body());
      assertThat(body.path("parameter").asString()).as(e.getKey()).isEqualTo(e.getValue());
    }
    assertThat(api.get("/api/open/v1/ratings?size=500").statusCode()).isEqualTo(200);
  }

  @Test
  void answersAreCacheableAndRevalidateWithTheirEtag() throws Exception {
    String url = PortalApi.PORTAL + "/api/open/v1/ratings?period=" + world.period;
    HttpResponse<String> first =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(first.headers().firstValue("Cache-Control").orElseThrow())
        .contains("max-age=300", "public");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> again =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).header("If-None-Match", etag).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(again.statusCode()).isEqualTo(304);
    HttpResponse<String> openApi = api.get("/api/open/v1/openapi.yaml");
    assertThat(openApi.statusCode()).isEqualTo(200);
    assertThat(openApi.body()).contains("openapi: 3.0.3", "CC BY 4.0", "/api/open/v1/statistics");
  }

  // --- helpers --------------------------------------------------------------------------------

  /** Reads numbers exactly as sent (0.5000000000 stays so), as the CSV has them. */
  static final JsonMapper EXACT =
      JsonMapper.builder()
          .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(tools.jackson.databind.cfg.JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(tools.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  JsonNode json(String path) throws Exception {
    HttpResponse<String> response = api.get(path);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return EXACT.readTree(response.body());
  }

  static List<String> usccsOf(JsonNode answer) {
    List<String> usccs = new ArrayList<>();
    answer.path("items").forEach(i -> usccs.add(i.path("uscc").asString()));
    return usccs;
  }

  static Map<String, Long> counts(JsonNode node) {
    Map<String, Long> counts = new TreeMap<>();
    node.properties().forEach(e -> counts.put(e.getKey(), e.getValue().asLong()));
    return counts;
  }

  /** An item as CSV cells: nested objects dotted, factors by factor id, null as empty. */
  static Map<String, String> flatten(JsonNode item) {
    Map<String, String> flat = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : item.properties()) {
      if (e.getKey().equals("factors")) {
        for (JsonNode f : e.getValue()) {
          String id = f.path("factor").asString();
          flat.put(id + ".points", text(f.path("points")));
          flat.put(id + ".maxPoints", f.path("maxPoints").asString());
          f.path("figures")
              .properties()
              .forEach(g -> flat.put(id + "." + g.getKey(), text(g.getValue())));
        }
      } else if (e.getValue().isObject()) {
        e.getValue()
            .properties()
            .forEach(g -> flat.put(e.getKey() + "." + g.getKey(), text(g.getValue())));
      } else {
        flat.put(e.getKey(), text(e.getValue()));
      }
    }
    return flat;
  }

  static String text(JsonNode node) {
    return node.isNull()
        ? ""
        : node.isNumber() ? node.decimalValue().toPlainString() : node.asString();
  }

  /** RFC 4180, as a spreadsheet reads it. */
  static List<List<String>> parseCsv(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (ch == '\r') {
        // part of CRLF
      } else if (ch == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        cell.append(ch);
      }
    }
    return rows;
  }
}
