package cn.cpsx.generator.institution;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/** Reads a registry CSV in the shape of the demo registry that ships with the schemas module. */
public final class InstitutionRegistry {

  /** The 64 demo institutions, as batch-jobs imports them. */
  public static final String DEMO = "/registry/demo-institutions.csv";

  private InstitutionRegistry() {}

  public static List<Institution> demo() {
    try (InputStream in = InstitutionRegistry.class.getResourceAsStream(DEMO)) {
      if (in == null) {
        throw new IllegalStateException("missing " + DEMO + " (schemas module)");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<Institution> read(InputStream csv) {
    CsvMapper mapper = new CsvMapper();
    List<Institution> institutions = new ArrayList<>();
    try (MappingIterator<Map<String, String>> rows =
        mapper
            .readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader())
            .readValues(csv)) {
      while (rows.hasNext()) {
        Map<String, String> row = rows.next();
        institutions.add(
            new Institution(
                row.get("uscc"),
                row.get("legalNameZh"),
                row.get("shortName"),
                row.get("nameEn"),
                row.get("type"),
                row.get("homeRegion"),
                Long.parseLong(row.get("retailCustomers")),
                row.get("licenceStatus")));
      }
    }
    return List.copyOf(institutions);
  }
}
