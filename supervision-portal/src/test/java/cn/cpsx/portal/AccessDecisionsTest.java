package cn.cpsx.portal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.portal.AccessMatrix.Endpoint;
import cn.cpsx.portal.PortalEndpoints.Mapped;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The build fails when a controller maps an endpoint that has no access decision in {@link
 * AccessMatrix}, or when a row of the matrix no longer reaches any endpoint: no server, no Spring
 * context, the mappings read by Spring MVC's own {@code RequestMappingHandlerMapping} from the
 * controllers on the classpath. {@link AuthorizationMatrixIT} then calls every row as every role.
 */
class AccessDecisionsTest {

  final PortalEndpoints endpoints = PortalEndpoints.scanned();

  @Test
  void everyMappedEndpointHasAnAccessDecision() {
    assertThat(endpoints.all()).as("the controllers' endpoints").hasSizeGreaterThan(50);

    assertThat(undecided(AccessMatrix.rows()))
        .as("endpoints without an access decision: add a row to AccessMatrix for each")
        .isEmpty();
  }

  @Test
  void anEndpointWhoseRowIsTakenOutIsReportedUndecided() {
    List<Endpoint> withoutPreviewPdf =
        AccessMatrix.rows().stream()
            .filter(row -> !row.path().equals("/regulator/reports/999999999.pdf"))
            .toList();

    assertThat(undecided(withoutPreviewPdf))
        .extracting(m -> m.method() + " " + m.pattern())
        .containsExactly("GET /regulator/reports/{id}.pdf");
  }

  @Test
  void everyRowOfTheMatrixReachesAnEndpoint() {
    assertThat(AccessMatrix.rows())
        .allSatisfy(row -> assertThat(served(row)).as("the endpoint %s reaches", row).isPresent());
  }

  private List<Mapped> undecided(List<Endpoint> rows) {
    return endpoints.all().stream()
        .filter(m -> !AccessMatrix.NOT_CALLED.containsKey(m.method() + " " + m.pattern()))
        .filter(m -> rows.stream().noneMatch(row -> reaches(row, m)))
        .toList();
  }

  private Optional<Mapped> served(Endpoint row) {
    return endpoints.serving(row.method(), AccessMatrix.path(row, AccessMatrix.EXAMPLES));
  }

  private boolean reaches(Endpoint row, Mapped mapped) {
    return served(row)
        .filter(s -> s.method().equals(mapped.method()) && s.pattern().equals(mapped.pattern()))
        .isPresent();
  }
}
