package cn.cpsx.search.privacy;

/** The kinds of personal data REPORTING-SPEC §6 and §9 require masked. */
public enum PersonalDataKind {
  NAME,
  MOBILE,
  LANDLINE,
  RESIDENT_ID,
  BANK_CARD,
  EMAIL
}
