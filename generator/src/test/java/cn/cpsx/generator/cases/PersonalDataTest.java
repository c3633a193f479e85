package cn.cpsx.generator.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.schemas.CodeLists;
import cn.cpsx.schemas.ResidentId;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PersonalDataTest {

  @Test
  void residentIdsCarryAValidCheckCharacter() {
    Random random = new Random(3);
    for (int i = 0; i < 1000; i++) {
      assertThat(ResidentId.isValid(PersonalData.residentId(random))).isTrue();
    }
  }

  @Test
  void cardNumbersPassLuhn() {
    Random random = new Random(4);
    for (int i = 0; i < 1000; i++) {
      String card = PersonalData.cardNumber(random);
      int sum = 0;
      for (int k = card.length() - 1, alt = 0; k >= 0; k--, alt ^= 1) {
        int d = card.charAt(k) - '0';
        sum += alt == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
      }
      assertThat(sum % 10).as(card).isZero();
    }
  }

  @Test
  void everyTopicUsesCodesOfTheCodeLists() {
    CodeLists codes = CodeLists.standard();
    for (Topic topic : Topics.ALL) {
      assertThat(codes.contains(CodeLists.BUSINESS_CATEGORY, topic.category()))
          .as(topic.template())
          .isTrue();
      assertThat(codes.contains(CodeLists.REASON, topic.reason())).as(topic.template()).isTrue();
      assertThat(codes.contains(CodeLists.DEMAND, topic.demand())).as(topic.template()).isTrue();
    }
    for (String type : codes.codes(CodeLists.INSTITUTION_TYPE).keySet()) {
      assertThat(Topics.categories(type).keySet()).allMatch(Topics.BY_CATEGORY::containsKey);
    }
  }
}
