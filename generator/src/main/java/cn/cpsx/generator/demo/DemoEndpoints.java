package cn.cpsx.generator.demo;

/** Where the running system answers; {@code scripts/cpsx run} passes the defaults. */
public record DemoEndpoints(
    String ingestionUrl,
    String sftpHost,
    int sftpPort,
    String keycloakUrl,
    String portalUrl,
    String batchJobsUrl) {}
