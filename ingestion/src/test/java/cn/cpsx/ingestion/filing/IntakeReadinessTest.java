package cn.cpsx.ingestion.filing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.ingestion.IntakeError;
import cn.cpsx.ingestion.security.RefusalAnswer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class IntakeReadinessTest {

  private final AtomicBoolean routesStarted = new AtomicBoolean();

  /** Stands for the SOAP channel's answer: a fault for POSTs under /services/. */
  private final RefusalAnswer soap =
      new RefusalAnswer() {
        @Override
        public boolean answers(HttpServletRequest request) {
          return request.getRequestURI().startsWith("/services/")
              && request.getMethod().equals("POST");
        }

        @Override
        public void write(HttpServletResponse response, int status, IntakeError error)
            throws IOException {
          response.setStatus(500);
          response.getWriter().write("<soap:Fault>" + status + " " + error.messageEn());
        }
      };

  private final IntakeReadiness readiness = new IntakeReadiness(routesStarted::get, List.of(soap));

  private MockHttpServletResponse post(String path, MockFilterChain chain) throws Exception {
    return send("POST", path, chain);
  }

  private MockHttpServletResponse send(String method, String path, MockFilterChain chain)
      throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    request.setRequestURI(path);
    MockHttpServletResponse response = new MockHttpServletResponse();
    readiness.doFilter(request, response, chain);
    return response;
  }

  @Test
  void aFilingSentWhileTheRoutesStartIsAskedToRetryAndHealthSaysSo() throws Exception {
    MockFilterChain chain = new MockFilterChain();

    MockHttpServletResponse response = post("/api/v1/filings", chain);

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("5");
    assertThat(response.getContentAsString(StandardCharsets.UTF_8))
        .contains("retry in 5 seconds", "请于 5 秒后重试");
    assertThat(chain.getRequest()).as("not passed on").isNull();
    assertThat(readiness.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
  }

  @Test
  void aSoapCallWhileTheRoutesStartGetsItsChannelsFaultSayingToRetry() throws Exception {
    MockFilterChain chain = new MockFilterChain();

    MockHttpServletResponse response = post("/services/filing", chain);

    assertThat(response.getStatus()).isEqualTo(500);
    assertThat(response.getHeader("Retry-After")).isEqualTo("5");
    assertThat(response.getContentAsString(StandardCharsets.UTF_8))
        .isEqualTo("<soap:Fault>503 The filing service is starting; retry in 5 seconds");
    assertThat(chain.getRequest()).as("not passed on").isNull();
  }

  @Test
  void theWsdlIsServedWhileTheRoutesStart() throws Exception {
    MockFilterChain chain = new MockFilterChain();

    assertThat(send("GET", "/services/filing", chain).getStatus()).isEqualTo(200);
    assertThat(chain.getRequest()).as("passed on").isNotNull();
  }

  @Test
  void onceTheRoutesRunEveryRequestPassesAndHealthNeverWaits() throws Exception {
    MockFilterChain health = new MockFilterChain();
    assertThat(post("/actuator/health", health).getStatus()).isEqualTo(200);
    assertThat(health.getRequest()).isNotNull();

    routesStarted.set(true);
    MockFilterChain filing = new MockFilterChain();
    assertThat(post("/api/v1/filings", filing).getStatus()).isEqualTo(200);
    assertThat(filing.getRequest()).as("passed on").isNotNull();
    assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
  }
}
