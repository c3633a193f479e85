package cn.cpsx.schemas;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import cn.cpsx.schemas.architecture.ModuleArchitectureTest;
import org.junit.jupiter.api.Test;

class ArchitectureTest extends ModuleArchitectureTest {

  ArchitectureTest() {
    super("cn.cpsx.schemas");
  }

  /** The contract every app uses stays plain Java (that it knows no app is the inherited rule). */
  @Test
  void theContractStaysPlainJava() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.springframework..")
        .check(classes);
  }
}
