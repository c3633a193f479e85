package cn.cpsx.ingestion.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.cpsx.schemas.ReportingTime;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
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
import org.springframework.boot.test.web.server.LocalServerPort;
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
  @LocalServerPort int port;

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

  @Test
  void aZeroByteFileGetsF001AndAnotherInstitutionsValidFileIsStillTaken() throws Exception {
    String empty = BANK + "_CASES_" + today() + "_" + seq() + ".json";
    String valid = OTHER_BANK + "_CASES_" + today() + "_" + seq() + ".csv";

    try (SftpClient sftp = login(BANK, secret(BANK))) {
      upload(sftp, "inbox/" + empty, new byte[0]);
    }
    Path emptyResult = outbox(BANK).resolve(empty + ".result.json");
    await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(emptyResult));
    assertThat(Files.readString(emptyResult)).contains("F001", "REJECTED", "empty file");
    assertThat(outbox(BANK).resolve(empty + ".receipt.json")).doesNotExist();
    assertThat(ROOT.resolve(BANK).resolve("inbox").resolve(empty)).doesNotExist();

    try (SftpClient sftp = login(OTHER_BANK, secret(OTHER_BANK))) {
      upload(sftp, "inbox/" + valid, csv().getBytes(StandardCharsets.UTF_8));
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Files.exists(outbox(OTHER_BANK).resolve(valid + ".receipt.json")));
  }

  @Test
  void aBurstOfFiftyOddlyNamedFilesGetsF010AndAValidFileIsStillTakenWithinSeconds()
      throws Exception {
    String good = BANK + "_CASES_" + today() + "_" + seq();
    List<String> odd = new ArrayList<>();
    for (int i = 0; odd.size() < 50; i++) {
      String n = seq();
      odd.add(good + n + ".json.exe");
      odd.add(good + n + ".json:Zone.Identifier");
      odd.add(BANK + "_CASE_" + today() + "_" + n + ".json");
      odd.add(BANK + "_CASES_" + today() + ".json");
      odd.add("报送 " + n + " ${date:now:yyyy} %s.json");
    }
    try (SftpClient sftp = login(BANK, secret(BANK))) {
      for (String name : odd.subList(0, 50)) {
        upload(sftp, "inbox/" + name, "{}".getBytes(StandardCharsets.UTF_8));
      }
      String valid = good + ".csv";
      upload(sftp, "inbox/" + valid, csv().getBytes(StandardCharsets.UTF_8));

      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> Files.exists(outbox(BANK).resolve(valid + ".receipt.json")));
    }
    for (String name : odd.subList(0, 50)) {
      Path result = outbox(BANK).resolve(name + ".result.json");
      await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(result));
      assertThat(Files.readString(result)).as(name).contains("F010", "REJECTED");
      assertThat(outbox(BANK).resolve(name + ".receipt.json")).doesNotExist();
    }
  }

  @Test
  void theSameBytesUnderASecondNameGetAResultSayingWhoseOutcomeItIs() throws Exception {
    String first = BANK + "_CASES_" + today() + "_" + seq() + ".csv";
    String second = BANK + "_CASES_" + today() + "_" + seq() + ".csv";
    byte[] bytes = csv().getBytes(StandardCharsets.UTF_8);

    try (SftpClient sftp = login(BANK, secret(BANK))) {
      upload(sftp, "inbox/" + first, bytes);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> Files.exists(outbox(BANK).resolve(first + ".receipt.json")));
      upload(sftp, "inbox/" + second, bytes);
    }
    Path secondReceipt = outbox(BANK).resolve(second + ".receipt.json");
    await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(secondReceipt));
    String filingId = receiptOf(outbox(BANK).resolve(first + ".receipt.json"));
    assertThat(receiptOf(secondReceipt)).isEqualTo(filingId);

    jdbc.sql(
            "UPDATE filing SET status = 'ACCEPTED', validated_at = now(), record_count = 1, accepted_count = 1, rejected_count = 0 WHERE filing_id = ?")
        .param(filingId)
        .update();
    Path secondResult = outbox(BANK).resolve(second + ".result.json");
    await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(secondResult));
    JsonNode result = JsonMapper.shared().readTree(Files.readString(secondResult));
    assertThat(result.get("duplicateOf").asString()).isEqualTo(filingId);
    assertThat(result.get("status").asString()).isEqualTo("ACCEPTED");
    assertThat(result.get("messageEn").asString()).contains("same bytes as filing " + filingId);
    assertThat(outbox(BANK).resolve(first + ".result.json")).exists();
  }

  @Test
  void anUploadOverTheLimitIsRefusedAndNothingOfItStaysInTheInbox() throws Exception {
    String name = BANK + "_CASES_" + today() + "_" + seq() + ".json";
    byte[] chunk = new byte[1024 * 1024];
    try (SftpClient sftp = login(BANK, secret(BANK))) {
      assertThatThrownBy(
              () -> {
                try (OutputStream out = sftp.write("inbox/" + name)) {
                  for (int i = 0; i <= 20; i++) {
                    out.write(chunk);
                  }
                }
              })
          .isInstanceOf(IOException.class);
    }
    Path result = outbox(BANK).resolve(name + ".result.json");
    await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(result));
    assertThat(Files.readString(result)).contains("F003");
    assertThat(ROOT.resolve(BANK).resolve("inbox").resolve(name)).doesNotExist();
  }

  @Test
  void takenFilesAndTheirFoldersAreOwnerOnly() throws Exception {
    String name = BANK + "_CASES_" + today() + "_" + seq() + ".csv";
    try (SftpClient sftp = login(BANK, secret(BANK))) {
      upload(sftp, "inbox/" + name, csv().getBytes(StandardCharsets.UTF_8));
    }
    Path receipt = outbox(BANK).resolve(name + ".receipt.json");
    await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(receipt));

    Path received = ROOT.resolve(".received").resolve(BANK);
    Path copy;
    try (var copies = Files.list(received)) {
      copy = copies.filter(p -> p.getFileName().toString().startsWith(name)).findFirst().get();
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(receipt)))
        .isEqualTo("rw-------");
    for (Path dir :
        List.of(ROOT, received, ROOT.resolve(BANK), ROOT.resolve(BANK).resolve("inbox"))) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
          .as(dir.toString())
          .isEqualTo("rwx------");
    }
  }

  @Test
  void aFileThatCannotBeReadIsSetAsideWithItsReasonAndTheNextFileIsTaken() throws Exception {
    String broken = BANK + "_CASES_" + today() + "_" + seq() + ".json";
    // Institutions cannot make links; a dangling one stands for any file that cannot be read.
    Files.createSymbolicLink(
        ROOT.resolve(BANK).resolve("inbox").resolve(broken), Path.of("/nonexistent/cpsx"));
    String valid = BANK + "_CASES_" + today() + "_" + seq() + ".csv";
    try (SftpClient sftp = login(BANK, secret(BANK))) {
      upload(sftp, "inbox/" + valid, csv().getBytes(StandardCharsets.UTF_8));
    }

    Path result = outbox(BANK).resolve(broken + ".result.json");
    await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(result));
    assertThat(Files.readString(result)).contains("NOT_PROCESSED", "set aside");
    try (var failed = Files.list(ROOT.resolve(".failed").resolve(BANK))) {
      assertThat(failed.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith(broken) && n.endsWith(".reason.txt"));
    }
    assertThat(ROOT.resolve(BANK).resolve("inbox").resolve(broken)).doesNotExist();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Files.exists(outbox(BANK).resolve(valid + ".receipt.json")));
  }

  @Test
  void healthReportsTheSftpIntakesLastFileAndBacklog() throws Exception {
    String name = BANK + "_CASES_" + today() + "_" + seq() + ".csv";
    try (SftpClient sftp = login(BANK, secret(BANK))) {
      upload(sftp, "inbox/" + name, csv().getBytes(StandardCharsets.UTF_8));
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Files.exists(outbox(BANK).resolve(name + ".receipt.json")));

    HttpResponse<String> health =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health/sftp"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    JsonNode details =
        JsonMapper.shared().readTree(health.body()).path("components").path("sftpIntake");
    assertThat(details.path("status").asString()).isEqualTo("UP");
    assertThat(details.path("details").path("backlog").isInt()).isTrue();
    assertThat(details.path("details").has("oldestWaitingSeconds")).isTrue();
    assertThat(details.path("details").path("lastTakenAt").asString()).isNotBlank();
  }

  private static Path outbox(String uscc) {
    return ROOT.resolve(uscc).resolve("outbox");
  }

  private static String receiptOf(Path receipt) throws IOException {
    return JsonMapper.shared().readTree(Files.readString(receipt)).get("filingId").asString();
  }

  private static String csv() {
    return "caseNo,receivedAt,channel,businessCategory,reason,demand,region,narrative,status\n"
        + "SFTP-"
        + UUID.randomUUID()
        + ",2026-10-15T09:00:00+08:00,BRANCH,DEPOSIT,SERVICE_QUALITY,APOLOGY,110101,"
        + "客户反映网点柜员态度生硬，要求道歉。,RECEIVED\n";
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
    return LocalDate.now(ReportingTime.ZONE).format(DateTimeFormatter.BASIC_ISO_DATE);
  }

  private static String seq() {
    return String.valueOf(ThreadLocalRandom.current().nextInt(1, 999_999));
  }
}
