package cn.cpsx.generator.institution;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.schemas.CodeLists;
import cn.cpsx.schemas.Uscc;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticInstitutionsTest {

  @Test
  void anyNumberWithValidUniqueUsccsAcrossEveryType() {
    List<Institution> institutions = SyntheticInstitutions.generate(1L, 500);
    assertThat(institutions).hasSize(500);
    assertThat(institutions).allMatch(i -> Uscc.isValid(i.uscc()));
    assertThat(institutions).extracting(Institution::uscc).doesNotHaveDuplicates();
    assertThat(institutions)
        .extracting(Institution::type)
        .containsAll(CodeLists.standard().codes(CodeLists.INSTITUTION_TYPE).keySet());
    assertThat(institutions).allMatch(i -> i.retailCustomers() > 0 && i.legalNameZh().length() > 4);
    assertThat(SyntheticInstitutions.generate(1L, 500)).isEqualTo(institutions);
  }

  @Test
  void theDemoRegistryIsReadAsShipped() {
    List<Institution> demo = InstitutionRegistry.demo();
    assertThat(demo).hasSize(64);
    assertThat(demo).allMatch(i -> Uscc.isValid(i.uscc()));
    assertThat(demo.getFirst().shortName()).isEqualTo("华夏国民银行");
  }
}
