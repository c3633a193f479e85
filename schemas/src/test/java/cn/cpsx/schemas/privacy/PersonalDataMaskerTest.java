package cn.cpsx.schemas.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PersonalDataMaskerTest {

  @Test
  void complainantFieldsKeepOnlyWhatIdentifiesNobody() {
    assertThat(PersonalDataMasker.name("张某某")).isEqualTo("张**");
    assertThat(PersonalDataMasker.phone("13800138000")).isEqualTo("138****8000");
    assertThat(PersonalDataMasker.idNumber("11010519491231002X")).isEqualTo("110105************");
  }

  @Test
  void aCaseRecordIsMaskedInEveryPersonalFieldAndOnlyThere() {
    JsonNode record =
        JsonMapper.shared()
            .readTree(
                """
                {"caseNo":"TS-1","region":"440300","amountInvolved":"13800138000",
                 "complainant":{"name":"张某某","phone":"13800138000","idNumber":"11010519491231002X",
                                "ageBand":"60_PLUS"},
                 "narrative":"客户张某某来电13800138000称年费被扣。"}
                """);

    JsonNode masked = PersonalDataMasker.caseRecord(record);

    assertThat(masked.at("/complainant/name").asString()).isEqualTo("张**");
    assertThat(masked.at("/complainant/phone").asString()).isEqualTo("138****8000");
    assertThat(masked.at("/complainant/idNumber").asString()).isEqualTo("110105************");
    assertThat(masked.at("/complainant/ageBand").asString()).isEqualTo("60_PLUS");
    assertThat(masked.get("narrative").asString()).isEqualTo("客户张**来电138****8000称年费被扣。");
    assertThat(masked.get("amountInvolved").asString()).isEqualTo("13800138000");
    assertThat(record.at("/complainant/name").asString()).as("original untouched").isEqualTo("张某某");
  }

  @Test
  void narrativeLosesIdsCardsPhonesAndNames() {
    String masked =
        PersonalDataMasker.narrative(
            "客户王小明称其身份证11010519491231002X名下信用卡6222021234567890128被盗刷，"
                + "请回电13912345678或010-87654321，邮箱wxm@example.com，联系人李先生。");

    assertThat(masked)
        .doesNotContain("11010519491231002X", "6222021234567890128", "13912345678")
        .doesNotContain("87654321", "wxm@example.com", "王小明")
        .contains("客户王**", "110105************", "***************0128", "139****5678")
        .contains("010-********", "w***@example.com", "联系人李先生");
  }

  @Test
  void numbersThatAreNotPersonalDataSurvive() {
    // A contract number that fails Luhn and an 18-digit number with a wrong ID check digit.
    String text = "合同编号6222021234567890127，流水号110105194912310021。";

    assertThat(PersonalDataMasker.narrative(text)).isEqualTo(text);
  }
}
