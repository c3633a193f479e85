package cn.cpsx.batch;

import cn.cpsx.schemas.architecture.ModuleArchitectureTest;

class ArchitectureTest extends ModuleArchitectureTest {

  ArchitectureTest() {
    super("cn.cpsx.batch");
  }
}
