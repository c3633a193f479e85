package cn.cpsx.generator.faults;

import cn.cpsx.generator.cases.CaseLife;
import cn.cpsx.generator.cases.FiledCase;
import cn.cpsx.generator.filing.Channel;
import cn.cpsx.generator.filing.Filing;
import cn.cpsx.generator.filing.FilingDocuments;
import cn.cpsx.generator.filing.FilingFormats;
import cn.cpsx.generator.institution.Institution;
import cn.cpsx.generator.world.World;
import cn.cpsx.schemas.ReportingTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An endless, seeded stream of live CASES filings of a generated world: each filing is a run of
 * 3–12 consecutive cases of one institution and one year, so every case is filed again and again in
 * different filings and the index must end on its newest version (receipt order, §2.1). Each
 * filing's bytes differ from every other's (its case set or its position differs), so none is
 * folded into an earlier receipt by the same-bytes rule.
 */
final class CaseFilings {

  /** A filing to send and the case numbers it carries. */
  record Next(Filing filing, List<String> caseNos) {}

  private final World world;
  private final List<Institution> institutions;
  private final Map<String, List<List<FiledCase>>> yearsOf = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> sequenceOf = new ConcurrentHashMap<>();
  private final String day;
  private final int firstSequence;

  /**
   * @param firstSequence the first {@code _SEQ} of the SFTP names (above what a demo run used)
   */
  CaseFilings(World world, int firstSequence) {
    this.world = world;
    this.institutions =
        world.institutions().stream()
            .filter(Institution::active)
            .filter(i -> !world.casesOf(i.uscc()).isEmpty())
            .toList();
    this.day =
        world
            .spec()
            .asOf()
            .atZone(ReportingTime.ZONE)
            .toLocalDate()
            .format(DateTimeFormatter.BASIC_ISO_DATE);
    this.firstSequence = firstSequence;
  }

  /** The next filing for the channel, drawn with the caller's own random source. */
  Next next(Random random, Channel channel) {
    Institution institution = institutions.get(random.nextInt(institutions.size()));
    List<List<FiledCase>> years = years(institution.uscc());
    List<FiledCase> year = years.get(random.nextInt(years.size()));
    int size = Math.min(year.size(), 3 + random.nextInt(10));
    int from = random.nextInt(year.size() - size + 1);
    List<FiledCase> cases = year.subList(from, from + size);
    int seq =
        sequenceOf
            .computeIfAbsent(institution.uscc(), u -> new AtomicInteger(firstSequence))
            .getAndIncrement();
    var document = FilingDocuments.cases(institution.uscc(), "LIVE", cases);
    // the same run of cases drawn twice gives the same bytes: answered with the first receipt
    var format = channel.format("CASES");
    String name = "%s_CASES_%s_%d.%s".formatted(institution.uscc(), day, seq, format.extension());
    Filing filing =
        new Filing(
            institution.uscc(), "CASES", null, format, name, FilingFormats.write(document, format));
    return new Next(filing, cases.stream().map(FiledCase::caseNo).toList());
  }

  private List<List<FiledCase>> years(String uscc) {
    return yearsOf.computeIfAbsent(
        uscc,
        u -> {
          Map<Integer, List<FiledCase>> byYear = new TreeMap<>();
          for (CaseLife c : world.casesOf(u)) {
            byYear
                .computeIfAbsent(c.receivedAt().getYear(), y -> new ArrayList<>())
                .add(c.asOf(world.spec().asOf()));
          }
          return List.copyOf(byYear.values());
        });
  }
}
