package cn.cpsx.ingestion.filing;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a route's answer (a receipt, a status, a list, an error) as the JSON body of the HTTP
 * reply, with Jackson 3 like the rest of the project: times keep their {@code +08:00} offset in
 * ISO-8601. Camel's own JSON data format is the Jackson 2 line (its Jackson 3 module is not served
 * here), and one step that writes a value needs no data format at all.
 */
final class JsonAnswer {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private JsonAnswer() {}

  static void write(Exchange exchange) {
    Message message = exchange.getMessage();
    message.setBody(JSON.writeValueAsBytes(message.getBody()));
    message.setHeader(Exchange.CONTENT_TYPE, "application/json");
  }
}
