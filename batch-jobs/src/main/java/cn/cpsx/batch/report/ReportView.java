package cn.cpsx.batch.report;

import cn.cpsx.schemas.CodeLists;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * The report's figures as the template reads them, in one language: labels from the code lists,
 * shares and changes worked out with the same rounding everywhere, charts drawn from the same
 * numbers as the tables beside them.
 */
public final class ReportView {

  private static final List<String> GRADE_COLOURS =
      List.of("#2e7d32", "#1f5fa8", "#f0a202", "#c62828");
  private static final List<String> SATISFACTION_CODES =
      List.of("SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED", "NOT_SURVEYED", "NONE");

  private final JsonNode f;
  private final Locale locale;
  private final CodeLists codes = CodeLists.standard();

  ReportView(JsonNode figures, Locale locale) {
    this.f = figures;
    this.locale = locale;
  }

  public boolean zh() {
    return "zh".equals(locale.getLanguage());
  }

  public String lang() {
    return zh() ? "zh-CN" : "en";
  }

  /** "2025年度" / "2025 (annual)", "2025年第3季度" / "2025 Q3". */
  public String periodName() {
    return periodName(f.path("period").asString());
  }

  public String periodName(String period) {
    if (period.contains("-Q")) {
      String[] p = period.split("-Q");
      return zh() ? p[0] + "年第" + p[1] + "季度" : "Q" + p[1] + " " + p[0];
    }
    return zh() ? period + "年度" : period + " (annual)";
  }

  public String period() {
    return f.path("period").asString();
  }

  public String firstDay() {
    return f.path("firstDay").asString();
  }

  public String lastDay() {
    return f.path("lastDay").asString();
  }

  /** The data cut-off in Beijing time, to the minute. */
  public String cutoff() {
    return OffsetDateTime.parse(f.path("dataCutoff").asString())
            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))
        + (zh() ? "（北京时间）" : " (Beijing time)");
  }

  public String methodologyVersion() {
    return f.path("methodologyVersion").asString();
  }

  public String number(long n) {
    return NumberFormat.getIntegerInstance(Locale.ROOT).format(n);
  }

  /** A share to one decimal, half-up; a dash when there is no whole. */
  public static String percent(long part, long whole) {
    if (whole == 0) {
      return "—";
    }
    return BigDecimal.valueOf(part * 100L)
            .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP)
            .toPlainString()
        + "%";
  }

  /** The change against an earlier count, signed, to one decimal; a dash when that was zero. */
  public static String change(long now, long before) {
    if (before == 0) {
      return "—";
    }
    BigDecimal c =
        BigDecimal.valueOf((now - before) * 100L)
            .divide(BigDecimal.valueOf(before), 1, RoundingMode.HALF_UP);
    return (c.signum() > 0 ? "+" : "") + c.toPlainString() + "%";
  }

  public record HeadlineRow(String key, long current, long previous, long yearEarlier) {
    public String changePrevious() {
      return change(current, previous);
    }

    public String changeYearEarlier() {
      return change(current, yearEarlier);
    }
  }

  public List<HeadlineRow> headline() {
    JsonNode h = f.path("headline");
    List<HeadlineRow> rows = new ArrayList<>();
    for (String key :
        List.of(
            "complaints", "closed", "closedWithinDeadline", "surveyed", "satisfied", "escalated")) {
      rows.add(
          new HeadlineRow(
              key,
              h.path("current").path(key).asLong(),
              h.path("previous").path(key).asLong(),
              h.path("yearEarlier").path(key).asLong()));
    }
    return rows;
  }

  public long current(String key) {
    return f.path("headline").path("current").path(key).asLong();
  }

  public String previousPeriodName() {
    return periodName(f.path("previousPeriod").asString());
  }

  public String yearEarlierPeriodName() {
    return periodName(f.path("yearEarlierPeriod").asString());
  }

  public record MonthRow(String month, long complaints, long closed) {}

  public List<MonthRow> monthly() {
    List<MonthRow> rows = new ArrayList<>();
    for (JsonNode m : f.path("monthly")) {
      rows.add(
          new MonthRow(
              m.path("month").asString(),
              m.path("complaints").asLong(),
              m.path("closed").asLong()));
    }
    return rows;
  }

  public String monthlyChart() {
    List<ReportCharts.Column> columns = new ArrayList<>();
    for (MonthRow m : monthly()) {
      columns.add(
          new ReportCharts.Column(
              String.valueOf(Integer.parseInt(m.month().substring(5))), m.complaints()));
    }
    return ReportCharts.columns(columns, zh() ? "每月投诉量" : "Complaints per month");
  }

  public record BreakdownRow(
      String code,
      String label,
      long complaints,
      String share,
      long previous,
      String change,
      String bar) {}

  /**
   * One breakdown: {@code byBusinessCategory}, {@code byReason}, {@code byChannel} or {@code
   * byProvince}.
   */
  public List<BreakdownRow> breakdown(String key) {
    String list =
        switch (key) {
          case "byBusinessCategory" -> CodeLists.BUSINESS_CATEGORY;
          case "byReason" -> CodeLists.REASON;
          case "byChannel" -> CodeLists.CHANNEL;
          default -> CodeLists.PROVINCE;
        };
    long total = current("complaints");
    long max = 0;
    for (JsonNode row : f.path(key)) {
      max = Math.max(max, row.path("complaints").asLong());
    }
    List<BreakdownRow> rows = new ArrayList<>();
    for (JsonNode row : f.path(key)) {
      String code = row.path("code").asString();
      long n = row.path("complaints").asLong();
      long before = row.path("previous").asLong();
      if (n == 0 && before == 0) {
        continue;
      }
      String lookup =
          list.equals(CodeLists.PROVINCE) && code.length() >= 2 ? code.substring(0, 2) : code;
      CodeLists.Code c = codes.codes(list).get(lookup);
      rows.add(
          new BreakdownRow(
              code,
              c == null ? code : c.label(locale),
              n,
              percent(n, total),
              before,
              change(n, before),
              ReportCharts.bar(n, max)));
    }
    return rows;
  }

  public long timeliness(String key) {
    return f.path("timeliness").path(key).asLong();
  }

  public record SatisfactionRow(String code, String label, long count, String share) {}

  public List<SatisfactionRow> satisfaction() {
    long total = current("complaints");
    List<SatisfactionRow> rows = new ArrayList<>();
    for (String code : SATISFACTION_CODES) {
      CodeLists.Code c = codes.codes(CodeLists.SATISFACTION).get(code);
      String label = c != null ? c.label(locale) : zh() ? "未填报" : "Not given";
      long n = f.path("satisfaction").path(code).asLong();
      rows.add(new SatisfactionRow(code, label, n, percent(n, total)));
    }
    return rows;
  }

  public String satisfactionChart() {
    List<Long> parts = satisfaction().stream().map(SatisfactionRow::count).toList();
    return ReportCharts.stacked(
        parts, List.of("#2e7d32", "#7cb342", "#c62828", "#9e9e9e", "#dddddd"));
  }

  public String timelinessChart() {
    long within = timeliness("withinDeadline");
    long late = timeliness("late");
    long open = current("complaints") - timeliness("closed");
    return ReportCharts.stacked(
        List.of(within, late, open), List.of("#2e7d32", "#c62828", "#9e9e9e"));
  }

  public String ratingPeriodName() {
    return periodName(f.path("ratings").path("period").asString());
  }

  public record Ranked(String uscc, String name, String score, String grade) {}

  public record PeerGroupRow(
      String code,
      String label,
      long total,
      List<Long> grades,
      String chart,
      long up,
      long down,
      long same,
      long first,
      List<Ranked> best,
      List<Ranked> worst) {}

  public List<PeerGroupRow> peerGroups() {
    List<PeerGroupRow> rows = new ArrayList<>();
    for (JsonNode g : f.path("ratings").path("byPeerGroup")) {
      String code = g.path("peerGroup").asString();
      CodeLists.Code c = codes.codes(CodeLists.INSTITUTION_TYPE).get(code);
      List<Long> grades = new ArrayList<>();
      for (String grade : List.of("A", "B", "C", "D")) {
        grades.add(g.path("grades").path(grade).asLong());
      }
      JsonNode ch = g.path("changes");
      rows.add(
          new PeerGroupRow(
              code,
              c == null ? code : c.label(locale),
              g.path("total").asLong(),
              grades,
              ReportCharts.stacked(grades, GRADE_COLOURS),
              ch.path("up").asLong(),
              ch.path("down").asLong(),
              ch.path("same").asLong(),
              ch.path("new").asLong(),
              ranked(g.path("best")),
              ranked(g.path("worst"))));
    }
    return rows;
  }

  private List<Ranked> ranked(JsonNode list) {
    List<Ranked> out = new ArrayList<>();
    for (JsonNode r : list) {
      out.add(
          new Ranked(
              r.path("uscc").asString(),
              r.path(zh() ? "nameZh" : "nameEn").asString(),
              r.path("score").asString(),
              r.path("grade").asString()));
    }
    return out;
  }

  public record ActionRow(
      String date, String name, String severity, String measure, String fine, String summary) {}

  public List<ActionRow> enforcement() {
    List<ActionRow> rows = new ArrayList<>();
    for (JsonNode a : f.path("enforcement")) {
      String summary = zh() ? a.path("summaryZh").asString() : a.path("summaryEn").asString("");
      if (summary == null || summary.isBlank()) {
        summary = a.path("summaryZh").asString();
      }
      rows.add(
          new ActionRow(
              a.path("decisionDate").asString(),
              a.path(zh() ? "nameZh" : "nameEn").asString(),
              a.path("severity").asString(),
              a.path("measure").asString(),
              a.path("fineCny").isNull() ? "" : a.path("fineCny").asString(),
              summary));
    }
    return rows;
  }

  public record TypicalCaseRow(String category, String title, String account) {}

  public List<TypicalCaseRow> typicalCases() {
    List<TypicalCaseRow> rows = new ArrayList<>();
    for (JsonNode t : f.path("typicalCases")) {
      CodeLists.Code c =
          codes.codes(CodeLists.BUSINESS_CATEGORY).get(t.path("businessCategory").asString());
      rows.add(
          new TypicalCaseRow(
              c == null ? t.path("businessCategory").asString() : c.label(locale),
              t.path(zh() ? "titleZh" : "titleEn").asString(),
              t.path(zh() ? "accountZh" : "accountEn").asString()));
    }
    return rows;
  }

  public record AlertRow(String topic, String text, String categories) {}

  public List<AlertRow> alerts() {
    List<AlertRow> rows = new ArrayList<>();
    for (JsonNode a : f.path("alerts")) {
      List<String> labels = new ArrayList<>();
      for (JsonNode code : a.path("categories")) {
        CodeLists.Code c = codes.codes(CodeLists.BUSINESS_CATEGORY).get(code.asString());
        labels.add(c == null ? code.asString() : c.label(locale));
      }
      rows.add(
          new AlertRow(
              a.path(zh() ? "topicZh" : "topicEn").asString(),
              a.path(zh() ? "textZh" : "textEn").asString(),
              String.join(zh() ? "、" : ", ", labels)));
    }
    return rows;
  }
}
