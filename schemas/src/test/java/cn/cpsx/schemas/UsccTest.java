package cn.cpsx.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsccTest {

  @Test
  void acceptsTheSpecExampleWithItsCheckCharacter() {
    assertThat(Uscc.isValid("91110000710935732K")).isTrue();
  }

  @Test
  void rejectsAWrongCheckCharacter() {
    assertThat(Uscc.isValid("91110000710935732J")).isFalse();
  }

  @Test
  void rejectsLettersOutsideTheCharsetAndWrongLengths() {
    assertThat(Uscc.isValid("9111000071093573IK")).isFalse(); // I is not in the charset
    assertThat(Uscc.isValid("91110000710935732")).isFalse();
    assertThat(Uscc.isValid(null)).isFalse();
  }

  @Test
  void checkCharacterThirtyOneBecomesZero() {
    // Brute-force a body whose weighted sum is a multiple of 31: its check character must be '0'.
    String body = "91110000" + "000000000";
    for (char c : Uscc.CHARSET.toCharArray()) {
      String candidate = body.substring(0, 16) + c;
      int sum = 0;
      int[] w = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
      for (int i = 0; i < 17; i++) {
        sum += Uscc.CHARSET.indexOf(candidate.charAt(i)) * w[i];
      }
      if (sum % 31 == 0) {
        assertThat(Uscc.checkCharacter(candidate)).isEqualTo('0');
        return;
      }
    }
    throw new AssertionError("no body with sum ≡ 0 (mod 31) found in this family");
  }
}
