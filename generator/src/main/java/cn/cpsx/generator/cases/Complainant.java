package cn.cpsx.generator.cases;

/** The complainant fields of §2.1; any of them may be null (absent). */
public record Complainant(String name, String idNumber, String phone, String ageBand) {}
