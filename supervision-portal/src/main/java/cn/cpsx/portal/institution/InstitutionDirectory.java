package cn.cpsx.portal.institution;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The institution registry (master data, REPORTING-SPEC §1) as the regulator looks names up. */
@Component
public class InstitutionDirectory {

  /** One registered institution. */
  public record Entry(
      String uscc, String shortName, String legalName, String nameEn, String type) {}

  private final JdbcClient jdbc;

  InstitutionDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every institution, by name: the search form's typeahead list. */
  public List<Entry> all() {
    return jdbc.sql(SELECT + " ORDER BY short_name").query(Entry.class).list();
  }

  /** The short names of the given institutions, by USCC; unknown USCCs are left out. */
  public Map<String, String> shortNames(Collection<String> usccs) {
    if (usccs.isEmpty()) {
      return Map.of();
    }
    return jdbc
        .sql("SELECT uscc, short_name FROM institution WHERE uscc IN (:usccs)")
        .param("usccs", usccs)
        .query((rs, n) -> Map.entry(rs.getString("uscc"), rs.getString("short_name")))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /**
   * Institutions whose USCC starts with, or whose Chinese or English name contains, the text; best
   * matches (USCC prefix, then short name) first.
   */
  public List<Entry> find(String text, int limit) {
    String q = text == null ? "" : text.strip();
    if (q.isEmpty()) {
      return List.of();
    }
    String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    return jdbc.sql(
            SELECT
                + """
                 WHERE uscc LIKE :prefix OR short_name ILIKE :like OR legal_name_zh ILIKE :like
                    OR name_en ILIKE :like
                 ORDER BY (uscc LIKE :prefix) DESC, (short_name ILIKE :like) DESC, short_name
                 LIMIT :limit
                """)
        .param("prefix", q.toUpperCase(java.util.Locale.ROOT) + "%")
        .param("like", like)
        .param("limit", limit)
        .query(Entry.class)
        .list();
  }

  /**
   * What a typed institution stands for: a USCC of the registry, or a name. {@code match} is set
   * when the text names exactly one institution (its USCC; or a short, legal or English name equal
   * to the text, ignoring case; or the only one containing it); otherwise {@code candidates} are
   * the institutions it could mean (empty: none).
   */
  public record Resolution(String text, Entry match, List<Entry> candidates) {
    public boolean ambiguous() {
      return match == null && !candidates.isEmpty();
    }
  }

  /** How many candidates an ambiguous name lists. */
  static final int CANDIDATES = 8;

  public Resolution resolve(String text) {
    String q = text == null ? "" : text.strip();
    List<Entry> found = find(q, 50);
    for (Entry e : found) {
      if (e.uscc().equalsIgnoreCase(q)
          || e.shortName().equalsIgnoreCase(q)
          || e.legalName().equalsIgnoreCase(q)
          || (e.nameEn() != null && e.nameEn().equalsIgnoreCase(q))) {
        return new Resolution(q, e, List.of());
      }
    }
    if (found.size() == 1) {
      return new Resolution(q, found.getFirst(), List.of());
    }
    return new Resolution(q, null, found.stream().limit(CANDIDATES).toList());
  }

  private static final String SELECT =
      "SELECT uscc, short_name, legal_name_zh AS legal_name, name_en, type FROM institution";
}
