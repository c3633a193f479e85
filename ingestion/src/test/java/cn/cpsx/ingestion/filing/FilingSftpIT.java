package cn.cpsx.ingestion.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The SFTP channel with MINA's own SFTP client, against the gateway, Keycloak and PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class FilingSftpIT {

  static final String BANK = "91110000770914530P";
  static final String OTHER_BANK = "91110000416538280L";
  static final Path ROOT = Path.of("target/sftp-it/root");
  static SshClient ssh;

  @Autowired JdbcClient jdbc;

  @BeforeAll
  static void client() {
    ssh = SshClient.setUpDefaultClient();
    ssh.start();
  }

  @AfterAll
  static void stopClient() throws IOException {
    ssh.stop();
  }

  @Test
  void uploadedCsvIsFiledOnceAndItsReceiptAndResultAppearInTheOutbox() throws Exception {
    String name = BANK + "_CASES_" + today() + "_" + seq() + ".csv";
    String csv =
        "caseNo,receivedAt,channel,businessCategory,reason,demand,region,narrative,status\n"
            + "SFTP-"
            + seq()
            + ",2026-10-15T09:00:00+08:00,BRANCH,DEPOSIT,SERVICE_QUALITY,APOLOGY,110101,"
            + "客户反映网点柜员态度生硬，要求道歉。,RECEIVED\n";

    try (SftpClient sftp = login(BANK, secret(BANK))) {
      upload(sftp, "inbox/" + name, csv.getBytes(StandardCharsets.UTF_8));
    }

    Path receipt = ROOT.resolve(BANK).resolve("outbox").resolve(name + ".receipt.json");
    await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(receipt));
    JsonNode json = JsonMapper.shared().readTree(Files.readString(receipt));
    String filingId = json.get("filingId").asString();
    Map<String, Object> row =
        jdbc.sql(
                "SELECT channel, format, original_name, filing_type FROM filing WHERE filing_id = ?")
            .param(filingId)
            .query()
            .singleRow();
    assertThat(row)
        .containsEntry("channel", "SFTP")
        .containsEntry("format", "CSV")
        .containsEntry("original_name", name)
        .containsEntry("filing_type", "CASES");
    assertThat(Files.list(ROOT.resolve(BANK).resolve("inbox")).map(p -> p.getFileName().toString()))
        .as("taken out of the inbox")
        .doesNotContain(name);

    // batch-jobs validates; the gateway then writes the result once.
    jdbc.sql(
            "UPDATE filing SET status = 'ACCEPTED', validated_at = now(), record_count = 1, accepted_count = 1, rejected_count = 0 WHERE filing_id = ?")
        .param(filingId)
        .update();
    Path result = ROOT.resolve(BANK).resolve("outbox").resolve(name + ".result.json");
    await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(result));
    assertThat(JsonMapper.shared().readTree(Files.readString(result)).get("status").asString())
        .isEqualTo("ACCEPTED");
  }

  @Test
  void jsonNamingAnotherInstitutionGetsAnF005ResultAndNoReceipt() throws Exception {
    String name = BANK + "_CASES_" + today() + "_" + seq() + ".json";
    byte[] body = FilingRestIT.casesFiling(OTHER_BANK, "SFTP-" + seq());

    try (SftpClient sftp = login(BANK, secret(BANK))) {
      upload(sftp, "inbox/" + name, body);
    }

    Path result = ROOT.resolve(BANK).resolve("outbox").resolve(name + ".result.json");
    await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(result));
    assertThat(Files.readString(result)).contains("F005");
    assertThat(ROOT.resolve(BANK).resolve("outbox").resolve(name + ".receipt.json")).doesNotExist();
  }

  @Test
  void institutionsAreConfinedToTheirInboxAndHostileNamesAreRefused() throws Exception {
    try (SftpClient sftp = login(BANK, secret(BANK))) {
      assertThatThrownBy(() -> upload(sftp, "outbox/x.json", new byte[] {1}))
          .isInstanceOf(IOException.class);
      assertThatThrownBy(
              () -> upload(sftp, "inbox/../../" + OTHER_BANK + "/inbox/x.json", new byte[] {1}))
          .isInstanceOf(IOException.class);
      assertThatThrownBy(() -> upload(sftp, "inbox/bad\u0001name.json", new byte[] {1}))
          .isInstanceOf(IOException.class);
      assertThatThrownBy(() -> upload(sftp, "inbox/" + "长".repeat(90) + ".json", new byte[] {1}))
          .isInstanceOf(IOException.class);
      // "/" is the institution's own folder: the other institutions are not there to be seen.
      assertThat(sftp.readDir("/"))
          .extracting(SftpClient.DirEntry::getFilename)
          .doesNotContain(OTHER_BANK);
    }
    assertThat(ROOT.resolve(OTHER_BANK).resolve("inbox").resolve("x.json")).doesNotExist();
  }

  @Test
  void wrongPasswordOrForeignUserIsRefused() {
    assertThatThrownBy(() -> login(BANK, "not-the-secret").close()).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> login(BANK, secret(OTHER_BANK)).close())
        .isInstanceOf(IOException.class);
  }

  @Test
  void anUploadStillOpenIsNotTakenHoweverLongItPausesAndIsTakenOnceClosed() throws Exception {
    String name = BANK + "_CASES_" + today() + "_" + seq() + ".json";
    byte[] body = FilingRestIT.casesFiling(BANK, "SFTP-" + seq());
    Path receipt = ROOT.resolve(BANK).resolve("outbox").resolve(name + ".receipt.json");

    try (SftpClient sftp = login(BANK, secret(BANK))) {
      SftpClient.CloseableHandle handle =
          sftp.open(
              "inbox/" + name,
              SftpClient.OpenMode.Write,
              SftpClient.OpenMode.Create,
              SftpClient.OpenMode.Truncate);
      sftp.write(handle, 0, body, 0, body.length / 2);
      // The size now stands still far longer than the 2-second rule; the handle is still open.
      await()
          .during(Duration.ofSeconds(5))
          .atMost(Duration.ofSeconds(6))
          .until(() -> !Files.exists(receipt));
      sftp.write(handle, body.length / 2, body, body.length / 2, body.length - body.length / 2);
      handle.close();
    }

    await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(receipt));
    String sha256 =
        JsonMapper.shared().readTree(Files.readString(receipt)).get("sha256").asString();
    assertThat(sha256).as("the whole file, not its first half").isEqualTo(FilingInbox.sha256(body));
  }

  @Test
  void anUploadCutOffBeforeItIsClosedIsDeletedNothingIsFiledAndTheResultSaysF001()
      throws Exception {
    String name = BANK + "_CASES_" + today() + "_" + seq() + ".json";
    byte[] body = FilingRestIT.casesFiling(BANK, "SFTP-" + seq());
    Path inbox = ROOT.resolve(BANK).resolve("inbox").resolve(name);

    SftpClient sftp = login(BANK, secret(BANK));
    SftpClient.CloseableHandle handle =
        sftp.open("inbox/" + name, SftpClient.OpenMode.Write, SftpClient.OpenMode.Create);
    sftp.write(handle, 0, body, 0, body.length / 2);
    assertThat(inbox).exists();
    sftp.getClientSession().close(true); // the connection drops: no SSH_FXP_CLOSE ever comes

    await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(inbox));
    await()
        .during(Duration.ofSeconds(4))
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                jdbc.sql("SELECT count(*) FROM filing WHERE original_name = ?")
                        .param(name)
                        .query(Long.class)
                        .single()
                    == 0);
    assertThat(ROOT.resolve(BANK).resolve("outbox").resolve(name + ".receipt.json")).doesNotExist();
    Path result = ROOT.resolve(BANK).resolve("outbox").resolve(name + ".result.json");
    assertThat(result).exists();
    assertThat(Files.readString(result)).contains("F001", "REJECTED", "upload it again", "重新上传");
  }

  private static SftpClient login(String user, String password) throws IOException {
    ClientSession session =
        ssh.connect(user, "127.0.0.1", 18022).verify(Duration.ofSeconds(10)).getSession();
    session.addPasswordIdentity(password);
    session.auth().verify(Duration.ofSeconds(20));
    return SftpClientFactory.instance().createSftpClient(session).singleSessionInstance();
  }

  private static void upload(SftpClient sftp, String path, byte[] bytes) throws IOException {
    try (OutputStream out = sftp.write(path)) {
      out.write(bytes);
    }
  }

  private static String secret(String uscc) {
    return "demo-" + uscc.toLowerCase(Locale.ROOT);
  }

  private static String today() {
    return LocalDate.now(ZoneId.of("Asia/Shanghai")).format(DateTimeFormatter.BASIC_ISO_DATE);
  }

  private static String seq() {
    return String.valueOf(ThreadLocalRandom.current().nextInt(1, 999_999));
  }
}
