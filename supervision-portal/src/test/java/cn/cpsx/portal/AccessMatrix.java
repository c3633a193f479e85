package cn.cpsx.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who may call which portal endpoint, decided one by one: each row is a request (method, path with
 * placeholders for the fixture's own and foreign data) and the access it is given. {@link
 * AuthorizationMatrixIT} calls every row as every role; {@link AccessDecisionsTest} fails the build
 * when an endpoint the controllers map has no row (nor a reason in {@link #NOT_CALLED}), or a row
 * reaches no endpoint.
 */
final class AccessMatrix {

  private AccessMatrix() {}

  /** Mapped endpoints deliberately not in the matrix, each with the reason. */
  static final Map<String, String> NOT_CALLED =
      Map.of(
          "ANY /error",
          "the error page: the servlet container forwards a failed request there, and its answer"
              + " (status, page) is that request's, checked where each request is");

  /**
   * Values for the placeholders when no fixture is loaded: shaped like the fixture's, so a row
   * reaches the endpoint it will reach in {@link AuthorizationMatrixIT}.
   */
  static final Map<String, String> EXAMPLES =
      Map.of(
          "{foreignCaseNo}", "CASE-1",
          "{ownCaseNo}", "MATRIX-1",
          "{foreignCase}", "91110000770914530P/CASE-1",
          "{foreignFiling}", "F-20261202-1",
          "{ownFiling}", "FMATRIX-1",
          "{foreignUscc}", "91110000770914530P",
          "{draftReport}", "1",
          "{publicReport}", "2999-Q2",
          "{ratedCard}", "91110000770914530P/2026");

  /** A row's path with its placeholders filled from {@code values}. */
  static String path(Endpoint endpoint, Map<String, String> values) {
    String path = endpoint.path();
    for (Map.Entry<String, String> value : values.entrySet()) {
      path = path.replace(value.getKey(), value.getValue());
    }
    return path;
  }

  /** An endpoint and who may use it. */
  enum Access {
    REGULATOR,
    SUPERVISOR,
    INSTITUTION,
    INSTITUTION_FOREIGN,
    /** A regulator action on something that does not exist: regulators 404, everyone else 403. */
    REGULATOR_MISSING,
    /** A supervisor's decision on something that does not exist: supervisors 404, others 403. */
    SUPERVISOR_MISSING,
    /** A supervisor's form sent incomplete: supervisors 400 (checked), others 403 (not let in). */
    SUPERVISOR_BAD_REQUEST,
    /** A supervisor's action on something not in a state to allow it: supervisors 409. */
    SUPERVISOR_CONFLICT,
    /** A supervisor's action answered by a redirect to its page (redirect after POST). */
    SUPERVISOR_REDIRECT,
    /** A regulator's address that leads on to another page. */
    REGULATOR_REDIRECT,
    /** The public pages and open data (§12): everyone, signed in or not. */
    PUBLIC,
    /** The audit log and its hash chain: supervisors and administrators. */
    AUDITOR,
    /** The audit log asked with a bad day: auditors 400 (on the form), others 403. */
    AUDITOR_BAD_REQUEST,
    /**
     * An auditor's request, answered by a redirect to the page that shows it (POST-redirect-GET).
     */
    AUDITOR_REDIRECT
  }

  record Endpoint(String method, String path, Access access) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  static List<Endpoint> rows() {
    List<Endpoint> endpoints = new ArrayList<>();
    for (String path :
        List.of(
            "/regulator/cases",
            "/regulator/api/cases",
            "/regulator/trends?receivedFrom=2026-01-01",
            "/regulator/api/trends",
            "/regulator/deadlines",
            "/regulator/api/deadlines",
            "/regulator/cases/export.csv",
            "/regulator/cases/{foreignCase}",
            "/regulator/filings",
            "/regulator/filings/{foreignFiling}",
            "/regulator/hotspots",
            "/regulator/jobs",
            "/regulator/api/jobs",
            "/regulator/api/institutions?q=91",
            "/regulator/ratings",
            "/regulator/api/rating-runs",
            "/regulator/reports",
            "/regulator/api/reports",
            "/regulator/api/ratings?run=999999999",
            "/regulator/enforcement",
            "/regulator/api/enforcement")) {
      endpoints.add(new Endpoint("GET", path, Access.REGULATOR));
    }
    endpoints.add(new Endpoint("GET", "/regulator/audit", Access.AUDITOR));
    endpoints.add(
        new Endpoint("GET", "/regulator/audit?from=2026-13-01", Access.AUDITOR_BAD_REQUEST));
    endpoints.add(new Endpoint("GET", "/regulator/audit/chain", Access.AUDITOR));
    endpoints.add(new Endpoint("POST", "/regulator/audit/chain/verify", Access.AUDITOR_REDIRECT));
    endpoints.add(
        new Endpoint("POST", "/regulator/cases/{foreignCase}/reveal", Access.SUPERVISOR_REDIRECT));
    endpoints.add(
        new Endpoint("GET", "/regulator/cases/{foreignCase}/reveal", Access.REGULATOR_REDIRECT));
    endpoints.add(
        new Endpoint("POST", "/regulator/hotspots/999999999/dismiss", Access.REGULATOR_MISSING));
    endpoints.add(
        new Endpoint("POST", "/regulator/ratings/999999999/publish", Access.SUPERVISOR_MISSING));
    endpoints.add(new Endpoint("POST", "/regulator/ratings/runs", Access.SUPERVISOR_BAD_REQUEST));
    endpoints.add(new Endpoint("POST", "/regulator/enforcement", Access.SUPERVISOR_BAD_REQUEST));
    endpoints.add(new Endpoint("GET", "/regulator/reports/999999999", Access.REGULATOR_MISSING));
    endpoints.add(
        new Endpoint("GET", "/regulator/reports/999999999.pdf", Access.REGULATOR_MISSING));
    endpoints.add(new Endpoint("GET", "/regulator/ratings/999999999", Access.REGULATOR_MISSING));
    endpoints.add(
        new Endpoint(
            "POST", "/regulator/ratings/runs/999999999/publish", Access.SUPERVISOR_REDIRECT));
    // the form sent without its comment / points: checked only once the supervisor is let in
    endpoints.add(
        new Endpoint(
            "POST", "/regulator/ratings/999999999/send-back", Access.SUPERVISOR_BAD_REQUEST));
    endpoints.add(
        new Endpoint("POST", "/regulator/ratings/999999999/adjust", Access.SUPERVISOR_BAD_REQUEST));
    endpoints.add(
        new Endpoint(
            "POST", "/regulator/enforcement/999999999/publish", Access.SUPERVISOR_CONFLICT));
    endpoints.add(new Endpoint("POST", "/regulator/reports", Access.SUPERVISOR_BAD_REQUEST));
    for (String action : List.of("publish", "archive", "retry")) {
      endpoints.add(
          new Endpoint(
              "POST", "/regulator/reports/999999999/" + action, Access.SUPERVISOR_MISSING));
    }
    for (String kind : List.of("typical-cases", "alerts")) {
      endpoints.add(
          new Endpoint("POST", "/regulator/reports/" + kind, Access.SUPERVISOR_BAD_REQUEST));
      endpoints.add(
          new Endpoint(
              "POST",
              "/regulator/reports/" + kind + "/999999999/publish",
              Access.SUPERVISOR_MISSING));
    }
    endpoints.add(new Endpoint("GET", "/institution/ratings", Access.INSTITUTION));
    endpoints.add(new Endpoint("GET", "/institution/api/ratings", Access.INSTITUTION));
    endpoints.add(
        new Endpoint("POST", "/institution/ratings/999999999/accept", Access.INSTITUTION_FOREIGN));
    endpoints.add(
        new Endpoint(
            "POST", "/institution/ratings/999999999/objection", Access.INSTITUTION_FOREIGN));
    endpoints.add(new Endpoint("GET", "/institution/filings", Access.INSTITUTION));
    endpoints.add(new Endpoint("GET", "/institution/filings/{ownFiling}", Access.INSTITUTION));
    endpoints.add(new Endpoint("GET", "/institution/cases", Access.INSTITUTION));
    endpoints.add(new Endpoint("GET", "/institution/cases/{ownCaseNo}", Access.INSTITUTION));
    endpoints.add(
        new Endpoint("GET", "/institution/cases/{foreignCaseNo}", Access.INSTITUTION_FOREIGN));
    endpoints.add(
        new Endpoint("GET", "/institution/filings/{foreignFiling}", Access.INSTITUTION_FOREIGN));
    for (String path :
        List.of(
            "/",
            "/ratings",
            "/ratings/{foreignUscc}",
            "/methodology",
            "/open-data",
            "/api/open/v1/ratings",
            "/api/open/v1/ratings?format=csv",
            "/api/open/v1/ratings/{foreignUscc}",
            "/api/open/v1/enforcement",
            "/api/open/v1/statistics?period=2026",
            "/api/open/v1/reports",
            "/api/open/v1/reports?format=csv",
            "/api/open/v1/openapi.yaml",
            "/reports",
            "/reports/{publicReport}",
            "/reports/{publicReport}.pdf",
            "/reports/typical-cases",
            "/reports/alerts",
            "/ratings/{ratedCard}",
            "/ratings/{ratedCard}.pdf")) {
      endpoints.add(new Endpoint("GET", path, Access.PUBLIC));
    }
    return endpoints;
  }

  static int expected(String caller, Endpoint endpoint) {
    if (endpoint.access() == Access.PUBLIC) {
      return 200;
    }
    if (caller.equals("anonymous")) {
      // a POST without a session has no CSRF token either: refused before authentication
      return endpoint.method().equals("POST") ? 403 : 401;
    }
    Access access = endpoint.access();
    boolean regulator = caller.equals("analyst") || caller.equals("supervisor");
    boolean institution = caller.equals("officer") || caller.equals("institution-client");
    boolean auditor = caller.equals("supervisor") || caller.equals("admin");
    return switch (access) {
      case REGULATOR -> regulator ? 200 : 403;
      case SUPERVISOR -> caller.equals("supervisor") ? 200 : 403;
      case INSTITUTION -> institution ? 200 : 403;
      case INSTITUTION_FOREIGN -> institution ? 404 : 403;
      case REGULATOR_MISSING -> regulator ? 404 : 403;
      case SUPERVISOR_MISSING -> caller.equals("supervisor") ? 404 : 403;
      case SUPERVISOR_BAD_REQUEST -> caller.equals("supervisor") ? 400 : 403;
      case SUPERVISOR_CONFLICT -> caller.equals("supervisor") ? 409 : 403;
      case SUPERVISOR_REDIRECT -> caller.equals("supervisor") ? 302 : 403;
      case REGULATOR_REDIRECT -> regulator ? 302 : 403;
      case PUBLIC -> 200;
      case AUDITOR -> auditor ? 200 : 403;
      case AUDITOR_BAD_REQUEST -> auditor ? 400 : 403;
      case AUDITOR_REDIRECT -> auditor ? 302 : 403;
    };
  }
}
