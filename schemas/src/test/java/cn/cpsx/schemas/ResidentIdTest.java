package cn.cpsx.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResidentIdTest {

  @Test
  void acceptsTheStandardExampleOfGbT11643() {
    assertThat(ResidentId.isValid("11010519491231002X")).isTrue();
    assertThat(ResidentId.isValid("11010519491231002x")).isTrue();
  }

  @Test
  void rejectsAWrongCheckDigit() {
    assertThat(ResidentId.isValid("110105194912310021")).isFalse();
  }
}
