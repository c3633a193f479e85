package cn.cpsx.generator.institution;

/**
 * One institution of the registry (the columns of {@code registry/demo-institutions.csv}).
 *
 * @param homeRegion the 6-digit region of its head office
 */
public record Institution(
    String uscc,
    String legalNameZh,
    String shortName,
    String nameEn,
    String type,
    String homeRegion,
    long retailCustomers,
    String licenceStatus) {

  /** A licence in force: such an institution files and is rated (§10). */
  public boolean active() {
    return "ACTIVE".equals(licenceStatus);
  }

  /** The two provincial digits of the head office. */
  public String homeProvince() {
    return homeRegion.substring(0, 2);
  }
}
