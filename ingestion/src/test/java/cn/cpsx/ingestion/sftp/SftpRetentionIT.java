package cn.cpsx.ingestion.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Raw copies of taken files are personal data: kept for the retention period, then swept. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class SftpRetentionIT {

  static final String BANK = "91110000770914530P";

  @Autowired SftpRetention retention;
  @Autowired SftpGateway gateway;
  @Autowired SftpProperties properties;

  @Test
  void rawCopiesOlderThanTheRetentionAreDeletedAndYoungerOnesKept() throws Exception {
    assertThat(properties.retention()).isEqualTo(Duration.ofDays(30));
    Path received = gateway.folders().received(BANK);
    Path failed = gateway.folders().failed(BANK);
    Path old = Files.writeString(received.resolve("old.csv.20250101000000000"), "x");
    Path oldFailed = Files.writeString(failed.resolve("old.json.20250101000000000"), "x");
    Path young = Files.writeString(received.resolve("young.csv.20260101000000000"), "x");
    FileTime longAgo = FileTime.from(Instant.now().minus(Duration.ofDays(31)));
    Files.setLastModifiedTime(old, longAgo);
    Files.setLastModifiedTime(oldFailed, longAgo);
    Files.setLastModifiedTime(young, FileTime.from(Instant.now().minus(Duration.ofDays(29))));

    assertThat(retention.sweep()).isGreaterThanOrEqualTo(2);

    assertThat(old).doesNotExist();
    assertThat(oldFailed).doesNotExist();
    assertThat(young).exists();
  }
}
