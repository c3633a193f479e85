package cn.cpsx.ingestion.soap;

import cn.cpsx.ingestion.filing.FilingReports;
import jakarta.xml.ws.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Publishes the filing service at {@code /services/filing}; its WSDL at {@code ?wsdl}. */
@Configuration(proxyBeanMethods = false)
class SoapConfiguration {

  @Bean
  Endpoint filingSoapEndpoint(Bus bus, ProducerTemplate camel, FilingReports reports) {
    // On the bus, not only the endpoint: faults raised while CXF still reads the message need it.
    bus.getOutFaultInterceptors().add(new FilingFaultDetail());
    EndpointImpl endpoint = new EndpointImpl(bus, new FilingSoapEndpoint(camel, reports));
    endpoint.publish("/filing");
    return endpoint;
  }
}
