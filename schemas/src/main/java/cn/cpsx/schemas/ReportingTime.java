package cn.cpsx.schemas;

import java.time.ZoneId;

/**
 * The one time zone of the reporting contract (REPORTING-SPEC §9 "Time"): days, periods, due dates
 * and the times shown to people are all in Asia/Shanghai. Every module uses this definition.
 */
public final class ReportingTime {

  /**
   * The zone's id, for annotations ({@code @Scheduled(zone = …)}) and SQL ({@code AT TIME ZONE}).
   */
  public static final String ZONE_ID = "Asia/Shanghai";

  public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

  private ReportingTime() {}
}
