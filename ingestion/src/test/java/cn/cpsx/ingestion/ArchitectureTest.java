package cn.cpsx.ingestion;

import cn.cpsx.schemas.architecture.ModuleArchitectureTest;

class ArchitectureTest extends ModuleArchitectureTest {

  ArchitectureTest() {
    super("cn.cpsx.ingestion");
  }
}
