package cn.cpsx.generator.periodic;

/** How an institution handles a due filing in the generated world. */
public enum Submission {
  ON_TIME,
  LATE,
  /** Never filed. */
  MISSING;
}
