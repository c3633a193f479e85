package cn.cpsx.ingestion.soap;

import cn.cpsx.ingestion.IntakeError;
import cn.cpsx.ingestion.security.RefusalAnswer;
import cn.cpsx.schemas.Finding;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * What refuses a SOAP call before CXF reads it (the size and format filters, and the security
 * layer's 401/403) shares: which requests are calls, and the SOAP 1.1 fault with the WSDL's {@code
 * FilingFault} detail (rule, messageZh, messageEn) they answer with.
 */
final class SoapFaults {

  private SoapFaults() {}

  /** A call to the SOAP endpoint (the WSDL and other GETs are not calls). */
  static boolean isSoapCall(HttpServletRequest request) {
    return request.getRequestURI().startsWith("/services/") && "POST".equals(request.getMethod());
  }

  static void write(HttpServletResponse response, int status, Finding finding) throws IOException {
    write(
        response,
        status,
        new IntakeError(finding.rule().name(), finding.messageZh(), finding.messageEn()));
  }

  /** A soap:Client fault; the detail names no rule when none applies (e.g. a missing token). */
  static void write(HttpServletResponse response, int status, IntakeError error)
      throws IOException {
    write(response, status, "soap:Client", error);
  }

  private static void write(
      HttpServletResponse response, int status, String faultCode, IntakeError error)
      throws IOException {
    response.setStatus(status);
    response.setContentType("text/xml;charset=UTF-8");
    String rule = error.rule() == null ? "" : "<rule>" + error.rule() + "</rule>";
    response
        .getOutputStream()
        .write(
            ("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                    + "<soap:Fault><faultcode>"
                    + faultCode
                    + "</faultcode><faultstring>"
                    + (error.rule() == null ? "" : error.rule() + ": ")
                    + HtmlUtils.htmlEscape(error.messageEn())
                    + "</faultstring><detail><FilingFault xmlns=\"https://cpsx.cn/schemas/filing/v1/service\">"
                    + rule
                    + "<messageZh>"
                    + HtmlUtils.htmlEscape(error.messageZh())
                    + "</messageZh><messageEn>"
                    + HtmlUtils.htmlEscape(error.messageEn())
                    + "</messageEn></FilingFault></detail></soap:Fault></soap:Body></soap:Envelope>")
                .getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The security layer's 401/403 and the 503 while the routes start, for SOAP calls: the same
   * fault, not REST's JSON. Sent with HTTP 500 as SOAP 1.1's HTTP binding asks for every fault:
   * SOAP stacks (CXF, the JAX-WS RI, WCF) turn a 401, 403 or 503 into a transport error and never
   * show its body, so only a 500 reaches the caller as a fault. The refusal stays visible: {@code
   * WWW-Authenticate: Bearer} on a missing token, {@code Retry-After} while starting, and the
   * fault's texts. A 503 is the server's state, not the caller's mistake: a {@code soap:Server}
   * fault, which callers may retry.
   */
  @Component
  static class Refusals implements RefusalAnswer {

    @Override
    public boolean answers(HttpServletRequest request) {
      return isSoapCall(request);
    }

    @Override
    public void write(HttpServletResponse response, int status, IntakeError error)
        throws IOException {
      SoapFaults.write(
          response,
          HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
          status >= 500 ? "soap:Server" : "soap:Client",
          error);
    }
  }
}
