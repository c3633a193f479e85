package cn.cpsx.portal;

import cn.cpsx.portal.shell.PortalLanguage;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import tools.jackson.core.StreamWriteFeature;

/**
 * Chinese by default; {@code ?lang=en} or {@code ?lang=zh} switches and is remembered. Decimals in
 * JSON are written plain.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  @Bean
  LocaleResolver localeResolver() {
    return new PortalLanguage();
  }

  /**
   * Published shares and ranks have 10 decimals: JSON answers write them out (0.0000000000), never
   * as 0E-10, so every reader and script sees the same digits.
   */
  @Bean
  JsonMapperBuilderCustomizer plainDecimals() {
    return builder -> builder.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
    interceptor.setParamName(PortalLanguage.PARAM);
    registry.addInterceptor(interceptor);
  }
}
