package cn.cpsx.ingestion.soap;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.ingestion.IntakeError;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/** What a SOAP caller gets when the intake refuses its call before CXF reads it. */
class SoapFaultsTest {

  private final SoapFaults.Refusals refusals = new SoapFaults.Refusals();

  @Test
  void aCallWhileTheServiceStartsIsAServerFaultSayingToRetry() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();

    refusals.write(
        response,
        503,
        new IntakeError(
            null, "报送服务正在启动，请于 5 秒后重试", "The filing service is starting; retry in 5 seconds"));

    assertThat(response.getStatus()).as("a fault only reaches SOAP stacks as a 500").isEqualTo(500);
    assertThat(response.getContentType()).startsWith("text/xml");
    assertThat(response.getContentAsString(StandardCharsets.UTF_8))
        .contains(
            "<faultcode>soap:Server</faultcode>",
            "<faultstring>The filing service is starting; retry in 5 seconds</faultstring>",
            "<FilingFault xmlns=\"https://cpsx.cn/schemas/filing/v1/service\"><messageZh>");
  }

  @Test
  void aRefusedTokenIsTheCallersFault() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();

    refusals.write(response, 401, new IntakeError(null, "缺少令牌", "A bearer token is required"));

    assertThat(response.getStatus()).isEqualTo(500);
    assertThat(response.getContentAsString(StandardCharsets.UTF_8))
        .contains("<faultcode>soap:Client</faultcode>");
  }
}
