package cn.cpsx.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingCheckTest {

  @Test
  void anAccountWithAPhoneNumberAndANameIsRefusedNamingBoth() {
    assertThat(MaskingCheck.personalData("消费者张伟（电话13812345678）反映信用卡年费未经告知即被扣收。"))
        .isNotEmpty()
        .anySatisfy(found -> assertThat(found).containsAnyOf("1234", "2345", "3456"))
        .anySatisfy(found -> assertThat("张伟").contains(found));
  }

  @Test
  void anAnonymisedAccountPasses() {
    assertThat(MaskingCheck.personalData("某消费者反映信用卡年费未经告知即被扣收，经调解，银行退还了全部年费。")).isEmpty();
  }
}
