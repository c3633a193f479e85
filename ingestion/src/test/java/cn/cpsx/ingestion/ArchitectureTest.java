package cn.cpsx.ingestion;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import cn.cpsx.schemas.architecture.ModuleArchitectureTest;
import org.junit.jupiter.api.Test;

class ArchitectureTest extends ModuleArchitectureTest {

  ArchitectureTest() {
    super("cn.cpsx.ingestion");
  }

  /**
   * Ingestion receipts and stores filings; the search index is batch-jobs' and the portal's. Its
   * POM does not declare the search module either: this keeps a transitive path from creeping in.
   */
  @Test
  void neverReachesTheSearchIndex() {
    noClasses().should().dependOnClassesThat().resideInAPackage("cn.cpsx.search..").check(classes);
  }
}
