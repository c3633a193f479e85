package cn.cpsx.schemas.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The structure rules every CPSX module checks itself with: a module's {@code ArchitectureTest}
 * extends this class with its root package and adds its own rules. Shipped to the other modules as
 * schemas' test-jar.
 */
public abstract class ModuleArchitectureTest {

  /** The root package of each deployable app and of the generator. */
  public static final List<String> APP_ROOTS =
      List.of("cn.cpsx.ingestion", "cn.cpsx.batch", "cn.cpsx.portal", "cn.cpsx.generator");

  private final String rootPackage;

  /** The module's production classes, imported once per test class. */
  protected final JavaClasses classes;

  protected ModuleArchitectureTest(String rootPackage) {
    this.rootPackage = rootPackage;
    this.classes = mainClasses(rootPackage);
  }

  @Test
  void featurePackagesHaveNoCycles() {
    noPackageCycles(rootPackage).check(classes);
  }

  @Test
  void neverReachesAnotherAppsClasses() {
    staysOutOfOtherApps(rootPackage).check(classes);
  }

  /** The module's production classes under {@code rootPackage}, without its tests. */
  public static JavaClasses mainClasses(String rootPackage) {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
        .importPackages(rootPackage);
  }

  /**
   * No cycle between the feature packages directly under {@code rootPackage}; the classes of the
   * root package itself (the application class, shared configuration) count as one more slice, so a
   * feature that reaches back to the root is a cycle too.
   */
  public static ArchRule noPackageCycles(String rootPackage) {
    return slices().assignedFrom(featuresOf(rootPackage)).should().beFreeOfCycles();
  }

  /**
   * An app reaches another app only over the wire (HTTP, the shared database), never through its
   * classes; what two apps share lives in schemas (the contract) or search (the case index).
   * Checked by those two modules as well: they never reach any app.
   */
  public static ArchRule staysOutOfOtherApps(String rootPackage) {
    String[] others =
        APP_ROOTS.stream()
            .filter(root -> !root.equals(rootPackage))
            .map(root -> root + "..")
            .toArray(String[]::new);
    return noClasses()
        .that()
        .resideInAPackage(rootPackage + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(others)
        .as(rootPackage + " never reaches another app's classes");
  }

  /**
   * A library module (schemas, search) knows no Spring: every app uses it, whatever it runs on, and
   * its classes work without a context.
   */
  public static ArchRule staysPlainJava() {
    return noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.springframework..")
        .as("a library module stays plain Java (no Spring)");
  }

  private static SliceAssignment featuresOf(String rootPackage) {
    return new SliceAssignment() {
      @Override
      public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
        String name = javaClass.getPackageName();
        if (name.equals(rootPackage)) {
          return SliceIdentifier.of("(root) " + rootPackage);
        }
        if (!name.startsWith(rootPackage + ".")) {
          return SliceIdentifier.ignore();
        }
        String feature = name.substring(rootPackage.length() + 1).split("\\.", 2)[0];
        return SliceIdentifier.of(rootPackage + "." + feature);
      }

      @Override
      public String getDescription() {
        return "feature packages of " + rootPackage + " (and its root package)";
      }
    };
  }
}
