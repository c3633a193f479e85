package cn.cpsx.portal.complaint;

import cn.cpsx.schemas.CodeLists;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;

/** Code → label in the viewer's language, for templates ({@code codes.label('reason', code)}). */
public class CodeLabels {

  public String label(String list, String code) {
    if (code == null) {
      return "";
    }
    CodeLists.Code entry = CodeLists.standard().codes(list).get(code);
    Locale locale = LocaleContextHolder.getLocale();
    return entry == null ? code : entry.label(locale);
  }
}
