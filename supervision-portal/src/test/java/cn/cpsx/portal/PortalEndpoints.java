package cn.cpsx.portal;

import java.lang.reflect.Method;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The portal's endpoints as Spring MVC maps them: read from a {@link RequestMappingHandlerMapping}
 * (the running app's, or one built here from the controllers on the classpath, without starting
 * anything), and which of them serves a given request, chosen the way the dispatcher chooses.
 */
final class PortalEndpoints {

  /** One method and path pattern of a mapping; {@code ANY} when the mapping names no method. */
  record Mapped(String method, String pattern, String handler) {
    @Override
    public String toString() {
      return method + " " + pattern + " (" + handler + ")";
    }
  }

  /** Each mapping and the controller method it calls ({@code Controller.method}). */
  private final Map<RequestMappingInfo, String> mappings;

  private PortalEndpoints(Map<RequestMappingInfo, String> mappings) {
    this.mappings = mappings;
  }

  /** The endpoints of a running portal. */
  static PortalEndpoints of(RequestMappingHandlerMapping mapping) {
    Map<RequestMappingInfo, String> mappings = new LinkedHashMap<>();
    mapping
        .getHandlerMethods()
        .forEach(
            (info, handler) ->
                mappings.put(info, name(handler.getBeanType(), handler.getMethod())));
    return new PortalEndpoints(mappings);
  }

  /**
   * The endpoints every {@code @Controller} of the portal declares, mapped by a {@link
   * RequestMappingHandlerMapping} exactly as the app's would map them, but with no bean created.
   */
  static PortalEndpoints scanned() {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
    DeclaredMappings declared = new DeclaredMappings();
    Map<RequestMappingInfo, String> mappings = new LinkedHashMap<>();
    for (BeanDefinition candidate :
        scanner.findCandidateComponents(PortalApplication.class.getPackageName())) {
      Class<?> controller =
          ClassUtils.resolveClassName(
              candidate.getBeanClassName(), PortalEndpoints.class.getClassLoader());
      MethodIntrospector.selectMethods(
              controller,
              (MethodIntrospector.MetadataLookup<RequestMappingInfo>)
                  method -> declared.mappingOf(method, controller))
          .forEach((method, info) -> mappings.put(info, name(controller, method)));
    }
    return new PortalEndpoints(mappings);
  }

  /** Every (method, pattern) pair, in a stable order. */
  List<Mapped> all() {
    TreeSet<Mapped> all =
        new TreeSet<>(Comparator.comparing(Mapped::pattern).thenComparing(Mapped::method));
    mappings.forEach(
        (info, handler) -> {
          List<String> methods =
              info.getMethodsCondition().getMethods().isEmpty()
                  ? List.of("ANY")
                  : info.getMethodsCondition().getMethods().stream()
                      .map(RequestMethod::name)
                      .toList();
          for (String pattern : info.getPatternValues()) {
            for (String method : methods) {
              all.add(new Mapped(method, pattern, handler));
            }
          }
        });
    return new ArrayList<>(all);
  }

  /**
   * The endpoint that serves {@code method pathAndQuery}, as the dispatcher picks it: the most
   * specific of the mappings whose conditions (method, path, parameters) the request meets.
   */
  Optional<Mapped> serving(String method, String pathAndQuery) {
    MockHttpServletRequest request =
        MockMvcRequestBuilders.request(HttpMethod.valueOf(method), URI.create(pathAndQuery))
            .buildRequest(new MockServletContext());
    ServletRequestPathUtils.parseAndCache(request);
    // each match is the mapping narrowed to this request (its matching pattern first)
    Map<RequestMappingInfo, String> matching = new LinkedHashMap<>();
    mappings.forEach(
        (info, handler) -> {
          RequestMappingInfo match = info.getMatchingCondition(request);
          if (match != null) {
            matching.put(match, handler);
          }
        });
    return matching.entrySet().stream()
        .min((a, b) -> a.getKey().compareTo(b.getKey(), request))
        .map(
            best ->
                new Mapped(
                    best.getKey().getMethodsCondition().getMethods().isEmpty() ? "ANY" : method,
                    best.getKey().getPatternValues().iterator().next(),
                    best.getValue()));
  }

  private static String name(Class<?> controller, Method method) {
    return ClassUtils.getUserClass(controller).getSimpleName() + "." + method.getName();
  }

  /** Spring MVC's own reading of the mapping annotations, without an application around it. */
  private static final class DeclaredMappings extends RequestMappingHandlerMapping {
    DeclaredMappings() {
      afterPropertiesSet();
    }

    @Override
    protected void initHandlerMethods() {
      // nothing to detect: mappings are read per controller class by mappingOf
    }

    RequestMappingInfo mappingOf(Method method, Class<?> controller) {
      return getMappingForMethod(method, controller);
    }
  }
}
