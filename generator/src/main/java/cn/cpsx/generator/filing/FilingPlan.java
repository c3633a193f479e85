package cn.cpsx.generator.filing;

import cn.cpsx.generator.cases.CaseLife;
import cn.cpsx.generator.cases.FiledCase;
import cn.cpsx.generator.institution.Institution;
import cn.cpsx.generator.periodic.QuarterlyStatistics;
import cn.cpsx.generator.periodic.SelfAssessment;
import cn.cpsx.generator.periodic.Submission;
import cn.cpsx.generator.world.World;
import cn.cpsx.schemas.ReportingTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which filings a world makes and over which channel: most institutions file over REST, every
 * eighth over SOAP and every eighth over SFTP, so all three channels and all formats carry real
 * traffic. CASES: one filing per institution and year, each case as it stands at the world's {@code
 * asOf}. Periodic filings: every quarter's statistics and every year's self-assessment except the
 * ones the world leaves missing.
 */
public final class FilingPlan {

  /** A filing and the channel it goes through. */
  public record Planned(Institution institution, Channel channel, Filing filing) {}

  private FilingPlan() {}

  /** REST for most; index 3 mod 8 over SOAP, 6 mod 8 over SFTP. */
  public static Channel channelOf(int institutionIndex) {
    return switch (institutionIndex % 8) {
      case 3 -> Channel.SOAP;
      case 6 -> Channel.SFTP;
      default -> Channel.REST;
    };
  }

  public static List<Planned> cases(World world) {
    List<Planned> planned = new ArrayList<>();
    List<Institution> institutions = world.institutions();
    for (int i = 0; i < institutions.size(); i++) {
      Institution institution = institutions.get(i);
      Channel channel = channelOf(i);
      for (Filing filing : cases(world, institution, channel.format("CASES"))) {
        planned.add(new Planned(institution, channel, filing));
      }
    }
    return planned;
  }

  /** The institution's CASES filings in the given format, one per year of receipt. */
  public static List<Filing> cases(World world, Institution institution, Format format) {
    Instant asOf = world.spec().asOf();
    Map<Integer, List<FiledCase>> byYear = new TreeMap<>();
    for (CaseLife c : world.casesOf(institution.uscc())) {
      byYear.computeIfAbsent(c.receivedAt().getYear(), y -> new ArrayList<>()).add(c.asOf(asOf));
    }
    String day = asOfDay(world).format(DateTimeFormatter.BASIC_ISO_DATE);
    List<Filing> filings = new ArrayList<>();
    int seq = 0;
    for (List<FiledCase> year : byYear.values()) {
      seq++;
      ObjectNode document = FilingDocuments.cases(institution.uscc(), "LIVE", year);
      String name = "%s_CASES_%s_%d.%s".formatted(institution.uscc(), day, seq, format.extension());
      filings.add(
          new Filing(
              institution.uscc(),
              "CASES",
              null,
              format,
              name,
              FilingFormats.write(document, format)));
    }
    return filings;
  }

  /**
   * Two filings worth seeing on the filings board: a TEST filing (checked, never counted) and a
   * live one with a bad record among good ones (an unknown channel code: PARTIALLY_ACCEPTED).
   */
  public static List<Planned> instructive(World world) {
    List<Institution> active = world.institutions().stream().filter(Institution::active).toList();
    Instant asOf = world.spec().asOf();
    String day = asOfDay(world).format(DateTimeFormatter.BASIC_ISO_DATE);
    Institution first = active.get(0);
    List<FiledCase> some =
        world.casesOf(first.uscc()).stream().limit(3).map(c -> c.asOf(asOf)).toList();
    ObjectNode test = FilingDocuments.cases(first.uscc(), "TEST", some);
    Institution second = active.get(1);
    List<CaseLife> own = world.casesOf(second.uscc());
    List<FiledCase> recent =
        own.subList(Math.max(0, own.size() - 10), own.size()).stream()
            .map(c -> c.asOf(asOf))
            .toList();
    ObjectNode partial = FilingDocuments.cases(second.uscc(), "LIVE", recent);
    ((ObjectNode) partial.get("cases").get(recent.size() - 1)).put("channel", "FAX");
    return List.of(
        new Planned(
            first,
            Channel.REST,
            new Filing(
                first.uscc(),
                "CASES",
                null,
                Format.JSON,
                "%s_CASES_%s_9_TEST.json".formatted(first.uscc(), day),
                FilingFormats.write(test, Format.JSON))),
        new Planned(
            second,
            Channel.REST,
            new Filing(
                second.uscc(),
                "CASES",
                null,
                Format.JSON,
                "%s_CASES_%s_9.json".formatted(second.uscc(), day),
                FilingFormats.write(partial, Format.JSON))));
  }

  /** Statistics and self-assessments the world files (not the missing ones), in period order. */
  public static List<Planned> periodic(World world) {
    List<Planned> planned = new ArrayList<>();
    List<Institution> institutions = world.institutions();
    for (int i = 0; i < institutions.size(); i++) {
      Institution institution = institutions.get(i);
      Channel channel = channelOf(i);
      for (QuarterlyStatistics s : world.statistics()) {
        if (s.uscc().equals(institution.uscc()) && s.submission() != Submission.MISSING) {
          planned.add(
              new Planned(institution, channel, statistics(s, null, channel.format("STATS_Q"))));
        }
      }
      for (SelfAssessment a : world.selfAssessments()) {
        if (a.uscc().equals(institution.uscc()) && a.submission() != Submission.MISSING) {
          planned.add(
              new Planned(
                  institution,
                  channel,
                  selfAssessment(a, null, channel.format("SELF_ASSESSMENT"))));
        }
      }
    }
    return planned;
  }

  public static Filing statistics(QuarterlyStatistics s, String supersedes, Format format) {
    ObjectNode document = FilingDocuments.statistics(s, supersedes);
    return periodic(s.uscc(), "STATS_Q", s.period(), document, format);
  }

  public static Filing selfAssessment(SelfAssessment a, String supersedes, Format format) {
    ObjectNode document = FilingDocuments.selfAssessment(a, supersedes);
    return periodic(a.uscc(), "SELF_ASSESSMENT", a.period(), document, format);
  }

  private static Filing periodic(
      String uscc, String type, String period, ObjectNode document, Format format) {
    if (format == Format.CSV) {
      throw new IllegalArgumentException("CSV is only for CASES (§3)");
    }
    String name = "%s_%s_%s_1.%s".formatted(uscc, type, period, format.extension());
    return new Filing(uscc, type, period, format, name, FilingFormats.write(document, format));
  }

  private static LocalDate asOfDay(World world) {
    return world.spec().asOf().atZone(ReportingTime.ZONE).toLocalDate();
  }
}
