package cn.cpsx.portal;

import cn.cpsx.schemas.ReportingTime;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import tools.jackson.databind.JsonNode;

/**
 * A published figure as people read it, in every page's model as {@code figures}: {@code
 * figures.text(value)}. Decimals are written out in full (0.0000000000, 0.0000001234), never in the
 * scientific form BigDecimal and JSON decimal nodes print by default (0E-10, 1.234E-7). A published
 * time (ISO 8601 with offset and microseconds in the open data) reads as Beijing time to the
 * minute: {@code figures.time(value)}.
 */
@ControllerAdvice
public class FigureText {

  @ModelAttribute("figures")
  FigureText figures() {
    return this;
  }

  /** No figure: null, as a share with an empty denominator is published. */
  public boolean isNone(Object value) {
    return value == null
        || (value instanceof JsonNode node && (node.isNull() || node.isMissingNode()));
  }

  /** The figure's text; null (an empty denominator) as an em dash. */
  public String text(Object value) {
    if (value instanceof JsonNode node) {
      if (node.isNull() || node.isMissingNode()) {
        return "—";
      }
      return node.isNumber() ? node.decimalValue().toPlainString() : node.asString();
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return value == null ? "—" : value.toString();
  }

  /** A published ISO 8601 time as {@code yyyy-MM-dd HH:mm} in Beijing time; none as an em dash. */
  public String time(String isoOffsetDateTime) {
    if (isoOffsetDateTime == null || isoOffsetDateTime.isBlank()) {
      return "—";
    }
    return OffsetDateTime.parse(isoOffsetDateTime)
        .atZoneSameInstant(ReportingTime.ZONE)
        .format(MINUTES);
  }

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
}
