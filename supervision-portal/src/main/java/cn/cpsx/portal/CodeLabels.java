package cn.cpsx.portal;

import cn.cpsx.schemas.CodeLists;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Code → label in the viewer's language, in every page's model as {@code codes}: {@code
 * codes.label('reason', code)}.
 */
@ControllerAdvice
public class CodeLabels {

  private final PortalProperties portal;

  CodeLabels(PortalProperties portal) {
    this.portal = portal;
  }

  @ModelAttribute("codes")
  CodeLabels codes() {
    return this;
  }

  /** Portal-wide settings pages need, e.g. {@code portal.echarts}. */
  @ModelAttribute("portal")
  PortalProperties portal() {
    return portal;
  }

  public String label(String list, String code) {
    return label(list, code, LocaleContextHolder.getLocale());
  }

  /** The same in a given language, for work done off the request's thread (a streamed export). */
  public String label(String list, String code, Locale locale) {
    if (code == null) {
      return "";
    }
    if (CodeLists.PROVINCE.equals(list) && code.length() == 6) {
      code = code.substring(0, 2); // the index holds provinces as "440000"
    }
    CodeLists.Code entry = CodeLists.standard().codes(list).get(code);
    return entry == null ? code : entry.label(locale);
  }
}
