package cn.cpsx.batch.institution;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Looks institutions up in the registry table. */
@Component
public class InstitutionRegistry {

  private final JdbcClient jdbc;

  InstitutionRegistry(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A registered institution whose licence is not revoked (rule F006). */
  public boolean isActive(String uscc) {
    return jdbc.sql("SELECT licence_status = 'ACTIVE' FROM institution WHERE uscc = ?")
        .param(uscc)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }
}
