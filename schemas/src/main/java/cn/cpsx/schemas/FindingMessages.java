package cn.cpsx.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * The zh-CN and English text of each rule. Placeholders: {0} the field, {1}… rule-specific details.
 * Bundles are UTF-8 files so institutions' developers can read them as they are.
 */
final class FindingMessages {

  private static final Properties ZH = load("/messages/findings_zh_CN.properties");
  private static final Properties EN = load("/messages/findings_en.properties");

  private FindingMessages() {}

  static String zh(String key, String field, Object... args) {
    return format(ZH, Locale.SIMPLIFIED_CHINESE, key, field, args);
  }

  static String en(String key, String field, Object... args) {
    return format(EN, Locale.ENGLISH, key, field, args);
  }

  private static String format(
      Properties bundle, Locale locale, String key, String field, Object... args) {
    String pattern = bundle.getProperty(key);
    if (pattern == null) {
      throw new IllegalStateException("no message for " + key + " in " + locale);
    }
    Object[] all = new Object[args.length + 1];
    all[0] = field == null ? "" : field;
    System.arraycopy(args, 0, all, 1, args.length);
    return new MessageFormat(pattern, locale).format(all);
  }

  private static Properties load(String resource) {
    Properties properties = new Properties();
    try (InputStream in = FindingMessages.class.getResourceAsStream(resource)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
