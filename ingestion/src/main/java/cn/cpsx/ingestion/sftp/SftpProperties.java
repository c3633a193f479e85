package cn.cpsx.ingestion.sftp;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param port the gateway's port on loopback (2222)
 * @param root the folder holding one folder per institution (USCC)
 * @param hostKey where the server's host key is kept between starts
 * @param authorizedKeys a folder of {@code <USCC>.pub} files (OpenSSH authorized_keys format)
 * @param tokenUrl Keycloak's token endpoint: an institution's SFTP password is its client secret
 * @param retention how long a taken file's raw copy (it holds personal data) is kept under {@code
 *     .received/} and {@code .failed/} before the sweep deletes it
 * @param stallAfter a completed upload waiting longer than this marks the SFTP intake DOWN
 */
@ConfigurationProperties("cpsx.sftp")
public record SftpProperties(
    boolean enabled,
    int port,
    Path root,
    Path hostKey,
    Path authorizedKeys,
    String tokenUrl,
    @DefaultValue("30d") Duration retention,
    @DefaultValue("60s") Duration stallAfter) {}
