package cn.cpsx.portal.rating;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.cpsx.portal.PortalSlice;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.server.ResponseStatusException;

/**
 * The rating review's controller behind the portal's real security configuration, with access
 * tokens decoded by a stand-in for Keycloak ({@link PortalSlice}): analysts read, only supervisors
 * request runs, what a supervisor sends is handed on as sent (period trimmed, their name as the
 * actor), and a refusal of the review comes back as its status. No server, no database.
 */
@WebMvcTest(RatingReviewController.class)
@Import(PortalSlice.class)
class RatingReviewControllerTest {

  @Autowired MockMvc mvc;

  @MockitoBean RatingReview review;

  @Test
  void anAnalystReadsTheRunsAsJson() throws Exception {
    when(review.runs(anyInt()))
        .thenReturn(
            List.of(
                new RatingReview.Run(
                    7,
                    "2026-Q3",
                    true,
                    OffsetDateTime.parse("2026-10-01T00:00:00Z"),
                    "supervisor",
                    OffsetDateTime.parse("2026-10-02T01:00:00Z"),
                    null,
                    64,
                    0)));

    mvc.perform(get("/regulator/api/rating-runs").header("Authorization", PortalSlice.ANALYST))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].id").value(7))
        .andExpect(jsonPath("$[0].period").value("2026-Q3"))
        // shown in Asia/Shanghai, whatever the database's zone
        .andExpect(jsonPath("$[0].requestedAt").value("2026-10-02T09:00:00+08:00"));
  }

  @Test
  void anAnalystMayNotRequestARun() throws Exception {
    mvc.perform(
            post("/regulator/ratings/runs")
                .header("Authorization", PortalSlice.ANALYST)
                .param("period", "2026-Q3"))
        .andExpect(status().isForbidden());

    verifyNoInteractions(review);
  }

  @Test
  void aSupervisorsRequestIsHandedOnTrimmedAndAnsweredWithTheRunsPage() throws Exception {
    when(review.requestRun("2026-Q3", "supervisor")).thenReturn(42L);

    mvc.perform(
            post("/regulator/ratings/runs")
                .header("Authorization", PortalSlice.SUPERVISOR)
                .param("period", "  2026-Q3 "))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/regulator/ratings?run=42"));

    verify(review).requestRun("2026-Q3", "supervisor");
  }

  @Test
  void aRefusedPeriodIsA400NamingWhy() throws Exception {
    when(review.requestRun(anyString(), anyString()))
        .thenThrow(
            new ResponseStatusException(
                HttpStatus.BAD_REQUEST, "期间应为 YYYY 或 YYYY-Qn / period must be YYYY or YYYY-Qn"));

    mvc.perform(
            post("/regulator/ratings/runs")
                .header("Authorization", PortalSlice.SUPERVISOR)
                .param("period", "2026-Q5"))
        .andExpect(status().isBadRequest());
  }

  @Test
  void aRequestWithoutAPeriodNeverReachesTheReview() throws Exception {
    mvc.perform(post("/regulator/ratings/runs").header("Authorization", PortalSlice.SUPERVISOR))
        .andExpect(status().isBadRequest());

    verifyNoInteractions(review);
  }

  @Test
  void anInstitutionCannotReadTheRegulatorsRatings() throws Exception {
    mvc.perform(get("/regulator/api/ratings?run=7").header("Authorization", PortalSlice.OFFICER))
        .andExpect(status().isForbidden());

    verifyNoInteractions(review);
  }

  @Test
  void anAnonymousScriptIsToldToAuthenticate() throws Exception {
    mvc.perform(get("/regulator/api/rating-runs"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().string(""));

    verify(review, org.mockito.Mockito.never()).ofRun(anyLong());
  }
}
