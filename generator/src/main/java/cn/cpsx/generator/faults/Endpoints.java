package cn.cpsx.generator.faults;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the suite's own system answers, from the environment {@code scripts/faults} sets (the same
 * variables the apps and {@code scripts/stack} read).
 *
 * @param sftpRoot the gateway's folders on disk ({@code $CPSX_DATA/sftp})
 */
record Endpoints(
    String ingestion,
    String batchJobs,
    String portal,
    String keycloak,
    String sftpHost,
    int sftpPort,
    Path sftpRoot,
    int postgresPort,
    int elasticsearchPort,
    String caseAlias,
    Path data) {

  static Endpoints fromEnvironment(Map<String, String> env) {
    Path data = Path.of(required(env, "CPSX_DATA")).toAbsolutePath().normalize();
    return new Endpoints(
        "http://127.0.0.1:" + required(env, "CPSX_INGESTION_PORT"),
        "http://127.0.0.1:" + required(env, "CPSX_BATCH_PORT"),
        "http://127.0.0.1:" + required(env, "CPSX_PORTAL_PORT"),
        "http://localhost:" + env.getOrDefault("CPSX_KC_PORT", "18080"),
        "127.0.0.1",
        Integer.parseInt(required(env, "CPSX_SFTP_PORT")),
        data.resolve("sftp"),
        Integer.parseInt(required(env, "CPSX_PG_PORT")),
        Integer.parseInt(required(env, "CPSX_ES_PORT")),
        env.getOrDefault("CPSX_CASE_ALIAS", "cpsx-cases"),
        data);
  }

  /**
   * The suite kills and restarts what it runs on: never the shared stack of the default ports.
   *
   * @throws IllegalStateException when any port is one of the shared stack's
   */
  void requireOwnStack() {
    for (String url : new String[] {ingestion, batchJobs, portal}) {
      int port = Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
      if (port >= 8080 && port <= 8082) {
        throw new IllegalStateException("refusing the shared apps' port " + port);
      }
    }
    if (postgresPort == 15432 || elasticsearchPort == 19200 || sftpPort == 2222) {
      throw new IllegalStateException(
          "refusing the shared stack (PostgreSQL 15432, Elasticsearch 19200, SFTP 2222): "
              + "run through scripts/faults, which sets ports of its own");
    }
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/cpsx";
  }

  String elasticsearch() {
    return "http://127.0.0.1:" + elasticsearchPort;
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " is not set: run through scripts/faults");
    }
    return value;
  }
}
