package cn.cpsx.portal.publicsite;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.portal.PortalApi;
import cn.cpsx.portal.opendata.PublicFixtures;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The public pages without sign-in, in both languages, over {@link PublicFixtures}. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicPagesIT {

  @Autowired JdbcClient jdbc;
  PublicFixtures world;
  final PortalApi anonymous = PortalApi.anonymous();

  @BeforeAll
  void load() {
    world = PublicFixtures.load(jdbc);
  }

  @Test
  void everyPublicPageOpensWithoutSignInInBothLanguages() throws Exception {
    for (String lang : List.of("zh-CN", "en")) {
      for (String path :
          List.of(
              "/",
              "/ratings?period=" + world.period,
              "/ratings/" + world.corrected,
              "/ratings/" + world.draftOnly,
              "/methodology",
              "/open-data")) {
        String url = path + (path.contains("?") ? "&" : "?") + "lang=" + lang;
        HttpResponse<String> page = anonymous.get(url);
        assertThat(page.statusCode()).as(url).isEqualTo(200);
        assertThat(page.body()).as(url).contains("href=\"#content\"", "lang=\"" + lang);
      }
    }
    assertThat(anonymous.get("/ratings?lang=en").body()).contains("Integrity ratings");
    assertThat(anonymous.get("/ratings?lang=zh-CN").body()).contains("诚信评级");
  }

  @Test
  void theListShowsThePublishedRatingsOfThePeriodAndNoDraft() throws Exception {
    String body = anonymous.get("/ratings?period=" + world.period + "&lang=zh-CN").body();
    for (String uscc : world.published) {
      assertThat(body).contains(world.names.get(uscc));
    }
    assertThat(body)
        .doesNotContain(world.names.get(world.draftOnly), PublicFixtures.DRAFT_NAME)
        .contains("id=\"grade-table\"");
  }

  @Test
  void aCreditFileShowsEveryVersionCorrectionsAndNoDraft() throws Exception {
    String corrected = anonymous.get("/ratings/" + world.corrected + "?lang=en").body();
    assertThat(corrected).contains("superseded by a correction", "replaces version 1");
    assertThat(corrected)
        .contains("id=\"factor-table\"", "id=\"history-table\"", "id=\"category-table\"");

    String penalised = anonymous.get("/ratings/" + world.penalised + "?lang=en").body();
    assertThat(penalised)
        .contains("This action was corrected by", "Correction of", "caps the grade at C");

    String plain = anonymous.get("/ratings/" + world.plain + "?lang=zh-CN").body();
    assertThat(plain).doesNotContain(PublicFixtures.DRAFT_NAME, world.draftDecision, "草稿摘要");

    String draftOnly = anonymous.get("/ratings/" + world.draftOnly + "?lang=en").body();
    assertThat(draftOnly)
        .contains("No rating has been published")
        .doesNotContain(PublicFixtures.DRAFT_NAME);
  }

  @Test
  void anUnknownUsccIsA404Page() throws Exception {
    HttpResponse<String> page = anonymous.get("/ratings/91440300000000000X?lang=en");
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("Not found", "Search the ratings");
    assertThat(anonymous.get("/ratings/nonsense").statusCode()).isEqualTo(404);
  }

  @Test
  void theMethodologyRecomputesAPublishedRatingAndAgrees() throws Exception {
    String body = anonymous.get("/methodology?lang=en").body();
    assertThat(body)
        .contains("id=\"example-table\"", "Complaint intensity", "recompute_ratings.py");
    assertThat(body).doesNotContain("does not agree");
  }
}
