package cn.cpsx.portal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A database of its own on the test stack's PostgreSQL, for a test whose portal must not share the
 * test database (a load of its own size, or nothing published at all); the portal migrates it at
 * start ({@code cpsx.schema.migrate} in the it profile). Give the URL as {@code
 * spring.datasource.url} from a {@code @DynamicPropertySource}.
 */
public final class OwnDatabase {

  private OwnDatabase() {}

  /** Creates {@code name} if it does not exist (kept between runs), and returns its URL. */
  public static String kept(String name) throws SQLException {
    try (Connection c = DriverManager.getConnection(server() + "/postgres", "cpsx", "cpsx")) {
      if (!c.createStatement()
          .executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")
          .next()) {
        c.createStatement().execute("CREATE DATABASE " + name);
      }
    }
    return server() + "/" + name;
  }

  /** Drops {@code name} if it exists and creates it empty, and returns its URL. */
  public static String emptied(String name) throws SQLException {
    try (Connection c = DriverManager.getConnection(server() + "/postgres", "cpsx", "cpsx")) {
      c.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      c.createStatement().execute("CREATE DATABASE " + name);
    }
    return server() + "/" + name;
  }

  private static String server() {
    return "jdbc:postgresql://127.0.0.1:" + System.getenv().getOrDefault("CPSX_PG_PORT", "15432");
  }
}
