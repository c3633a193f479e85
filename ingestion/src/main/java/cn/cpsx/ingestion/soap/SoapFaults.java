package cn.cpsx.ingestion.soap;

import cn.cpsx.schemas.Finding;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.util.HtmlUtils;

/**
 * What the servlet filters that refuse a SOAP call before CXF reads it share: which requests are
 * calls, and the SOAP 1.1 fault with the WSDL's {@code FilingFault} detail (rule, messageZh,
 * messageEn) they answer with.
 */
final class SoapFaults {

  private SoapFaults() {}

  /** A call to the SOAP endpoint (the WSDL and other GETs are not calls). */
  static boolean isSoapCall(HttpServletRequest request) {
    return request.getRequestURI().startsWith("/services/") && "POST".equals(request.getMethod());
  }

  static void write(HttpServletResponse response, int status, Finding finding) throws IOException {
    response.setStatus(status);
    response.setContentType("text/xml;charset=UTF-8");
    String rule = finding.rule().name();
    response
        .getOutputStream()
        .write(
            ("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                    + "<soap:Fault><faultcode>soap:Client</faultcode><faultstring>"
                    + rule
                    + ": "
                    + HtmlUtils.htmlEscape(finding.messageEn())
                    + "</faultstring><detail><FilingFault xmlns=\"https://cpsx.cn/schemas/filing/v1/service\">"
                    + "<rule>"
                    + rule
                    + "</rule><messageZh>"
                    + HtmlUtils.htmlEscape(finding.messageZh())
                    + "</messageZh><messageEn>"
                    + HtmlUtils.htmlEscape(finding.messageEn())
                    + "</messageEn></FilingFault></detail></soap:Fault></soap:Body></soap:Envelope>")
                .getBytes(StandardCharsets.UTF_8));
  }
}
