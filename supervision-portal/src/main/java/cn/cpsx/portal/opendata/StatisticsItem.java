package cn.cpsx.portal.opendata;

import java.util.Map;

/**
 * One institution's complaint figures for a period (§12 {@code statistics}): accepted LIVE cases
 * only, the current version of each, received in the period (Asia/Shanghai). Each breakdown maps a
 * code to its count; codes without cases are left out.
 */
public record StatisticsItem(
    String uscc,
    String name,
    String institutionType,
    String period,
    long complaints,
    long closed,
    long closedWithinDeadline,
    long surveyed,
    long satisfied,
    Map<String, Long> byBusinessCategory,
    Map<String, Long> byReason,
    Map<String, Long> byChannel,
    Map<String, Long> byProvince) {}
