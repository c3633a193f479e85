package cn.cpsx.search;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import cn.cpsx.schemas.architecture.ModuleArchitectureTest;
import org.junit.jupiter.api.Test;

/**
 * The search module sits between the contract and the apps that index and search: it may use
 * schemas, never an app (the inherited rule), and stays plain Java like schemas, so batch-jobs and
 * the portal build and read the same document whatever they run on.
 */
class ArchitectureTest extends ModuleArchitectureTest {

  ArchitectureTest() {
    super("cn.cpsx.search");
  }

  @Test
  void theIndexSideStaysPlainJava() {
    staysPlainJava().check(classes);
  }

  /** The document is plain data: the client that sends it is the apps' business. */
  @Test
  void knowsNoElasticsearchClient() {
    noClasses().should().dependOnClassesThat().resideInAPackage("co.elastic..").check(classes);
  }
}
