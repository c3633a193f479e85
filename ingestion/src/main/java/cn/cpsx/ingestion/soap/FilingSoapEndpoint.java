package cn.cpsx.ingestion.soap;

import cn.cpsx.ingestion.IntakeError;
import cn.cpsx.ingestion.filing.FilingEnvelope;
import cn.cpsx.ingestion.filing.FilingReceipt;
import cn.cpsx.ingestion.filing.FilingRejection;
import cn.cpsx.ingestion.filing.FilingReports;
import cn.cpsx.ingestion.filing.IncomingFiling;
import cn.cpsx.ingestion.security.AuthenticatedInstitution;
import cn.cpsx.ingestion.soap.generated.FilingFault;
import cn.cpsx.ingestion.soap.generated.FilingFault_Exception;
import cn.cpsx.ingestion.soap.generated.FilingPort;
import cn.cpsx.ingestion.soap.generated.FilingStatus;
import cn.cpsx.ingestion.soap.generated.FilingStatusRequest;
import cn.cpsx.ingestion.soap.generated.Finding;
import cn.cpsx.ingestion.soap.generated.Receipt;
import cn.cpsx.ingestion.soap.generated.SubmitFiling;
import cn.cpsx.schemas.FilingXml;
import jakarta.annotation.Resource;
import jakarta.jws.WebService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;
import java.io.ByteArrayOutputStream;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.w3c.dom.Element;

/**
 * SubmitFiling and GetFilingStatus of REPORTING-SPEC §4. The filing arrives as the XML document of
 * §3; it is stored as the bytes of that element (UTF-8) and validated like any XML filing. Refusals
 * become SOAP faults carrying the rule and both messages.
 */
@WebService(
    serviceName = "FilingService",
    portName = "FilingPort",
    targetNamespace = "https://cpsx.cn/schemas/filing/v1/service",
    endpointInterface = "cn.cpsx.ingestion.soap.generated.FilingPort",
    wsdlLocation = "classpath:wsdl/filing-service-v1.wsdl")
class FilingSoapEndpoint implements FilingPort {

  @Resource private WebServiceContext context;

  private final ProducerTemplate camel;
  private final FilingReports reports;

  FilingSoapEndpoint(ProducerTemplate camel, FilingReports reports) {
    this.camel = camel;
    this.reports = reports;
  }

  @Override
  public Receipt submitFiling(SubmitFiling parameters) throws FilingFault_Exception {
    String uscc = institution();
    byte[] xml = bytes(parameters.getAny());
    FilingEnvelope envelope =
        switch (FilingXml.read(xml)) {
          case FilingXml.Parsed parsed ->
              new FilingEnvelope(
                  parsed.filing().path("institution").asString(null),
                  parsed.filing().path("filingType").asString(null),
                  parsed.filing().path("mode").asString(null),
                  parsed.filing().path("period").asString(null));
          case FilingXml.Refused refused -> new FilingEnvelope(null, null, null, null);
        };
    IncomingFiling filing =
        new IncomingFiling(
            uscc, IncomingFiling.Channel.SOAP, IncomingFiling.Format.XML, null, envelope, xml);
    try {
      FilingReceipt receipt =
          camel.requestBody("direct:receive-filing", filing, FilingReceipt.class);
      Receipt answer = new Receipt();
      answer.setFilingId(receipt.filingId());
      answer.setReceivedAt(receipt.receivedAt().toString());
      answer.setSha256(receipt.sha256());
      answer.setStatus(receipt.status());
      return answer;
    } catch (CamelExecutionException e) {
      if (e.getCause() instanceof FilingRejection rejection) {
        throw fault(rejection.error());
      }
      throw e;
    }
  }

  @Override
  public FilingStatus getFilingStatus(FilingStatusRequest parameters) throws FilingFault_Exception {
    String filingId = parameters.getFilingId();
    var report =
        reports
            .find(filingId, institution())
            .orElseThrow(
                () ->
                    fault(
                        new IntakeError(
                            null,
                            "本机构没有编号为 " + filingId + " 的报送",
                            "This institution has no filing " + filingId)));
    FilingStatus status = new FilingStatus();
    status.setFilingId(report.filingId());
    status.setFilingType(report.filingType());
    status.setReceivedAt(report.receivedAt().toString());
    status.setSha256(report.sha256());
    status.setStatus(report.status());
    status.setStatusDetail(report.statusDetail());
    status.setRecordCount(report.recordCount());
    status.setAcceptedCount(report.acceptedCount());
    status.setRejectedCount(report.rejectedCount());
    for (var f : report.findings()) {
      Finding finding = new Finding();
      finding.setRule(f.rule());
      finding.setSeverity(f.severity());
      finding.setRecord(f.record());
      finding.setField(f.field());
      finding.setMessageZh(f.messageZh());
      finding.setMessageEn(f.messageEn());
      status.getFinding().add(finding);
    }
    return status;
  }

  private String institution() {
    HttpServletRequest request =
        (HttpServletRequest) context.getMessageContext().get(MessageContext.SERVLET_REQUEST);
    return AuthenticatedInstitution.of(request).uscc();
  }

  private static FilingFault_Exception fault(IntakeError error) {
    FilingFault fault = new FilingFault();
    fault.setRule(error.rule());
    fault.setMessageZh(error.messageZh());
    fault.setMessageEn(error.messageEn());
    return new FilingFault_Exception(
        (error.rule() == null ? "" : error.rule() + ": ") + error.messageEn(), fault);
  }

  private static byte[] bytes(Element filing) {
    if (filing == null) {
      return new byte[0];
    }
    try {
      var transformer = TransformerFactory.newInstance().newTransformer();
      transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      transformer.transform(new DOMSource(filing), new StreamResult(out));
      return out.toByteArray();
    } catch (TransformerException e) {
      throw new IllegalStateException(e);
    }
  }
}
