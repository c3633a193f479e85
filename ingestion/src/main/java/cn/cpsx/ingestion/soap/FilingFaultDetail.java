package cn.cpsx.ingestion.soap;

import cn.cpsx.schemas.Finding;
import cn.cpsx.schemas.Rule;
import javax.xml.stream.XMLStreamException;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.binding.soap.interceptor.SoapOutInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.Phase;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Gives every SOAP fault the WSDL's {@code FilingFault} detail (§4: faults carry the rule id and
 * both messages), including those CXF raises itself before the endpoint is reached: a message CXF
 * cannot read (not well-formed, not UTF-8, nested beyond its limit of 100 elements, …) is {@code
 * F001} with CXF's own words, which say where. A fault of ours already has its detail and is left
 * alone. A failure on our side (soap:Server) names no rule, since the filer broke none, but says so
 * in both languages.
 */
class FilingFaultDetail extends AbstractSoapInterceptor {

  static final String SERVICE_NAMESPACE = "https://cpsx.cn/schemas/filing/v1/service";

  FilingFaultDetail() {
    super(Phase.WRITE);
    addBefore(SoapOutInterceptor.class.getName());
  }

  @Override
  public void handleMessage(SoapMessage message) {
    if (!(message.getContent(Exception.class) instanceof Fault fault) || hasFilingFault(fault)) {
      return;
    }
    Element detail = fault.getOrCreateDetail();
    Document document = detail.getOwnerDocument();
    Element filingFault = document.createElementNS(SERVICE_NAMESPACE, "FilingFault");
    String reason = fault.getMessage() == null ? fault.toString() : fault.getMessage();
    if (isTheCallersFault(fault)) {
      Finding f001 = Finding.variant(Rule.F001, "soapUnreadable", null, null, reason);
      append(filingFault, "rule", f001.rule().name());
      append(filingFault, "messageZh", f001.messageZh());
      append(filingFault, "messageEn", f001.messageEn());
    } else {
      append(filingFault, "messageZh", "服务器内部错误，未作报送；请稍后重新提交。");
      append(
          filingFault,
          "messageEn",
          "An internal error on the regulator's side; nothing was filed. Submit again later.");
    }
    detail.appendChild(filingFault);
  }

  private static boolean hasFilingFault(Fault fault) {
    Element detail = fault.getDetail();
    return detail != null
        && detail.getElementsByTagNameNS(SERVICE_NAMESPACE, "FilingFault").getLength() > 0;
  }

  /** A message CXF could not read, or a call it could not map: the caller's, F001. */
  private static boolean isTheCallersFault(Fault fault) {
    for (Throwable t = fault; t != null; t = t.getCause()) {
      if (t instanceof XMLStreamException) {
        return true;
      }
    }
    return fault.getFaultCode() != null
        && fault
            .getFaultCode()
            .getLocalPart()
            .toLowerCase(java.util.Locale.ROOT)
            .contains("client");
  }

  private static void append(Element parent, String name, String text) {
    Element child = parent.getOwnerDocument().createElementNS(SERVICE_NAMESPACE, name);
    child.setTextContent(text);
    parent.appendChild(child);
  }
}
