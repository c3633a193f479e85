package cn.cpsx.generator.cases;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The complaints the generator knows, by business category, and which categories each type of
 * institution hears about (weights). Codes are the code lists' own; a test checks every one of them
 * against {@code CodeLists}.
 */
final class Topics {

  static final List<Topic> ALL =
      List.of(
          new Topic(
              "DEPOSIT", "SERVICE_QUALITY", "APOLOGY", "客户到网点办理大额取款被要求提前预约，排队近两小时，对工作人员的服务态度不满。"),
          new Topic(
              "DEPOSIT",
              "FUNDS_SECURITY",
              "REFUND",
              "客户发现尾号{tail}的储蓄卡于{date}被异地盗刷{amount}元，本人卡片从未离身，要求银行承担损失。"),
          new Topic(
              "DEPOSIT", "DISCLOSURE", "EXPLANATION", "客户称大额存单提前支取时按活期计息，办理时未被告知，损失利息{amount}元。"),
          new Topic(
              "DEPOSIT", "OPERATIONS", "CORRECTION", "客户反映账户被银行以“风险排查”为由限制非柜面交易，多次补充材料后仍未解除。"),
          new Topic(
              "DEBIT_CARD", "OPERATIONS", "CORRECTION", "客户反映手机银行转账限额被无故调低，影响工资代发和日常还款，要求恢复原限额。"),
          new Topic(
              "DEBIT_CARD",
              "FREE_CHOICE",
              "CANCEL_CONTRACT",
              "客户办理借记卡时被要求捆绑开通短信通知和意外险，不开通即不予办卡，要求取消。"),
          new Topic("DEBIT_CARD", "FEES", "REFUND", "客户称借记卡被收取小额账户管理费和年费共计{amount}元，此前从未收到扣费通知。"),
          new Topic(
              "CREDIT_CARD", "FEES", "REFUND", "客户称信用卡年费{amount}元未经告知即被扣收，办卡时业务员承诺“终身免年费”，要求退还。"),
          new Topic(
              "CREDIT_CARD",
              "DEBT_COLLECTION",
              "APOLOGY",
              "客户反映催收人员多次在夜间拨打其亲属和单位电话，言语威胁，要求停止骚扰并道歉。"),
          new Topic(
              "CREDIT_CARD",
              "DISCLOSURE",
              "EXPLANATION",
              "客户办理账单分期时未被告知实际年化利率，按月手续费折算远高于宣传，认为说明不清。"),
          new Topic(
              "CREDIT_CARD",
              "FUNDS_SECURITY",
              "REFUND",
              "客户称尾号{tail}的信用卡于{date}凌晨发生多笔境外交易共{amount}元，均非本人所为，要求调查并退款。"),
          new Topic(
              "CREDIT_CARD",
              "MIS_SELLING",
              "CANCEL_CONTRACT",
              "客户在商场被推销办理联名信用卡，附带的“会员服务”每月自动扣费，要求解除并退费。"),
          new Topic(
              "PERSONAL_LOAN",
              "CONTRACT_TERMS",
              "CORRECTION",
              "客户提前还款被收取违约金{amount}元，认为合同条款显失公平，要求减免。"),
          new Topic(
              "PERSONAL_LOAN",
              "DEBT_COLLECTION",
              "APOLOGY",
              "客户称贷款逾期后第三方催收冒充律师发送恐吓短信，并向其通讯录联系人透露欠款情况。"),
          new Topic(
              "PERSONAL_LOAN", "FEES", "REFUND", "客户申请经营贷时被要求购买指定保险并支付服务费{amount}元，认为属于变相收费。"),
          new Topic(
              "PERSONAL_LOAN",
              "PERSONAL_INFO",
              "CORRECTION",
              "客户称未申请任何贷款，征信报告却出现该机构的查询记录和一笔贷款，怀疑身份被冒用。"),
          new Topic("MORTGAGE", "OPERATIONS", "CORRECTION", "客户反映房贷利率调整后月供未按约定下调，多次致电客服均未获答复。"),
          new Topic(
              "MORTGAGE", "CONTRACT_TERMS", "EXPLANATION", "客户申请提前还清房贷需排队预约三个月，期间仍需按原利率计息，要求说明依据。"),
          new Topic("MORTGAGE", "FEES", "REFUND", "客户称办理房贷时被收取评估费、公证费等{amount}元，未获任何收费明细。"),
          new Topic(
              "WEALTH",
              "MIS_SELLING",
              "COMPENSATION",
              "客户称理财经理承诺“保本保收益”，实际产品亏损{amount}元，风险等级与其风险承受能力不符。"),
          new Topic("WEALTH", "DISCLOSURE", "EXPLANATION", "客户购买的理财产品到期后本金迟迟未到账，机构未发送任何延期说明。"),
          new Topic("WEALTH", "OPERATIONS", "CORRECTION", "客户于{date}发起理财赎回，系统显示成功但资金五个工作日未到账。"),
          new Topic(
              "FUND_SALES",
              "MIS_SELLING",
              "COMPENSATION",
              "老年客户在网点被推荐购买高风险基金，风险测评由工作人员代填，亏损{amount}元，要求赔偿。"),
          new Topic("FUND_SALES", "FEES", "REFUND", "客户称基金赎回费、销售服务费的收取标准与宣传材料不一致，多收{amount}元。"),
          new Topic(
              "INSURANCE_LIFE",
              "CLAIMS",
              "COMPENSATION",
              "客户重疾险理赔申请被拒，保险公司以“未如实告知”为由拒赔，客户称投保时业务员未询问病史。"),
          new Topic(
              "INSURANCE_LIFE",
              "MIS_SELLING",
              "CANCEL_CONTRACT",
              "客户称业务员以“存款”“高息理财”名义销售分红型保险，退保损失{amount}元，要求全额退保。"),
          new Topic(
              "INSURANCE_LIFE",
              "SERVICE_QUALITY",
              "EXPLANATION",
              "客户反映保单贷款、变更受益人等保全业务办理周期过长，客服电话长时间无人接听。"),
          new Topic(
              "INSURANCE_LIFE",
              "CLAIMS",
              "COMPENSATION",
              "客户住院医疗费用{amount}元申请理赔已超过30日，保险公司反复要求补充材料。"),
          new Topic(
              "INSURANCE_PROPERTY",
              "CLAIMS",
              "COMPENSATION",
              "客户车辆于{date}出险，定损金额明显低于维修厂报价，理赔周期超过一个月，要求尽快足额赔付。"),
          new Topic(
              "INSURANCE_PROPERTY",
              "SERVICE_QUALITY",
              "EXPLANATION",
              "客户反映退货运费险理赔流程繁琐，在线客服只能机器人应答。"),
          new Topic(
              "INSURANCE_PROPERTY",
              "FREE_CHOICE",
              "CANCEL_CONTRACT",
              "客户办理车险续保时被要求搭售驾乘意外险，否则不予续保，要求退还搭售保费{amount}元。"),
          new Topic(
              "PAYMENT",
              "FUNDS_SECURITY",
              "REFUND",
              "客户称支付账户被他人盗用，{date}发生多笔未授权交易共计{amount}元，要求冻结账户并退款。"),
          new Topic(
              "PAYMENT", "PERSONAL_INFO", "CORRECTION", "客户反映注销支付账户后仍频繁收到营销短信，怀疑个人信息被泄露或共享给第三方。"),
          new Topic(
              "PAYMENT",
              "OPERATIONS",
              "CORRECTION",
              "客户提现到尾号{tail}的银行卡显示成功，但银行未收到款项，客服称需等待15个工作日。"),
          new Topic("PAYMENT", "FEES", "REFUND", "客户称免密支付被默认开通，每月自动扣款{amount}元用于其不知情的会员服务。"),
          new Topic(
              "ONLINE_LENDING",
              "FEES",
              "REFUND",
              "客户通过平台借款，实际综合年化成本远高于宣传利率，另被收取“加速审核”会员费{amount}元。"),
          new Topic(
              "ONLINE_LENDING",
              "PERSONAL_INFO",
              "APOLOGY",
              "客户称借款App读取通讯录，逾期后向其通讯录联系人群发催收信息，严重影响其工作生活。"),
          new Topic(
              "ONLINE_LENDING",
              "FREE_CHOICE",
              "CANCEL_CONTRACT",
              "客户在购物结算时被默认勾选分期付款，未经本人确认即产生借款，要求撤销。"),
          new Topic(
              "ONLINE_LENDING",
              "DEBT_COLLECTION",
              "APOLOGY",
              "客户称逾期三天即遭“爆通讯录”式催收，催收人员辱骂其家人，要求规范催收行为。"),
          new Topic(
              "FOREX", "OPERATIONS", "EXPLANATION", "客户办理购汇汇款时系统故障，汇款延迟三日到账，造成汇率损失约{amount}元。"),
          new Topic("FOREX", "FEES", "REFUND", "客户境外汇款被收取中间行费用{amount}元，办理时柜员未作任何提示。"),
          new Topic("OTHER", "SERVICE_QUALITY", "OTHER", "客户对客服热线智能语音无法转接人工服务表示强烈不满，称等待超过四十分钟。"),
          new Topic("OTHER", "OTHER", "EXPLANATION", "客户对机构网点搬迁未提前公告、原网点业务无法办理表示不满，要求给出说明。"));

  static final Map<String, List<Topic>> BY_CATEGORY =
      ALL.stream().collect(Collectors.groupingBy(Topic::category));

  /** Business categories each type of institution hears about, with weights. */
  static Map<String, Integer> categories(String institutionType) {
    return switch (institutionType) {
      case "BANK_LARGE", "BANK_JOINT_STOCK", "BANK_CITY" ->
          Map.ofEntries(
              Map.entry("DEPOSIT", 12),
              Map.entry("DEBIT_CARD", 15),
              Map.entry("CREDIT_CARD", 26),
              Map.entry("PERSONAL_LOAN", 12),
              Map.entry("MORTGAGE", 8),
              Map.entry("WEALTH", 8),
              Map.entry("FUND_SALES", 4),
              Map.entry("INSURANCE_LIFE", 3),
              Map.entry("PAYMENT", 5),
              Map.entry("FOREX", 2),
              Map.entry("OTHER", 5));
      case "BANK_RURAL" ->
          Map.of(
              "DEPOSIT", 25,
              "DEBIT_CARD", 22,
              "CREDIT_CARD", 6,
              "PERSONAL_LOAN", 20,
              "MORTGAGE", 8,
              "WEALTH", 6,
              "INSURANCE_LIFE", 4,
              "OTHER", 9);
      case "BANK_FOREIGN" ->
          Map.of(
              "DEPOSIT", 15,
              "DEBIT_CARD", 10,
              "CREDIT_CARD", 15,
              "WEALTH", 20,
              "FUND_SALES", 10,
              "FOREX", 20,
              "MORTGAGE", 5,
              "OTHER", 5);
      case "INSURER_LIFE" -> Map.of("INSURANCE_LIFE", 90, "OTHER", 10);
      case "INSURER_PROPERTY" -> Map.of("INSURANCE_PROPERTY", 90, "OTHER", 10);
      case "CONSUMER_FINANCE" -> Map.of("PERSONAL_LOAN", 60, "ONLINE_LENDING", 30, "OTHER", 10);
      case "PAYMENT" -> Map.of("PAYMENT", 85, "OTHER", 15);
      default ->
          Map.of(
              "ONLINE_LENDING", 50,
              "PAYMENT", 20,
              "WEALTH", 10,
              "FUND_SALES", 10,
              "INSURANCE_PROPERTY", 5,
              "OTHER", 5);
    };
  }

  private Topics() {}
}
