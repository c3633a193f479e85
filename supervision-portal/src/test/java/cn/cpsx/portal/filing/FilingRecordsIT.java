package cn.cpsx.portal.filing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cpsx.schemas.database.FilingStatus;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The one read model of filings against the real PostgreSQL: a rejected filing read the
 * institution's way (with its USCC) and the regulator's way (the board's drill-down) is the same
 * record, with the shared {@link FilingStatus}; another institution does not see it.
 */
class FilingRecordsIT {

  static final String URL =
      System.getenv()
          .getOrDefault(
              "SPRING_DATASOURCE_URL",
              "jdbc:postgresql://127.0.0.1:"
                  + System.getenv().getOrDefault("CPSX_PG_PORT", "15432")
                  + "/cpsx_test");

  final JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(URL, "cpsx", "cpsx"));
  final FilingRecords records = new FilingRecords(jdbc);

  @Test
  void theInstitutionAndTheRegulatorReadOneFilingThroughOneModel() {
    String uscc = "91110000770914530P";
    String filingId = "F-RECORDS-" + UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO filing (filing_id, institution_uscc, filing_type, format, channel, mode,
                                received_at, sha256, size_bytes, raw, status, record_count,
                                accepted_count, rejected_count, validated_at)
            VALUES (?, ?, 'CASES', 'JSON', 'REST', 'LIVE', now(), ?, 2, '{}'::bytea, 'REJECTED',
                    10, 7, 3, now())
            """)
        .params(filingId, uscc, UUID.randomUUID().toString().replace("-", "").repeat(2))
        .update();
    jdbc.sql(
            """
            INSERT INTO validation_finding (filing_id, rule, severity, record_index, field,
                                            message_zh, message_en)
            VALUES (?, 'C001', 'ERROR', 2, 'caseNo', '缺少', 'missing')
            """)
        .param(filingId)
        .update();

    var own = records.find(uscc, filingId).orElseThrow();
    var regulators = records.find(filingId).orElseThrow();

    assertThat(own).isEqualTo(regulators);
    assertThat(own.status()).isEqualTo(FilingStatus.REJECTED);
    assertThat(own.verdict().key()).isEqualTo("overLimit");
    assertThat(own.searchable()).isFalse();
    assertThat(records.findings(uscc, filingId)).isEqualTo(records.findings(filingId)).hasSize(1);
    assertThat(records.recent(uscc, 500)).extracting(f -> f.filingId()).contains(filingId);
    assertThat(records.find("91110000416538280L", filingId))
        .as("another institution's view")
        .isEmpty();
    assertThat(records.findings("91110000416538280L", filingId)).isEmpty();
  }
}
