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
    staysPlainJava().check(classes);
  }

  /**
   * The institutions' contract knows nothing of the regulator's search index: the index template,
   * the case document and personal-data masking live in the search module, which uses schemas.
   */
  @Test
  void theContractKnowsNothingOfTheSearchIndex() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("cn.cpsx.search..")
        .orShould()
        .resideInAnyPackage("cn.cpsx.schemas.search..", "cn.cpsx.schemas.privacy..")
        .check(classes);
  }
}
