package cn.cpsx.generator;

import cn.cpsx.generator.demo.DemoEndpoints;
import cn.cpsx.generator.demo.DemoRun;
import cn.cpsx.generator.faults.FaultSuite;
import cn.cpsx.generator.faults.Soak;
import cn.cpsx.generator.filing.Filing;
import cn.cpsx.generator.filing.FilingPlan;
import cn.cpsx.generator.filing.Format;
import cn.cpsx.generator.institution.Institution;
import cn.cpsx.generator.institution.InstitutionRegistry;
import cn.cpsx.generator.institution.SyntheticInstitutions;
import cn.cpsx.generator.periodic.Submission;
import cn.cpsx.generator.world.World;
import cn.cpsx.generator.world.WorldGenerator;
import cn.cpsx.generator.world.WorldSpec;
import cn.cpsx.schemas.ReportingTime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line.
 *
 * <pre>
 * java -jar generator/target/generator.jar [options] files --out DIR
 * java -jar generator/target/generator.jar [options] demo  [--ingestion URL] [--sftp-port N] …
 * java -jar generator/target/generator.jar [options] faults [--kills N] [--out DIR] …  (scripts/faults)
 * java -jar generator/target/generator.jar [options] soak [--minutes N] [--rate R] …   (scripts/faults)
 *
 *   --seed N                 world seed (20261202)
 *   --institutions demo|N    the 64-institution demo registry, or N generated ones (demo)
 *   --from yyyy-MM-dd        first day of cases (1 January of last year)
 *   --to yyyy-MM-dd          "today": cases up to the start of that day, Asia/Shanghai (today)
 *   --cases-per-year MIN-MAX a year's cases of the smallest and largest institution (20-100)
 *   --ingestion URL          http://127.0.0.1:8081      --sftp-host H   127.0.0.1
 *   --sftp-port N            2222                       --keycloak URL  http://localhost:18080
 *   --portal URL             http://127.0.0.1:8080      --batch-jobs URL http://127.0.0.1:8082
 * </pre>
 *
 * {@code files} writes every filing in every format the spec allows, under its SFTP name; {@code
 * demo} files the world through the real channels and takes it through the workflow.
 */
public final class Generator {

  private Generator() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    String command = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--")) {
        if (i + 1 >= args.length) {
          usage("missing value for " + args[i]);
        }
        options.put(args[i].substring(2), args[++i]);
      } else if (command == null) {
        command = args[i];
      } else {
        usage("unexpected " + args[i]);
      }
    }
    if (command == null) {
      usage("say files or demo");
    }
    LocalDate today =
        LocalDate.parse(options.getOrDefault("to", LocalDate.now(ReportingTime.ZONE).toString()));
    long seed = Long.parseLong(options.getOrDefault("seed", "20261202"));
    String which = options.getOrDefault("institutions", "demo");
    List<Institution> institutions =
        which.equals("demo")
            ? InstitutionRegistry.demo()
            : SyntheticInstitutions.generate(seed, Integer.parseInt(which));
    String[] perYear = options.getOrDefault("cases-per-year", "20-100").split("-");
    WorldSpec spec =
        new WorldSpec(
            seed,
            institutions,
            LocalDate.parse(options.getOrDefault("from", (today.getYear() - 1) + "-01-01")),
            today.atStartOfDay(ReportingTime.ZONE).toInstant(),
            Integer.parseInt(perYear[0]),
            Integer.parseInt(perYear[1]),
            0.06,
            0.08,
            3);
    World world = WorldGenerator.generate(spec);
    switch (command) {
      case "files" -> writeFiles(world, Path.of(options.getOrDefault("out", "generated-filings")));
      case "demo" -> {
        if (!which.equals("demo")) {
          usage(
              "the demo files as the demo registry's institutions (their Keycloak clients exist)");
        }
        DemoEndpoints endpoints =
            new DemoEndpoints(
                options.getOrDefault("ingestion", "http://127.0.0.1:8081"),
                options.getOrDefault("sftp-host", "127.0.0.1"),
                Integer.parseInt(options.getOrDefault("sftp-port", "2222")),
                options.getOrDefault("keycloak", "http://localhost:18080"),
                options.getOrDefault("portal", "http://127.0.0.1:8080"),
                options.getOrDefault("batch-jobs", "http://127.0.0.1:8082"));
        String ratedYear = String.valueOf(today.getYear() - 1);
        String quarter = lastEndedQuarter(today);
        new DemoRun(world, endpoints).run(ratedYear, quarter);
      }
      case "faults" -> {
        var plan =
            new FaultSuite.Plan(
                seed,
                Integer.parseInt(options.getOrDefault("kills", "10")),
                Integer.parseInt(options.getOrDefault("es-outages", "2")),
                Integer.parseInt(options.getOrDefault("pg-restarts", "2")),
                Integer.parseInt(options.getOrDefault("sftp-outages", "2")));
        boolean passed =
            new FaultSuite(
                    world,
                    plan,
                    Path.of(options.getOrDefault("repo", ".")),
                    Path.of(options.getOrDefault("out", "faults-results")),
                    options.getOrDefault("job-period", String.valueOf(today.getYear() - 1)),
                    Duration.ofSeconds(Long.parseLong(options.getOrDefault("job-every", "25"))))
                .run();
        System.exit(passed ? 0 : 1);
      }
      case "soak" -> {
        boolean done =
            new Soak(
                    world,
                    Path.of(options.getOrDefault("repo", ".")),
                    Path.of(options.getOrDefault("out", "soak-results")),
                    Duration.ofMinutes(Long.parseLong(options.getOrDefault("minutes", "30"))),
                    Double.parseDouble(options.getOrDefault("rate", "0")),
                    Duration.ofSeconds(Long.parseLong(options.getOrDefault("probe-seconds", "90"))),
                    seed)
                .run();
        System.exit(done ? 0 : 1);
      }
      default -> usage("unknown command " + command);
    }
  }

  /** The quarter before the one holding {@code today}, e.g. 2026-Q3 on 2 December 2026. */
  static String lastEndedQuarter(LocalDate today) {
    LocalDate inLast = today.withDayOfMonth(1).minusMonths((today.getMonthValue() - 1) % 3 + 1);
    return inLast.getYear() + "-Q" + ((inLast.getMonthValue() - 1) / 3 + 1);
  }

  private static void writeFiles(World world, Path out) throws IOException {
    Files.createDirectories(out);
    int written = 0;
    for (Institution institution :
        world.institutions().stream().filter(Institution::active).toList()) {
      for (Format format : Format.values()) {
        for (Filing filing : FilingPlan.cases(world, institution, format)) {
          Files.write(out.resolve(filing.fileName()), filing.bytes());
          written++;
        }
      }
    }
    for (var s : world.statistics()) {
      if (s.submission() != Submission.MISSING) {
        for (Format format : List.of(Format.JSON, Format.XML)) {
          Filing filing = FilingPlan.statistics(s, null, format);
          Files.write(out.resolve(filing.fileName()), filing.bytes());
          written++;
        }
      }
    }
    for (var a : world.selfAssessments()) {
      if (a.submission() != Submission.MISSING) {
        for (Format format : List.of(Format.JSON, Format.XML)) {
          Filing filing = FilingPlan.selfAssessment(a, null, format);
          Files.write(out.resolve(filing.fileName()), filing.bytes());
          written++;
        }
      }
    }
    System.out.printf(
        "[generator] %d institutions, %d cases, %d filings written to %s%n",
        world.institutions().size(), world.caseCount(), written, out.toAbsolutePath());
  }

  private static void usage(String problem) {
    System.err.println("generator: " + problem);
    System.err.println(
        "usage: java -jar generator.jar [--seed N] [--institutions demo|N] [--from yyyy-MM-dd] [--to yyyy-MM-dd]"
            + " [--cases-per-year MIN-MAX] files --out DIR | demo [--ingestion URL] [--sftp-host H] [--sftp-port N]"
            + " [--keycloak URL] [--portal URL] [--batch-jobs URL]"
            + " | faults [--kills N] [--es-outages N] [--pg-restarts N] [--sftp-outages N] [--job-every S] [--out DIR]"
            + " | soak [--minutes N] [--rate FILINGS_PER_S] [--probe-seconds N] [--out DIR]"
            + " (faults and soak: through scripts/faults, on a stack of their own)");
    System.exit(2);
  }
}
