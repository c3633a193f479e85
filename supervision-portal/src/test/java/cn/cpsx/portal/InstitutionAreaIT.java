package cn.cpsx.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The institution area signed in through the real Keycloak as {@code officer} (华夏国民银行): its own
 * filings and reports, nothing of another institution's, even by guessing a filing id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("it")
class InstitutionAreaIT {

  static final String OWN = "91110000770914530P";
  static final String OTHER = "91110000416538280L";
  static final String PORTAL = "http://localhost:18090";

  @Autowired JdbcClient jdbc;

  String ownFiling;
  String otherFiling;

  @BeforeEach
  void filings() {
    ownFiling =
        validatedFiling(
            OWN, "C001", "字段 channel 的代码“FAX”不在代码表中", "Unknown code 'FAX' in field channel");
    otherFiling =
        validatedFiling(
            OTHER, "C005", "“990101”不是有效的行政区划代码", "'990101' is not a valid region code");
  }

  @Test
  void officerSeesOwnFilingsAndTheirReportInChinese() throws Exception {
    BrowserSession officer = new BrowserSession();
    HttpResponse<String> list = officer.open(PORTAL + "/institution/filings", "officer", "officer");

    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains(ownFiling).doesNotContain(otherFiling);
    HttpResponse<String> report = officer.get(PORTAL + "/institution/filings/" + ownFiling);
    assertThat(report.statusCode()).isEqualTo(200);
    assertThat(report.body()).contains("C001").contains("不在代码表中").contains("部分接收");
  }

  @Test
  void anotherInstitutionsFilingIsNotFoundEvenByItsId() throws Exception {
    BrowserSession officer = new BrowserSession();
    officer.open(PORTAL + "/institution/filings", "officer", "officer");

    HttpResponse<String> foreign = officer.get(PORTAL + "/institution/filings/" + otherFiling);

    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.body()).doesNotContain("990101");
  }

  @Test
  void analystsHaveNoInstitutionArea() throws Exception {
    HttpResponse<String> page =
        new BrowserSession().open(PORTAL + "/institution/filings", "analyst", "analyst");

    assertThat(page.statusCode()).isEqualTo(403);
  }

  private String validatedFiling(String uscc, String rule, String zh, String en) {
    String filingId = "FPORTAL-" + UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO filing (filing_id, institution_uscc, filing_type, format, channel, mode,
                                received_at, sha256, size_bytes, raw, status, record_count,
                                accepted_count, rejected_count, validated_at)
            VALUES (?, ?, 'CASES', 'JSON', 'REST', 'LIVE', now(), ?, 2, '{}'::bytea,
                    'PARTIALLY_ACCEPTED', 10, 9, 1, now())
            """)
        .params(
            filingId,
            uscc,
            UUID.randomUUID().toString().replace("-", "")
                + "00000000000000000000000000000000".substring(0, 32))
        .update();
    jdbc.sql(
            """
            INSERT INTO validation_finding (filing_id, rule, severity, record_index, field,
                                            message_zh, message_en)
            VALUES (?, ?, 'ERROR', 3, 'channel', ?, ?)
            """)
        .params(filingId, rule, zh, en)
        .update();
    return filingId;
  }
}
