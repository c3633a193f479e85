package cn.cpsx.portal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import cn.cpsx.schemas.architecture.ModuleArchitectureTest;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;

class ArchitectureTest extends ModuleArchitectureTest {

  ArchitectureTest() {
    super("cn.cpsx.portal");
  }

  /**
   * What anyone may read without signing in (the public pages, open data, the published reports and
   * report cards) is built from published data only: nothing on that side reaches, even through
   * other classes, the services of the regulator's and institutions' areas. Public ratings live in
   * opendata; rating/ has no public part.
   */
  @Test
  void thePublicSideNeverReachesRegulatorOnlyServices() {
    noClasses()
        .that(servePublicPaths())
        .should()
        .transitivelyDependOnClassesThat()
        .resideInAnyPackage(
            "cn.cpsx.portal.audit..",
            "cn.cpsx.portal.complaint..",
            "cn.cpsx.portal.enforcement..",
            "cn.cpsx.portal.filing..",
            "cn.cpsx.portal.hotspot..",
            "cn.cpsx.portal.institution..",
            "cn.cpsx.portal.job..",
            "cn.cpsx.portal.rating..",
            "cn.cpsx.portal.security..")
        .check(classes);
  }

  /** Classes in publicsite/ and opendata/, and every controller with a path outside the areas. */
  private static DescribedPredicate<JavaClass> servePublicPaths() {
    return DescribedPredicate.describe(
        "serve the public side",
        javaClass ->
            javaClass.getPackageName().startsWith("cn.cpsx.portal.publicsite")
                || javaClass.getPackageName().startsWith("cn.cpsx.portal.opendata")
                || javaClass.getMethods().stream()
                    .flatMap(method -> method.getAnnotations().stream())
                    .flatMap(ArchitectureTest::paths)
                    .anyMatch(ArchitectureTest::isPublicPath));
  }

  private static Stream<String> paths(JavaAnnotation<?> annotation) {
    boolean mapping =
        Stream.of(
                GetMapping.class,
                PostMapping.class,
                PutMapping.class,
                DeleteMapping.class,
                RequestMapping.class)
            .anyMatch(type -> annotation.getRawType().isEquivalentTo(type));
    if (!mapping) {
      return Stream.empty();
    }
    return Stream.of("value", "path")
        .flatMap(name -> annotation.get(name).stream())
        .flatMap(value -> Arrays.stream((String[]) value));
  }

  private static boolean isPublicPath(String path) {
    return !path.startsWith("/regulator") && !path.startsWith("/institution");
  }
}
