package cn.cpsx.ingestion.sftp;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param port the gateway's port on loopback (2222)
 * @param root the folder holding one folder per institution (USCC)
 * @param hostKey where the server's host key is kept between starts
 * @param authorizedKeys a folder of {@code <USCC>.pub} files (OpenSSH authorized_keys format)
 * @param tokenUrl Keycloak's token endpoint: an institution's SFTP password is its client secret
 */
@ConfigurationProperties("cpsx.sftp")
public record SftpProperties(
    boolean enabled, int port, Path root, Path hostKey, Path authorizedKeys, String tokenUrl) {}
