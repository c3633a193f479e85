package cn.cpsx.generator.channel;

import cn.cpsx.generator.enforcement.EnforcementAction;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The supervision portal's regulator and institution endpoints, called with bearer tokens as a
 * script would (the portal's resource-server side; no CSRF token is needed for bearer requests).
 */
public final class Portal {

  private final Http http = new Http();
  private final String baseUrl;
  private final KeycloakTokens tokens;
  private final String supervisor;
  private final String supervisorPassword;

  public Portal(
      String baseUrl, KeycloakTokens tokens, String supervisor, String supervisorPassword) {
    this.baseUrl = baseUrl;
    this.tokens = tokens;
    this.supervisor = supervisor;
    this.supervisorPassword = supervisorPassword;
  }

  private String supervisorToken() {
    return tokens.user(supervisor, supervisorPassword);
  }

  /** GET /regulator/api/enforcement: every action, drafts included. */
  public JsonNode enforcementActions() {
    return http.getJson(baseUrl + "/regulator/api/enforcement", supervisorToken());
  }

  public void enterEnforcement(EnforcementAction a) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("uscc", a.uscc());
    form.put("decisionNo", a.decisionNo());
    form.put("decisionDate", a.decisionDate().toString());
    form.put("severity", a.severity());
    form.put("measure", a.measure());
    form.put("fineCny", a.fineCny() == null ? null : a.fineCny().toPlainString());
    form.put("legalBasis", a.legalBasis());
    form.put("summaryZh", a.summaryZh());
    form.put("summaryEn", a.summaryEn());
    Http.expect(postForm("/regulator/enforcement", form, supervisorToken()), 302, 303);
  }

  public void publishEnforcement(long id) {
    Http.expect(
        postForm("/regulator/enforcement/" + id + "/publish", Map.of(), supervisorToken()),
        302,
        303);
  }

  /** GET /regulator/api/rating-runs, newest first. */
  public JsonNode ratingRuns() {
    return http.getJson(baseUrl + "/regulator/api/rating-runs", supervisorToken());
  }

  /** Requests a run of the period; its id (from the redirect to the run's page). */
  public long requestRatingRun(String period) {
    HttpResponse<String> response =
        postForm("/regulator/ratings/runs", Map.of("period", period), supervisorToken());
    Http.expect(response, 302, 303);
    String location = response.headers().firstValue("Location").orElseThrow();
    return Long.parseLong(location.substring(location.indexOf("run=") + 4));
  }

  public void publishRatingRun(long run) {
    Http.expect(
        postForm("/regulator/ratings/runs/" + run + "/publish", Map.of(), supervisorToken()),
        302,
        303);
  }

  /** GET /regulator/api/reports: every integrity-report version, newest period first. */
  public JsonNode reportVersions() {
    return http.getJson(baseUrl + "/regulator/api/reports", supervisorToken());
  }

  /** Asks batch-jobs for a new report version of the period. */
  public void requestReport(String period) {
    Http.expect(
        postForm("/regulator/reports", Map.of("period", period), supervisorToken()), 302, 303);
  }

  public void publishReport(long id) {
    Http.expect(
        postForm("/regulator/reports/" + id + "/publish", Map.of(), supervisorToken()), 302, 303);
  }

  /** GET /institution/api/ratings as the institution. */
  public JsonNode ownRatings(String uscc) {
    return http.getJson(baseUrl + "/institution/api/ratings", tokens.institution(uscc));
  }

  public void acceptRating(String uscc, long id) {
    Http.expect(
        postForm("/institution/ratings/" + id + "/accept", Map.of(), tokens.institution(uscc)),
        302,
        303);
  }

  public void objectToRating(String uscc, long id, String reason) {
    Http.expect(
        postForm(
            "/institution/ratings/" + id + "/objection",
            Map.of("reason", reason),
            tokens.institution(uscc)),
        302,
        303);
  }

  private HttpResponse<String> postForm(String path, Map<String, String> form, String token) {
    return http.send(
        Http.request(baseUrl + path, token)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(form.isEmpty() ? HttpRequest.BodyPublishers.noBody() : Http.form(form))
            .build());
  }
}
