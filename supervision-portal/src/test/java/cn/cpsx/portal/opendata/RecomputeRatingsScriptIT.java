package cn.cpsx.portal.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.portal.PortalApi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * scripts/open-data/recompute_ratings.py, run with python3 against this portal, agrees with every
 * published rating of a period (exit 0) and catches a figure tampered with after the computation
 * (exit 1, naming the factor).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("it")
class RecomputeRatingsScriptIT {

  static final Path SCRIPT = Path.of("..", "scripts", "open-data", "recompute_ratings.py");

  @Autowired JdbcClient jdbc;

  record Run(int exit, String output) {}

  @Test
  void theScriptAgreesWithEveryPublishedRatingOfThePeriod() throws Exception {
    PublicFixtures world = PublicFixtures.load(jdbc);
    Run run = recompute(world.period);
    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(run.output())
        .contains("3 ratings of " + world.period + " recomputed, 0 disagreement");
  }

  @Test
  void theScriptCatchesATamperedFigure() throws Exception {
    PublicFixtures world = PublicFixtures.load(jdbc);
    // one more case "closed within deadline" than the points were computed from
    jdbc.sql(
            """
            UPDATE rating
               SET factors = jsonb_set(factors, '{1,figures,closedWithinDeadline}',
                     to_jsonb((factors -> 1 -> 'figures' ->> 'closedWithinDeadline')::int - 1))
             WHERE institution_uscc = ? AND period = ? AND status = 'PUBLISHED'
            """)
        .params(world.plain, world.period)
        .update();
    Run run = recompute(world.period);
    assertThat(run.exit()).as(run.output()).isEqualTo(1);
    assertThat(run.output()).contains("DISAGREES " + world.plain, "TIMELINESS");
  }

  private static Run recompute(String period) throws Exception {
    assertThat(SCRIPT).exists();
    Process process =
        new ProcessBuilder(
                "python3", SCRIPT.toString(), "--base-url", PortalApi.PORTAL, "--period", period)
            .redirectErrorStream(true)
            .start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
