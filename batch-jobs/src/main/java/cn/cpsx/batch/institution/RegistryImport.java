package cn.cpsx.batch.institution;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/** Loads (upserts) a registry CSV when one is configured: the demo data set and the tests. */
@Component
class RegistryImport implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(RegistryImport.class);

  private final RegistryImportProperties properties;
  private final JdbcClient jdbc;

  RegistryImport(RegistryImportProperties properties, JdbcClient jdbc) {
    this.properties = properties;
    this.jdbc = jdbc;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) throws IOException {
    if (properties.importLocation() == null) {
      return;
    }
    int count = 0;
    try (InputStream in = properties.importLocation().getInputStream();
        MappingIterator<Map<String, String>> rows =
            new CsvMapper()
                .readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(in)) {
      while (rows.hasNext()) {
        Map<String, String> row = rows.next();
        jdbc.sql(
                """
                INSERT INTO institution (uscc, legal_name_zh, short_name, name_en, type, home_region,
                                         retail_customers, licence_status)
                VALUES (:uscc, :zh, :short, :en, :type, :region, :customers, :licence)
                ON CONFLICT (uscc) DO UPDATE SET legal_name_zh = excluded.legal_name_zh,
                    short_name = excluded.short_name, name_en = excluded.name_en,
                    type = excluded.type, home_region = excluded.home_region,
                    retail_customers = excluded.retail_customers,
                    licence_status = excluded.licence_status, updated_at = now()
                """)
            .param("uscc", row.get("uscc"))
            .param("zh", row.get("legalNameZh"))
            .param("short", row.get("shortName"))
            .param("en", row.get("nameEn"))
            .param("type", row.get("type"))
            .param("region", row.get("homeRegion"))
            .param("customers", Long.parseLong(row.get("retailCustomers")))
            .param("licence", row.get("licenceStatus"))
            .update();
        count++;
      }
    }
    log.info(
        "institution registry: {} institutions loaded from {}", count, properties.importLocation());
  }
}
