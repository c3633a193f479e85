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

  @ModelAttribute("codes")
  CodeLabels codes() {
    return this;
  }

  public String label(String list, String code) {
    if (code == null) {
      return "";
    }
    CodeLists.Code entry = CodeLists.standard().codes(list).get(code);
    Locale locale = LocaleContextHolder.getLocale();
    return entry == null ? code : entry.label(locale);
  }
}
