package cn.cpsx.generator.periodic;

import java.math.BigDecimal;
import java.util.List;

/**
 * A STATS_Q filing's content (§2.2, §9 shapes).
 *
 * @param deliberatelyOff true when {@code received} was set apart from the case records on purpose
 *     (by more than 5%, so S003 warns)
 */
public record QuarterlyStatistics(
    String uscc,
    String period,
    long received,
    long closed,
    long closedWithin15Days,
    long overdueOpen,
    long upheld,
    BigDecimal redressTotal,
    long satisfiedOrBasically,
    long surveyed,
    List<CategoryReasonRow> byCategoryReason,
    List<ChannelRow> byChannel,
    List<ProvinceRow> byProvince,
    boolean deliberatelyOff,
    Submission submission) {

  public record CategoryReasonRow(String businessCategory, String reason, long count) {}

  public record ChannelRow(String channel, long count) {}

  public record ProvinceRow(String province, long count) {}
}
