package cn.cpsx.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.portal.PortalApi;
import cn.cpsx.portal.opendata.PublicFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The report card of an institution for a period, over {@link PublicFixtures}' published ratings:
 * the page linked from the credit file, and the PDF drawn on request whose text layer holds the
 * institution's name and grade (Chinese as real text, fonts embedded).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportCardIT {

  @Autowired JdbcClient jdbc;
  PublicFixtures world;
  final PortalApi anonymous = PortalApi.anonymous();
  final HttpClient http = HttpClient.newHttpClient();
  String grade;
  JsonNode statistics;

  @BeforeAll
  void load() throws Exception {
    world = PublicFixtures.load(jdbc);
    JsonNode rating =
        anonymous.json("/api/open/v1/ratings/" + world.corrected).path("items").get(0);
    assertThat(rating.path("status").asString()).isEqualTo("PUBLISHED");
    grade = rating.path("grade").asString();
    statistics =
        anonymous
            .json("/api/open/v1/statistics?period=" + world.period + "&uscc=" + world.corrected)
            .path("items")
            .get(0);
  }

  @Test
  void theCreditFileLinksToTheCardWhichShowsGradeFactorsFiguresAndPeers() throws Exception {
    assertThat(anonymous.get("/ratings/" + world.corrected).body())
        .contains("href=\"/ratings/" + world.corrected + "/" + world.period + "\"");
    String zh =
        anonymous.get("/ratings/" + world.corrected + "/" + world.period + "?lang=zh-CN").body();
    assertThat(zh)
        .contains(world.names.get(world.corrected), "id=\"card-grade\">" + grade + "<")
        .contains("同类机构 3 家中排名第")
        .contains(">" + statistics.path("complaints").asLong() + "<")
        .doesNotContain(PublicFixtures.DRAFT_NAME);
    String en =
        anonymous.get("/ratings/" + world.corrected + "/" + world.period + "?lang=en").body();
    assertThat(en).contains(world.nameEn(world.corrected), "in its peer group", "Closed within");
    // no published rating of the period: no card
    assertThat(anonymous.get("/ratings/" + world.draftOnly + "/" + world.period).statusCode())
        .isEqualTo(404);
    assertThat(anonymous.get("/ratings/" + world.corrected + "/1999").statusCode()).isEqualTo(404);
  }

  @Test
  void theCardPdfHoldsTheNameAndTheGradeAsTextWithItsFontsEmbedded() throws Exception {
    for (String lang : List.of("zh-CN", "en")) {
      HttpResponse<byte[]> pdf =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          PortalApi.PORTAL
                              + "/ratings/"
                              + world.corrected
                              + "/"
                              + world.period
                              + ".pdf?lang="
                              + lang))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(pdf.statusCode()).isEqualTo(200);
      assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
      try (PDDocument document = Loader.loadPDF(pdf.body())) {
        assertThat(document.getNumberOfPages()).as("one page").isEqualTo(1);
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true); // reading order: the bold grade is drawn after its line
        String text = stripper.getText(document).replaceAll("\\s+", " ");
        if (lang.startsWith("zh")) {
          assertThat(text).contains(world.names.get(world.corrected), "等级: " + grade, "同类机构");
        } else {
          assertThat(text).contains(world.nameEn(world.corrected), "Grade: " + grade);
        }
        PDPage page = document.getPage(0);
        for (var name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        }
      }
    }
  }
}
