package cn.cpsx.schemas.database;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.schemas.CodeLists;
import cn.cpsx.schemas.FilingOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shared enums, the code list and the columns' CHECK constraints say the same states. */
class DatabaseContractTest {

  @Test
  void filingStatusIsReceivedThenAnOutcomeAndTheColumnAllowsExactlyThose() throws IOException {
    assertThat(names(FilingStatus.values()))
        .containsExactlyElementsOf(concat(List.of("RECEIVED"), names(FilingOutcome.values())));
    for (FilingOutcome outcome : FilingOutcome.values()) {
      assertThat(FilingStatus.of(outcome).validated()).isTrue();
      assertThat(FilingStatus.of(outcome).accepted()).isEqualTo(outcome.countsAsAccepted());
    }
    assertThat(FilingStatus.RECEIVED.validated()).isFalse();
    assertThat(checkedValues("filing_status_known"))
        .containsExactlyInAnyOrderElementsOf(names(FilingStatus.values()));
  }

  @Test
  void caseStatusIsTheCodeListAndTheColumnAllowsExactlyThose() throws IOException {
    assertThat(names(CaseStatus.values()))
        .containsExactlyInAnyOrderElementsOf(
            CodeLists.standard().codes(CodeLists.CASE_STATUS).keySet());
    assertThat(checkedValues("complaint_case_status_known"))
        .containsExactlyInAnyOrderElementsOf(names(CaseStatus.values()));
    assertThat(Arrays.stream(CaseStatus.values()).filter(CaseStatus::closed))
        .containsExactly(CaseStatus.RESOLVED, CaseStatus.CLOSED_UNRESOLVED);
  }

  @Test
  void theWaitingPredicateNamesTheFilingAsF() {
    assertThat(FilingQueue.WAITING)
        .startsWith("(")
        .endsWith(")")
        .contains("f.validated_at IS NULL");
  }

  private static List<String> checkedValues(String constraint) throws IOException {
    String sql;
    try (InputStream in =
        DatabaseContractTest.class.getResourceAsStream(
            "/db/migration/V13__filing_and_case_states.sql")) {
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Matcher m =
        Pattern.compile(constraint + "\\s+CHECK \\(status IN \\(([^)]*)\\)\\)").matcher(sql);
    assertThat(m.find()).as(constraint).isTrue();
    return Arrays.stream(m.group(1).split(",")).map(s -> s.strip().replace("'", "")).toList();
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
