package cn.cpsx.search.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PersonalDataMaskerTest {

  @Test
  void complainantFieldsKeepOnlyWhatIdentifiesNobody() {
    assertThat(PersonalDataMasker.name("张某某")).isEqualTo("张**");
    assertThat(PersonalDataMasker.name("欧阳娜娜")).isEqualTo("欧阳**");
    assertThat(PersonalDataMasker.phone("13800138000")).isEqualTo("138****8000");
    assertThat(PersonalDataMasker.idNumber("11010519491231002X")).isEqualTo("110105************");
  }

  @Test
  void aComplainantNameWrittenApartAndAPassportNumberKeepNoMoreThanTheirFirstPart() {
    assertThat(PersonalDataMasker.name("陈 小 明")).isEqualTo("陈**");
    assertThat(PersonalDataMasker.name("欧阳-娜娜")).isEqualTo("欧阳**");
    assertThat(PersonalDataMasker.idNumber("E12345678")).isEqualTo("E********");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "+86 138 0013 8000", "１３８００１３８０００", "138-0013-8000", "0086 13800138000",
        "(010)87654321", "（０１０）８７６５４３２１", "010 8765 4321转123", "1380013800"
      })
  void aComplainantPhoneKeepsNoSubscriberDigitsHoweverWritten(String phone) {
    assertThat(PersonalDataMasker.phone(phone))
        .doesNotContain("13800138000", "0013", "87654321", "8765", "1380013800");
  }

  @Test
  void aComplainantIdNumberWrittenInFullWidthOrGroupsIsMaskedToo() {
    assertThat(PersonalDataMasker.idNumber("１１０１０５ １９４９１２３１ ００２ｘ")).isEqualTo("110105************");
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

  @ParameterizedTest(name = "mobile written as {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          请回电13800138000。           | 请回电138****8000。
          请回电１３８００１３８０００。 | 请回电138****8000。
          请回电1３8００13８000。       | 请回电138****8000。
          请回电138 0013 8000。         | 请回电138****8000。
          请回电138-0013-8000。         | 请回电138****8000。
          请回电138.0013.8000。         | 请回电138****8000。
          请回电138　0013　8000。       | 请回电138****8000。
          请回电１３８－００１３－８０００。 | 请回电138****8000。
          请回电+86 138 0013 8000。     | 请回电138****8000。
          请回电+8613800138000。        | 请回电138****8000。
          请回电0086-13800138000。      | 请回电138****8000。
          请回电86-138-0013-8000。      | 请回电138****8000。
          手机13800138000被盗用         | 手机138****8000被盗用
          """)
  void mobileNumbersAreMaskedInEveryWrittenFormPrefixIncluded(String text, String expected) {
    assertThat(PersonalDataMasker.narrative(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "landline written as {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          座机010-87654321。         | 座机010-********。
          座机(010)87654321。        | 座机010-********。
          座机（０１０）８７６５４３２１。 | 座机010-********。
          座机(0755) 2345 6789。     | 座机0755-********。
          座机0571-8765432转8023。   | 座机0571-*******。
          座机021-6234-5678-123。    | 座机021-********。
          座机+86 10 8765 4321。     | 座机010-********。
          座机02887654321已停机      | 座机028-********已停机
          电话：8765-4321。          | 电话：********。
          """)
  void landlinesAreMaskedWithBracketsPrefixesAndExtensions(String text, String expected) {
    assertThat(PersonalDataMasker.narrative(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "resident ID written as {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          身份证11010519491231002X。            | 身份证110105************。
          身份证11010519491231002x。            | 身份证110105************。
          身份证110105 19491231 002X。          | 身份证110105************。
          身份证110105-19491231-002x。          | 身份证110105************。
          身份证１１０１０５１９４９１２３１００２Ｘ。 | 身份证110105************。
          号码11010519491231002X的持有人        | 号码110105************的持有人
          """)
  void residentIdsAreMaskedInEveryWrittenForm(String text, String expected) {
    assertThat(PersonalDataMasker.narrative(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "card written as {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          卡号6222021234567890128被盗刷       | 卡号***************0128被盗刷
          卡号6222 0212 3456 7890 128被盗刷   | 卡号***************0128被盗刷
          卡号6222-0212-3456-7890-128被盗刷   | 卡号***************0128被盗刷
          卡号６２２２０２１２３４５６７８９０１２８被盗刷 | 卡号***************0128被盗刷
          """)
  void bankCardsAreMaskedInEveryWrittenForm(String text, String expected) {
    assertThat(PersonalDataMasker.narrative(text)).isEqualTo(expected);
  }

  @Test
  void eMailAddressesInFullWidthOrUpperCaseAreMasked() {
    assertThat(PersonalDataMasker.narrative("邮箱ｗｘｍ＠ｅｘａｍｐｌｅ．ｃｏｍ已回复"))
        .isEqualTo("邮箱w***@example.com已回复");
    assertThat(PersonalDataMasker.narrative("邮箱WXM99@QQ.COM")).isEqualTo("邮箱W***@QQ.COM");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          投诉人王小明反映年费被扣。      | 投诉人王**反映年费被扣。
          来信人：欧阳娜娜，称理财未兑付。 | 来信人：欧阳**，称理财未兑付。
          车主邬建国称保险理赔被拒。      | 车主邬**称保险理赔被拒。
          持卡人司马静琪称卡被盗刷。      | 持卡人司马**称卡被盗刷。
          本人覃秀兰，身份证丢失。        | 本人覃**，身份证丢失。
          我叫诸葛天，在网点办理业务。    | 我叫诸葛*，在网点办理业务。
          来访者自称阙小龙，要求退款。    | 来访者自称阙**，要求退款。
          据王伟本人反映，扣款未告知。    | 据王*本人反映，扣款未告知。
          鲍冬梅女士来电反映。            | 鲍**女士来电反映。
          其妻子刘晓燕代为投诉。          | 其妻子刘**代为投诉。
          上官婉儿的女儿代为来电。        | 上官**的女儿代为来电。
          【投诉人】辛子怡，卡被冻结。    | 【投诉人】辛**，卡被冻结。
          贾宝玉称年费被扣。              | 贾**称年费被扣。
          """)
  void namesAreFoundAfterLabelsInTheFirstPersonAndBeforeHonorifics(String text, String expected) {
    assertThat(PersonalDataMasker.narrative(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "金额12,345.67元，于2026年6月19日扣款。",
        "2026-06-19扣款3800元，共12期，年利率4.35%。",
        "合同编号HT0829129477，订单号DD20261126123456。",
        "尾号1234的信用卡，请拨打95588或12378，或400-820-8888。",
        "流水号110105194912310021。",
        "合同编号6222021234567890127。",
        "在王府井支行办理，转张家口分行，司马台景区附近。",
        "客户经理称黄金积存业务由平安银行代销。",
        "联系人李先生，王经理未回电。",
        "工单号84853080已转高新区支行。"
      })
  void lookAlikesSurvive(String text) {
    assertThat(PersonalDataMasker.narrative(text)).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          身份证110105194912310021，卡被冻结。           | 身份证110105************，卡被冻结。
          申请人（身份证号码：510104 19880808 2416）要求 | 申请人（身份证号码：510104************）要求
          身份证号：110105491231002，系首代证件。         | 身份证号：110105*********，系首代证件。
          银行卡6222 0212 3456 7890 123被盗刷            | 银行卡***************0123被盗刷
          信用卡号 4392 2500 1234 5678 被冻结            | 信用卡号 ************5678 被冻结
          账号6212261202011584349已挂失                  | 账号***************4349已挂失
          客户存折账号：110060224018000123456，被挪用。  | 客户存折账号：*****************3456，被挪用。
          信用卡号：5187 1812 3456 7，少写一位。         | 信用卡号：*********4567，少写一位。
          身份证号码：11010519491231002，缺校验位。      | 身份证号码：110105***********，缺校验位。
          手机号：139-1234-567，少一位。                 | 手机号：**********，少一位。
          客服电话4008208888，或电话95588。              | 客服电话4008208888，或电话95588。
          """)
  void aMistypedIdOrCardNumberStillIdentifiesItsHolder(String text, String expected) {
    assertThat(PersonalDataMasker.narrative(text)).isEqualTo(expected);
  }

  @Test
  void aNumberReadOutInChineseNumeralsIsMaskedLikeDigits() {
    assertThat(PersonalDataMasker.narrative("投诉人手机是一三八一二三四五六七八，请回电。"))
        .isEqualTo("投诉人手机是138****5678，请回电。");
    assertThat(PersonalDataMasker.narrative("电话幺三九零零零零幺幺幺幺。")).isEqualTo("电话139****1111。");
    assertThat(PersonalDataMasker.narrative("第一二期分期，三五天内到账。")).isEqualTo("第一二期分期，三五天内到账。");
    assertThat(PersonalDataMasker.narrative("手机壹叁捌零零壹叁捌零零零，谢谢。")).isEqualTo("手机138****8000，谢谢。");
    assertThat(PersonalDataMasker.narrative("退还年费壹佰贰拾元整。")).isEqualTo("退还年费壹佰贰拾元整。");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          投诉人阿卜杜拉·买买提提出理赔申请被拒。 | 投诉人阿***·***提出理赔申请被拒。
          客户买买提·艾力称其银行卡被锁定。        | 客户买**·**称其银行卡被锁定。
          古丽娜扎尔·拜合提亚尔反映贷款问题。      | 古****·*****反映贷款问题。
          其丈夫扎西·多吉代为来电。                | 其丈夫扎*·**代为来电。
          投诉人：买买提·艾力，联系电话见附件。     | 投诉人：买**·**，联系电话见附件。
          客户热合曼·阿不都热依木来电反映。         | 客户热**·******来电反映。
          涉及人员：张三丰、李四光、王五洲。        | 涉及人员：张**、李**、王**。
          催收员赵铁柱和钱金花多次上门。            | 催收员赵**和钱**多次上门。
          """)
  void namesWithAMiddleDotOrInAListAreMaskedWhole(String text, String expected) {
    assertThat(PersonalDataMasker.narrative(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          He said his name is Zhang Wei and asked for a refund.   | He said his name is Zhang *** and asked for a refund.
          The complainant, Wang Fang, called on 3 May.             | The complainant, Wang ****, called on 3 May.
          Customer Li Ming complained about the fee.               | Customer Li **** complained about the fee.
          Card holder OUYANG Nana lost her card.                   | Card holder OUYANG **** lost her card.
          客户名叫 Chen Xiao Ming，称被误导。                       | 客户名叫 Chen **** ****，称被误导。
          The complainant John Smith asked for a refund.           | The complainant John ***** asked for a refund.
          """)
  void namesInLatinLettersAreMaskedPastTheFirstWord(String text, String expected) {
    assertThat(PersonalDataMasker.narrative(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "Mr. Zhang from the Hong Kong branch of Ping An said so.",
        "Customer Service Department replied on Monday.",
        "The Bank of China Card Center froze the card.",
        "京东·白条的分期利率过高。",
        "交易流水号：230103195702166760，合同编号6222021234567890127。"
      })
  void latinWordsProductsAndLabelledSerialNumbersSurvive(String text) {
    assertThat(PersonalDataMasker.narrative(text)).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          客户陈 小 明来电称卡被盗刷。              | 客户陈**来电称卡被盗刷。
          投诉人：王-晓-燕，要求退还年费。          | 投诉人：王**，要求退还年费。
          客户（姓名：吴 芳）反映。                 | 客户（姓名：吴*）反映。
          来电人自称诸葛 亮，称是客户的哥哥。       | 来电人自称诸葛*，称是客户的哥哥。
          姓名 张三丰 性别 男                       | 姓名 张** 性别 男
          代理人赵敏称其母亲孙桂英购买理财。        | 代理人赵*称其母亲孙**购买理财。
          我老公张磊的手机被人拿去注册了。          | 我老公张*的手机被人拿去注册了。
          王小明和他的妻子李红都是我行客户。        | 王**和他的妻子李*都是我行客户。
          雷横投诉称ATM吞卡，张顺声称从未办理。     | 雷*投诉称ATM吞卡，张*声称从未办理。
          通过手机银行向王建华转账5万元。           | 通过手机银行向王**转账5万元。
          韩立新、韩小军父子来访。                  | 韩**、韩**父子来访。
          保证人冯国强，经手人褚海涛。              | 保证人冯**，经手人褚**。
          于思远女士称，理赔申请被拒。              | 于**女士称，理赔申请被拒。
          收件人蒋文博，15011112222。               | 收件人蒋**，150****2222。
          客户 Chen Xiaoming（陈晓明）称被误导。    | 客户 Chen ********（陈**）称被误导。
          """)
  void namesWrittenApartOrRunIntoTheWordAfterThemAreMaskedAndTheWordKept(
      String text, String expected) {
    assertThat(PersonalDataMasker.narrative(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          请联系我138\\n0013 8000，谢谢。         | 请联系我138****8000，谢谢。
          卡号6222 0212\\n3456 7890 128被盗刷。   | 卡号***************0128被盗刷。
          身份证号11010519\\n491231002X。         | 身份证号110105************。
          手机一三九 一二三四 五六七八，请回电。 | 手机139****5678，请回电。
          电话是1391234五六七八。                | 电话是139****5678。
          手机号138 OO13 8000                    | 手机号138****8000
          手机号码1380013800O                    | 手机号码138****8000
          call +852 9123 4567 please             | call *********** please
          电话：010 87654321/87654322            | 电话：010-********/********
          """)
  void numbersSplitOverLinesSpeltOrMistypedWithLettersAreMasked(String text, String expected) {
    // The table writes a line break inside a number as \n.
    assertThat(PersonalDataMasker.narrative(text.replace("\\n", "\n"))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          邮箱lina_1988 at qq dot com，请回复。 | 邮箱l***@qq.com，请回复。
          邮箱地址是 wang.lei(at)sina.com。     | 邮箱地址是 w***@sina.com。
          邮箱lisi[at]gmail[dot]com             | 邮箱l***@gmail.com
          我的邮箱：zhangsan AT 163 DOT com     | 我的邮箱：z***@163.com
          邮箱是wangwu艾特qq点com               | 邮箱是w***@qq.com
          回复到邮箱liuyang#126.com（#换成@）   | 回复到邮箱l***@126.com（#换成@）
          邮箱：zhang@163（未写后缀）           | 邮箱：z***@163（未写后缀）
          邮箱zhangsan@163 .com                 | 邮箱z***@163.com
          """)
  void eMailAddressesSpeltOutOrMissingTheirEndingAreMasked(String text, String expected) {
    assertThat(PersonalDataMasker.narrative(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Customer Xiaoming Chen called.               | Customer ******** Chen called.
          My husband Zhou Jie's account was frozen.    | My husband Zhou ***'s account was frozen.
          Agent Sarah Johnson promised a refund.       | Agent Sarah ******* promised a refund.
          Mr. John Smith of the branch was rude.       | Mr. John ***** of the branch was rude.
          Name: LI, Xiaoming                           | Name: LI, ********
          XIAOMING LI called the hotline.              | ******** LI called the hotline.
          """)
  void namesInLatinLettersInEnglishOrderOrAfterATitleAreMasked(String text, String expected) {
    assertThat(PersonalDataMasker.narrative(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "全角数字和半角数字混用。",
        "相关编号申万宏源。",
        "购买了周周盈和季季红理财产品。",
        "在易方达基金官网查询不到持仓。",
        "经核实，客户于2024年5月办理转账。经查，经调查，曾多次致电客服热线。",
        "全国各地都有类似投诉。",
        "成功转账后余额转账，微信转账和支付宝转账。",
        "新华保险惠福宝，邮储银行邮益宝。",
        "我在龙湖天街的万象城刷卡消费。",
        "北京-上海航班延误险理赔，华夏银行-信用卡中心。",
        "I was at home. Me and my wife went to the bank at noon.",
        "我们在微博#银行投诉#发帖，O2O模式，iPhone15，Win10系统。",
        "Hang Seng Bank, Dong Guan branch, Chao Yang district, Bao An district.",
        "收益+5%，到账+3000元，Mr. Zhang and Ms. Li."
      })
  void wordsProductsAndPlacesThatLookLikeNamesOrNumbersSurvive(String text) {
    assertThat(PersonalDataMasker.narrative(text)).isEqualTo(text);
  }
}
